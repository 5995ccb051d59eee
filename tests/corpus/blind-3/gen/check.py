#!/usr/bin/env python3
"""Checks for heldout-blind-3.jsonl and prints count tables (used for CARD.md)."""
import json, collections, difflib, re, os, sys
here = os.path.dirname(os.path.abspath(__file__))
path = os.path.join(here, '..', 'heldout-blind-3.jsonl')
CATS = {'attack','caleg','call-to-vote','camp-activity','party-promo','praise','programme','slogan-symbol',
        'unlisted-ticket','everyday','namesake','neutrality','news','voter-info'}
CAMP = {'attack','caleg','call-to-vote','camp-activity','party-promo','praise','programme','slogan-symbol','unlisted-ticket'}
ELE = {'pilpres','pilkada','pileg','pilkades','none'}
rows = []
for i, line in enumerate(open(path, encoding='utf-8'), 1):
    o = json.loads(line)
    assert set(o) == {'id','text','label','category','election','source','reason'}, (i, o.keys())
    assert o['label'] in {'violation','caution','ok'} and o['category'] in CATS and o['election'] in ELE, o
    assert o['source'] == 'written:heldout-blind-3'
    if o['category'] in {'everyday','namesake'}: assert o['election'] == 'none', o['id']
    else: assert o['election'] != 'none', o['id']
    if o['category'] in CAMP: assert o['label'] != 'ok', o['id']
    else: assert o['label'] != 'violation', o['id']
    rows.append(o)
assert len(rows) == 480, len(rows)
assert len({r['id'] for r in rows}) == 480
norm = lambda t: re.sub(r'[^a-z0-9 ]', '', t.lower())
texts = [norm(r['text']) for r in rows]
assert len(set(texts)) == 480, 'exact duplicates'
near = []
for a in range(len(rows)):
    for b in range(a+1, len(rows)):
        sm = difflib.SequenceMatcher(None, texts[a], texts[b])
        if sm.real_quick_ratio() > 0.7 and sm.quick_ratio() > 0.7 and sm.ratio() > 0.7:
            near.append((round(sm.ratio(),2), rows[a]['id'], rows[b]['id'], rows[a]['text'], rows[b]['text']))
for n in near: print('NEAR', n)
print('near-duplicates (ratio>0.7):', len(near))
L = ['violation','caution','ok']
def table(key, order):
    c = collections.Counter((r[key], r['label']) for r in rows)
    print(f'\n| {key} | ' + ' | '.join(L) + ' | total |'); print('|---|' + '---|'*(len(L)+1))
    for k in order:
        vals = [c[(k,l)] for l in L]
        print(f'| {k} | ' + ' | '.join(map(str, vals)) + f' | {sum(vals)} |')
    print('| total | ' + ' | '.join(str(sum(c[(k,l)] for k in order)) for l in L) + f' | {len(rows)} |')
lc = collections.Counter(r['label'] for r in rows)
print('\nlabels:', dict(lc))
table('category', ['attack','caleg','call-to-vote','camp-activity','party-promo','praise','programme','slogan-symbol','unlisted-ticket','everyday','namesake','neutrality','news','voter-info'])
table('election', ['pilpres','pilkada','pileg','pilkades','none'])
lens = sorted(len(r['text']) for r in rows)
print('\nlength min/median/max:', lens[0], lens[len(lens)//2], lens[-1], ' <=120 chars:', sum(l<=120 for l in lens))
print('campaigning:', sum(r['category'] in CAMP for r in rows))
