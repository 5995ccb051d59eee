import json,random,importlib,collections,re,csv,io,difflib,sys
sys.path.insert(0,'.')
P=[]
for i in range(1,10): P+=importlib.import_module('b%02d'%i).P
from tickets import T
from b04 import CALEG
CATS={'attack','caleg','call-to-vote','camp-activity','party-promo','praise','programme','slogan-symbol','unlisted-ticket',
      'everyday','namesake','neutrality','news','voter-info'}
EL={'pilpres','pilkada','pileg','pilkades','none'}
LB={'violation','caution','ok'}
for p in P:
    assert len(p)==5,p
    t,l,c,e,r=p
    assert l in LB and c in CATS and e in EL,p
    if c in ('everyday','namesake'): assert e=='none',p
random.Random(5).shuffle(P)
# near-duplicate check
def norm(s): return re.sub(r'[^a-z0-9 ]','',s.lower())
N=[norm(p[0]) for p in P]
assert len(set(N))==len(N),"exact dup"
bad=[]
for i in range(len(N)):
    for j in range(i+1,len(N)):
        r=difflib.SequenceMatcher(None,N[i],N[j]).quick_ratio()
        if r>0.8 and difflib.SequenceMatcher(None,N[i],N[j]).ratio()>0.7: bad.append((P[i][0],P[j][0]))
for b in bad: print("NEAR",b)
with open('../heldout-blind-5.jsonl','w') as f:
    for k,(t,l,c,e,r) in enumerate(P,1):
        f.write(json.dumps({"id":"b5-%04d"%k,"text":t,"label":l,"category":c,"election":e,"source":"written:heldout-blind-5","reason":r},ensure_ascii=False)+"\n")
with open('../tickets-blind-5.csv','w',newline='') as f:
    w=csv.writer(f,lineterminator='\n'); w.writerow(["election","region","number","candidate","running_mate","aliases"])
    for e,reg,n,c,m in T: w.writerow([e,reg,n,c,m,""])
    for e,reg,n,c in CALEG: w.writerow([e,reg,n,c,"",""])
print(len(P),"posts;",len(T)+len(CALEG),"csv rows")
