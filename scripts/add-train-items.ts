/**
 * Turns hand-written training lines into JSON lines of tests/corpus/train/ and refuses near-duplicates.
 *
 *   tsx scripts/add-train-items.ts <draft.txt> <pos-NN.jsonl|neg-NN.jsonl> [--first N] [--dry]
 *
 * A draft line is `label category election || text || reason` (blank lines and lines starting with `#`
 * are skipped; `\n` in the text stands for a line break). Ids continue the highest `tp-`/`tn-` number of
 * the training files, by the output file's prefix (pos → tp-, neg → tn-). `--first N` numbers from N
 * instead, skipping every number already taken (a writer's earlier runs, a file kept in a far range), so
 * two writers working on separate branches at the same time can take disjoint ranges and merge without colliding. A line whose token Jaccard
 * with any training item, or with an earlier line of the same run, is above 0.55 is refused and printed,
 * so a writer cannot pad a batch with re-worded copies. Only tests/corpus/train/ is read: never a blind set.
 */
import { appendFileSync, existsSync, readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { CATEGORIES, ELECTIONS, LABELS } from '../tests/corpus/corpus';
import { TRAIN_DIR } from '../tests/corpus/training';

const MAX_JACCARD = 0.55;
const SOURCE = 'written:team-train';

// emoji count as tokens, so that emoji-only posts are compared by their emoji rather than all matching each other
const tokens = (s: string) => new Set(s.toLowerCase().normalize('NFKC').match(/[\p{L}\p{N}]+|\p{Extended_Pictographic}/gu) ?? []);

function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let inter = 0;
  for (const t of a) if (b.has(t)) inter++;
  return inter / (a.size + b.size - inter);
}

const [draft, outArg, ...flags] = process.argv.slice(2);
if (!draft || !outArg) throw new Error('usage: tsx scripts/add-train-items.ts <draft.txt> <pos-NN.jsonl|neg-NN.jsonl> [--first N] [--dry]');
const dry = flags.includes('--dry');
const firstAt = flags.indexOf('--first');
const first = firstAt >= 0 ? Number(flags[firstAt + 1]) : undefined;
if (first !== undefined && !(Number.isInteger(first) && first > 0)) throw new Error(`--first needs a positive whole number, not ${flags[firstAt + 1]}`);
const out = outArg.includes('/') ? outArg : join(TRAIN_DIR, outArg);
const prefix = basename(out).startsWith('pos-') ? 'tp' : basename(out).startsWith('neg-') ? 'tn' : undefined;
if (!prefix) throw new Error(`output must be a pos-NN.jsonl or neg-NN.jsonl file: ${out}`);

const existing: { id: string; text: string; toks: Set<string> }[] = [];
let next = 0;
const taken = new Set<number>();
for (const f of readdirSync(TRAIN_DIR).filter((f) => f.endsWith('.jsonl'))) {
  for (const line of readFileSync(join(TRAIN_DIR, f), 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const o = JSON.parse(line) as { id: string; text: string };
    existing.push({ id: o.id, text: o.text, toks: tokens(o.text) });
    const m = new RegExp(`^${prefix}-(\\d+)$`).exec(o.id);
    if (m) {
      next = Math.max(next, Number(m[1]));
      taken.add(Number(m[1]));
    }
  }
}

if (first !== undefined) next = first - 1;
const nextId = () => {
  do next++;
  while (taken.has(next));
  taken.add(next);
  return `${prefix}-${next}`;
};

const accepted: string[] = [];
const refused: string[] = [];
const bad: string[] = [];
readFileSync(draft, 'utf8')
  .split('\n')
  .forEach((raw, i) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    const parts = line.split('||').map((p) => p.trim());
    const head = (parts[0] ?? '').split(/\s+/);
    const [label = '', category = '', election = ''] = head;
    const text = (parts[1] ?? '').replace(/\\n/g, '\n');
    const reason = parts[2] ?? '';
    const where = `${draft}:${i + 1}`;
    if (parts.length !== 3 || head.length !== 3 || !text || !reason) return void bad.push(`${where}: malformed`);
    if (!(LABELS as readonly string[]).includes(label)) return void bad.push(`${where}: label ${label}`);
    if (!(category in CATEGORIES)) return void bad.push(`${where}: category ${category}`);
    if (!(ELECTIONS as readonly string[]).includes(election)) return void bad.push(`${where}: election ${election}`);
    if (prefix === 'tp' && label === 'ok') return void bad.push(`${where}: ok in a positives file`);
    if (prefix === 'tn' && label === 'violation') return void bad.push(`${where}: violation in a negatives file`);
    const toks = tokens(text);
    let worst = { j: 0, id: '', text: '' };
    for (const e of existing) {
      const j = jaccard(toks, e.toks);
      if (j > worst.j) worst = { j, id: e.id, text: e.text };
    }
    if (worst.j > MAX_JACCARD) return void refused.push(`${where}: J=${worst.j.toFixed(2)} with ${worst.id}\n   new: ${text}\n   old: ${worst.text}`);
    const id = nextId();
    existing.push({ id, text, toks });
    accepted.push(JSON.stringify({ id, text, label, category, election, source: SOURCE, reason }));
  });

for (const b of bad) console.log(`BAD ${b}`);
for (const r of refused) console.log(`REFUSED ${r}`);
if (bad.length) process.exitCode = 1;
else if (!dry && accepted.length) {
  const sep = existsSync(out) && !readFileSync(out, 'utf8').endsWith('\n') && readFileSync(out, 'utf8').length ? '\n' : '';
  appendFileSync(out, sep + accepted.join('\n') + '\n');
}
const ids = accepted.length ? ` (${JSON.parse(accepted[0]!).id}…${JSON.parse(accepted.at(-1)!).id})` : '';
console.log(`${accepted.length} accepted${ids}${dry ? ' (dry run, nothing written)' : ` → ${out}`}, ${refused.length} refused, ${bad.length} malformed`);
