import json, glob, random, re, csv, collections, sys
sys.path.insert(0, '.')
from tickets import T
from tickets_inv import TI
ALL = dict(T); ALL.update(TI)
LAB = {'v':'violation','c':'caution','o':'ok'}
CATS = {'attack','caleg','call-to-vote','camp-activity','party-promo','praise','programme','slogan-symbol','unlisted-ticket',
        'everyday','namesake','neutrality','news','voter-info'}
ELEC = {'pilpres','pilkada','pileg','pilkades','none'}
rows = []
for fn in sorted(glob.glob('b*.txt')):
    for i, line in enumerate(open(fn, encoding='utf-8')):
        line = line.rstrip('\n')
        if not line.strip(): continue
        p = line.split('|')
        assert len(p) == 6, (fn, i+1, len(p), line)
        lab, cat, el, text, reason, keys = p
        assert lab in LAB and cat in CATS and el in ELEC, (fn, i+1, line)
        keys = [k for k in keys.split(',') if k]
        for k in keys:
            assert k in ALL, (fn, i+1, k)
            toks = ALL[k][5]
            if not any(t in text.lower() for t in toks):
                print('WARN token', fn, i+1, k, text[:60])
        rows.append(dict(text=text.strip(), label=LAB[lab], category=cat, election=el, reason=reason.strip(), keys=keys, src=f'{fn}:{i+1}'))
print('rows', len(rows))
# near-dup check
def grams(s):
    s = re.sub(r'\s+', ' ', s.lower()); return {s[i:i+4] for i in range(len(s)-3)}
G = [grams(r['text']) for r in rows]
for i in range(len(rows)):
    for j in range(i+1, len(rows)):
        a, b = G[i], G[j]
        if not a or not b: continue
        jac = len(a & b) / len(a | b)
        if jac > 0.45: print('NEARDUP %.2f' % jac, rows[i]['src'], rows[j]['src'])
assert len({r['text'] for r in rows}) == len(rows), 'exact dup'
random.seed(4)
order = list(range(len(rows))); random.shuffle(order)
with open('../heldout-blind-4.jsonl', 'w', encoding='utf-8') as f:
    for n, idx in enumerate(order, 1):
        r = rows[idx]
        f.write(json.dumps({"id": f"b4-{n:04d}", "text": r['text'], "label": r['label'], "category": r['category'],
                            "election": r['election'], "source": "written:heldout-blind-4", "reason": r['reason']}, ensure_ascii=False) + '\n')
used = []
for r in rows:
    for k in r['keys']:
        if k not in used: used.append(k)
def sk(k):
    e = ALL[k]; return (e[0], e[1], int(e[2]) if e[2].isdigit() else 99)
with open('../tickets-blind-4.csv', 'w', encoding='utf-8', newline='') as f:
    w = csv.writer(f); w.writerow(['election','region','number','candidate','running_mate','aliases'])
    for k in sorted(used, key=sk):
        e = ALL[k]; w.writerow([e[0], e[1], e[2], e[3], e[4], ''])
unused = [k for k in ALL if k not in used]
print('csv rows', len(used), 'unused keys', unused)
json.dump([{k: v for k, v in r.items()} for r in rows], open('rows_debug.json', 'w'), ensure_ascii=False)
