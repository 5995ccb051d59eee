#!/usr/bin/env python3
"""Assemble heldout-blind-3.jsonl from the hand-written batch files b*.txt.
Line format: <label> <cat> <election> | <text> | <reason>
Order is shuffled with a fixed seed so categories are interleaved."""
import glob, json, random, os
LAB = {'v': 'violation', 'c': 'caution', 'o': 'ok'}
CAT = {'att': 'attack', 'cal': 'caleg', 'ctv': 'call-to-vote', 'cmp': 'camp-activity', 'pty': 'party-promo',
       'prs': 'praise', 'prg': 'programme', 'slg': 'slogan-symbol', 'unl': 'unlisted-ticket',
       'evd': 'everyday', 'nam': 'namesake', 'neu': 'neutrality', 'nws': 'news', 'vot': 'voter-info'}
ELE = {'pp': 'pilpres', 'pk': 'pilkada', 'pl': 'pileg', 'pd': 'pilkades', 'no': 'none'}
here = os.path.dirname(os.path.abspath(__file__))
rows = []
for f in sorted(glob.glob(os.path.join(here, 'b*.txt'))):
    for n, line in enumerate(open(f, encoding='utf-8'), 1):
        line = line.rstrip('\n')
        if not line.strip():
            continue
        head, text, reason = [x.strip() for x in line.split(' | ')]
        l, c, e = head.split()
        rows.append({'text': text, 'label': LAB[l], 'category': CAT[c], 'election': ELE[e],
                     'source': 'written:heldout-blind-3', 'reason': reason})
random.Random(20261207).shuffle(rows)
out = os.path.join(here, '..', 'heldout-blind-3.jsonl')
with open(out, 'w', encoding='utf-8') as fh:
    for i, r in enumerate(rows, 1):
        o = {'id': f'b3-{i:04d}'}
        o.update(r)
        fh.write(json.dumps(o, ensure_ascii=False) + '\n')
print(len(rows), 'rows ->', os.path.normpath(out))
