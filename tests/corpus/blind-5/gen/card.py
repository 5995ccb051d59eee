import json,collections,csv
R=[json.loads(l) for l in open('../heldout-blind-5.jsonl')]
rows=list(csv.DictReader(open('../tickets-blind-5.csv')))
LB=['violation','caution','ok']
CAMP=['attack','caleg','call-to-vote','camp-activity','party-promo','praise','programme','slogan-symbol','unlisted-ticket']
NON=['everyday','namesake','neutrality','news','voter-info']
EL=['pilpres','pilkada','pileg','pilkades','none']
lab=collections.Counter(r['label'] for r in R)
cl=collections.Counter((r['category'],r['label']) for r in R)
el=collections.Counter((r['election'],r['label']) for r in R)
def table(keys,cnt,head):
    s="| %s | violation | caution | ok | total |\n|---|---|---|---|---|\n"%head
    for k in keys:
        v=[cnt[(k,l)] for l in LB]; s+="| %s | %d | %d | %d | %d |\n"%(k,*v,sum(v))
    v=[sum(cnt[(k,l)] for k in keys) for l in LB]; s+="| **total** | %d | %d | %d | %d |\n"%(*v,sum(v))
    return s
ncamp=sum(1 for r in R if r['category'] in CAMP)
L=[len(r['text']) for r in R]
csvel=collections.Counter(r['election'] for r in rows)
card=f"""# heldout-blind-5: blind evaluation set for the ASN election-neutrality post checker

## Source
Written blind for this evaluation by one helper session on 2026-12-07, from its own knowledge of how Indonesians write about
elections online. Every post is original text; none is copied from a real account.

What I read: the brief for this set, and `/work/shared/rules-reference.md` **sections 0, 1 and 2 only** (legal sources, rule
list, 2024 parties and presidential tickets).
What I did not read: section 3 onwards of that file (hashtags, slogans, seed lexicon), the checker code or any checkout
(`/work/main`, `/work/ci-clone`, others), other datasets (`/work/blind3`, `/work/blind4`, `/work/scratch`, `/work/notes`),
other briefs. No code search or web search was used.

## Licence
MIT.

## Files
- `heldout-blind-5.jsonl`: {len(R)} posts, fields `id, text, label, category, election, source, reason`
  (`source` is always `written:heldout-blind-5`). Post order is shuffled (seed 5), so ids carry no category information.
- `tickets-blind-5.csv`: {len(rows)} rows (`election,region,number,candidate,running_mate,aliases`, aliases always empty):
  {', '.join(f'{k} {v}' for k,v in sorted(csvel.items()))}. It lists every Pilkada, pilkades/pilwana and caleg contestant
  named in the posts, plus the opponents in the same race where a ticket was named, and the 2014 and 2019 presidential tickets.
  2024 presidential tickets are not listed (they are in the rules reference).
- `gen/`: the batches as written (`b01.py` to `b09.py`, tuples of text, label, category, election, reason),
  `tickets.py` (Pilkada/pilkades/Pilpres rows), `b04.py` also holds the caleg rows, `longpatch.py` (longer versions
  of 15 posts that replace the short originals), `build.py` (validates, shuffles, writes the JSONL and CSV), `card.py` (writes this card).
  Rebuild with `cd gen && python3 build.py && python3 card.py`.

## Size and counts (computed from the file)
- Posts: {len(R)}; campaigning categories {ncamp} ({100*ncamp/len(R):.1f}%), not-campaigning {len(R)-ncamp} ({100*(len(R)-ncamp)/len(R):.1f}%).
- Labels: violation {lab['violation']}, caution {lab['caution']}, ok {lab['ok']}.
- Text length: min {min(L)}, median {sorted(L)[len(L)//2]}, max {max(L)} characters; {sum(1 for x in L if x<=120)} posts are 120 characters or shorter, {sum(1 for x in L if x>200)} are longer than 200.

### Category × label
{table(CAMP+NON,cl,'category')}
### Election × label
{table(EL,el,'election')}
## How it was labelled
The writer labelled each post while writing it and gave a one-sentence English reason. Rules applied:
- `violation`: the post supports or attacks a candidate, ticket, caleg, village-head candidate or party in an election context,
  including coded support (numbers, colours, salutes, nicknames, "beliau berdua"), support under a neutrality disclaimer,
  campaign activity (posko, relawan, saksi, twibbon, KTP collection, rallies, selfies "semoga jadi"), and mockery of a camp's voters.
- `caution`: partisan-leaning but ambiguous: hints with no name or number, a candidate identifiable only by clothing,
  colour or a vague description, news shared with a cheering or jeering comment, past-contest nostalgia.
- `ok`: neutral news (results, quick counts, polls, court/DKPP/Bawaslu rulings, debates with reported quotes, fact checks,
  op-ed shares with neutral comment), voter information, neutrality reminders, everyday posts that reuse election vocabulary,
  namesakes, and non-public contests (class captain, OSIS, RT head, cooperative chair).
- `election` is the contest the post is about; `everyday` and `namesake` posts are always `none`. Wali nagari (pilwana) and
  kalebun elections are labelled `pilkades`.
The election mix is {', '.join(f"{k} {sum(el[(k,l)] for l in LB)}" for k in EL)}. It sits a little off the brief's target
(30/35/20/10), because the 70 everyday/namesake hard negatives must be `none`.

## What it imitates
Comment-section and reply voice: Facebook comments, X replies and quote-tweets, Instagram captions, WhatsApp group
forwards and office/RT/alumni group messages, TikTok comments. Lowercase, abbreviations (yg, gk, bgt, sdh, jd), slang
(gemoy, omon-omon, oke gas, sat set, gaskeun), emoji numbers and salutes, hashtags, sarcasm, rhetorical questions and
English code-mixing. It also has regional flavour: Javanese ngoko and krama, Banyumasan, Sundanese, Betawi, Minang, Batak,
Banjar, Makassar/Bugis, Madurese, Palembang, Manado and Balinese greetings.
Contests covered: Pilpres 2024 (all three tickets) and, looking back, 2019 and 2014. Pilkada 2024 real races: DKI Jakarta,
Jawa Barat, Jawa Tengah, Jawa Timur, Sumatera Utara, Banten, Sumatera Barat, Sulawesi Selatan, Bali, Kalimantan Timur,
Sumatera Selatan, and the cities of Surabaya (single ticket vs empty box), Surakarta and Bandung. Invented Pilkada tickets are set in real
regencies and cities: Garut, Banyumas, Bangkalan, Gowa, Banjarmasin, Tapanuli Utara, Agam, Palembang, Sleman, Bone,
Manado, Lamongan, Cianjur, Jember and Enrekang. Pileg has invented calegs for DPR RI, DPRD provinsi and kabupaten/kota,
and one DPD candidate, plus party promotion for most national parties. Pilkades has invented village-head and
wali-nagari candidates.
Hard negatives include "dukung UMKM", "pilih menu", "relawan banjir", "tim sukses nikahan", peace poses at weddings and
graduations, "Garuda" (football and airline), "lanjutkan", "satu putaran" (running), "omon-omon", "oke gas", "gemoy"
(a baby or a cat), "aamiin", "ganjar" as the verb, the anis bird, banteng the animal, beringin, Matahari the store,
mawar, Ka'bah on umrah, and namesakes such as a welder called Prabowo.

## Limits
- A single writer who is also the single annotator. There is no second opinion and no agreement figure, and the
  caution/violation and caution/ok boundaries reflect one person's judgement.
- The regional-language lines were written by a non-native writer. Some may be unidiomatic or mix dialects, and the
  Madurese, Batak, Bugis/Makassar and Manado lines are the least reliable.
- Real 2024 Pilkada ballot numbers are from memory and were not checked. The least certain are Kota Bandung, Kota
  Surakarta and Sumatera Selatan, then Sumatera Barat and Kalimantan Timur. Some vote shares and quotes in news posts
  are approximate and paraphrased from memory. They may be slightly wrong, which does not affect the label.
- All invented contestants, calegs and village-head candidates are fictional. Any match with a real person is
  unintended. The CSV does not mark which rows are invented: the real 2024 Pilkada rows are DKI Jakarta, Jawa Barat,
  Jawa Tengah, Jawa Timur, Sumatera Utara, Banten, Sumatera Barat, Sulawesi Selatan, Bali, Kalimantan Timur,
  Sumatera Selatan, Kota Surabaya, Kota Surakarta and Kota Bandung; every other Pilkada, pilkades and Pileg row is invented.
- Text only. There are no images, hand poses in photos, account context (likes, follows, group names) or twibbon
  frames, only their descriptions in text.
- Some posts mention real public figures in invented quotes or opinions. These are typical comment-section claims, not facts.
"""
open('../CARD.md','w').write(card)
print(card[:3000])
