import json, collections, csv
R = [json.loads(l) for l in open('../heldout-blind-4.jsonl', encoding='utf-8')]
C = collections.Counter
labs = ['violation', 'caution', 'ok']
cats = ['attack','caleg','call-to-vote','camp-activity','party-promo','praise','programme','slogan-symbol','unlisted-ticket',
        'everyday','namesake','neutrality','news','voter-info']
els = ['pilpres','pilkada','pileg','pilkades','none']
def table(key, keys):
    c = C((r[key], r['label']) for r in R)
    out = [f'| {key} | ' + ' | '.join(labs) + ' | total |', '|---|' + '---:|' * 4]
    for k in keys:
        out.append(f'| {k} | ' + ' | '.join(str(c[(k, l)]) for l in labs) + f' | {sum(c[(k, l)] for l in labs)} |')
    out.append('| **total** | ' + ' | '.join(str(sum(c[(k, l)] for k in keys)) for l in labs) + f' | {len(R)} |')
    return '\n'.join(out)
lc = C(r['label'] for r in R)
camp = set(cats[:9])
ncamp = sum(r['category'] in camp for r in R)
L = sorted(len(r['text']) for r in R)
nrows = sum(1 for _ in open('../tickets-blind-4.csv', encoding='utf-8')) - 1
ce = C(row['election'] for row in csv.DictReader(open('../tickets-blind-4.csv', encoding='utf-8')))
card = f"""# heldout-blind-4: blind evaluation set for the ASN election-neutrality post checker

## Source
- Written blind for this evaluation by a single helper session (one writer, who is also the only annotator). Every post was composed from the writer's own knowledge of how Indonesians write about elections online. No post was copied or scraped.
- **Read:** the brief (`/work/briefs/blind4.md`) and sections 0, 1 and 2 of `/work/shared/rules-reference.md` (legal sources, the rule list, the 2024 parties and tickets).
- **Not read:** section 3 or later of the rules reference (hashtags and slogans), the checker's code or lexicons (`/work/main`, `/work/ci-clone` and every other checkout), any other dataset on the machine (`/work/blind3`, `/work/scratch`, `/work/notes`, other briefs). No code search and no web search.
- Generator: the hand-written posts are in `gen/b*.txt`, one per line as `label|category|election|text|reason|ticket-keys`. `gen/tickets.py` and `gen/tickets_inv.py` hold the contestants. `gen/build.py` checks the format, flags near-duplicates (4-gram Jaccard; no pair in the set is above 0.30), shuffles with a fixed seed (4), assigns ids and writes the JSONL and the CSV. `gen/card.py` computes the counts in this card from the JSONL.

## Licence
MIT.

## Files and size
- `heldout-blind-4.jsonl`: **{len(R)} posts**, one JSON object per line: `id` (b4-0001…b4-0500), `text`, `label`, `category`, `election`, `source` (`written:heldout-blind-4`), `reason` (one English sentence).
- `tickets-blind-4.csv`: **{nrows} rows** (`election,region,number,candidate,running_mate,aliases`). It covers every Pilkada, pilkades and caleg contestant that a post names, plus the 2014 and 2019 presidential tickets. Rows by election: {', '.join(f'{k} {v}' for k, v in sorted(ce.items()))}. `aliases` is empty everywhere. `running_mate` is empty for calegs and village heads. For calegs, `region` holds legislature + dapil + party. Rows were also added for a few contestants referred to only by number or nickname (e.g. "coblos no 4 … jabar", "RIDO"), so that the number can be resolved.
- Text length (characters): min {L[0]}, median {L[len(L)//2]}, max {L[-1]}. {sum(l <= 120 for l in L)} posts are 120 characters or shorter.

## Counts (computed from the file)
Labels: violation {lc['violation']}, caution {lc['caution']}, ok {lc['ok']}.
Campaigning categories: {ncamp} posts ({100*ncamp/len(R):.0f}%). Not campaigning: {len(R)-ncamp} ({100*(len(R)-ncamp)/len(R):.0f}%).

### Category × label
{table('category', cats)}

### Election × label
{table('election', els)}

## How it was labelled
Each post got its label, category, election and reason when it was written, by the same person who wrote it, following the brief:
- `violation`: the post supports or attacks a candidate, ticket, caleg or party in an election context. This includes disclaimed support ("bukan kampanye ya…", "saya ASN netral tapi…"), coded support (numbers, finger emoji, colours, nicknames, "nomor tengah", "yg pake kacamata"), attacks on a camp's voters (cebong/kampret/kadrun), party membership and promotion, and support for past tickets (2014/2019 Pilpres, DKI 2017, Jabar/Jateng 2018, Solo/Medan 2020).
- `caution`: partisan-leaning but genuinely ambiguous. Examples: a hint or jab with no name, a coded colour hint, attending an unnamed candidate's event, news shared with a cheering or gloating comment.
- `ok`: neutral news (quick counts, KPU/MK/DKPP/Bawaslu rulings, polls, fact checks, debate reports, op-ed style analysis), voter information, neutrality reminders and circulars, everyday posts that share election vocabulary, namesakes, and contests that are not public elections (class captain, OSIS, RT head, karang taruna, office "staff of the month").
- The `election` field for campaigning posts is the contest the post is about. Posts about past Pilkada tickets are `pilkada`, and the 2014 Prabowo–Hatta post is `pilpres`. All everyday/namesake posts are `none`, plus one general social-media tip for ASN under `neutrality`.

## What it imitates
Comment-section and reply voice: Facebook comments, X replies and quote-posts, Instagram captions, WhatsApp group broadcasts (office, school, arisan, PKK, village groups) and TikTok-style comments. The posts use lowercase, abbreviations (yg, gk, bgt, sdh, dgn, jd…), emoji, hashtags, sarcasm, rhetorical questions, nicknames, and back-references ("mereka berdua", "beliau", "yg satu ini"). They code-mix with regional flavours: Javanese (ngoko, krama, Banyumasan), Sundanese, Betawi, Minang, Batak, Banjar, Bugis/Makassar, Madurese, Palembang, Manado, Acehnese, Balinese, Sasak and Kupang. Hard negatives reuse campaign words in other senses: numbers, "dukung UMKM", "pilih menu", "relawan banjir", "tim sukses nikahan", peace signs at weddings, football chants, "oke gas", "ordal", "diganjar", "amin", "koster", "mualem", "deru", "partai besar" (a wholesale batch).

## Limits
- **One writer and one annotator.** There is no second annotation and no agreement figure. The caution/violation boundary in particular reflects one person's judgement.
- **Regional languages were written by a non-native writer.** The Sundanese, Madurese, Acehnese, Balinese, Sasak, Bugis/Makassar and Manado lines are approximate and may contain unnatural or wrong forms.
- **Ticket numbers come from memory** and were not checked against KPU decisions. This covers the 2024 Pilkada pairs (the Jakarta, Jabar, Jateng, Jatim, Sumut, Banten, Sulsel, Bali, Sumbar, Aceh, Sumsel, Sulut, Kaltim, Solo, Semarang, NTB and Riau pairs; the Tasikmalaya pair and its number are the least certain) and the 2017/2018/2020 pairs. News figures (quick-count percentages, turnout, case counts) are approximate, as remembered.
- Invented contestants (regency tickets, calegs, village heads) are placed in real regions. Their names may by chance match real people.
- Some news posts about real people paraphrase what they said; only a few well-known quotes are given verbatim.
- Text only: no images, hand-pose photos, account context or like/share actions. The set is not a random sample of real posts, and its class balance is set by the brief, not by real-world prevalence.
"""
open('../CARD.md', 'w', encoding='utf-8').write(card)
print(card[:300])
