/**
 * Scores the shipped detector on every blind set kept in its own folder (tests/corpus/blind-NAME/):
 * a JSON Lines file of posts written by someone who saw neither the rules, nor the training data, nor
 * any miss list, and the candidate list its author wrote (names and ballot numbers only, the
 * `pack build --csv` format), from which a regional pack is built exactly as an admin would.
 *
 * Aggregate figures only, per category and per election: the items are never listed, so no one
 * tunes on them. Exit code 0 whatever the scores; 1 when a set is malformed.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { createEngine } from '../lib/packs';
import { buildRegionalPack, parseCandidateCsv } from '../lib/packs/regional';
import { withShippedModel } from '../lib/model/node';
import type { Verdict } from '../lib/rules/types';
import { CORPUS_DIR, LABELS, type Label } from '../tests/corpus/corpus';
import { figures as modelFigures, type Figures } from './eval-model';

interface BlindItem {
  text: string;
  label: Label;
  category: string;
  election: string;
}

/** Which of a blind set's categories count as everyday posts, and which as news-like. */
const EVERYDAY = new Set(['everyday', 'namesake']);
const NEWS = new Set(['news', 'voter-info', 'neutrality']);

function load(file: string): BlindItem[] {
  const items: BlindItem[] = [];
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((raw, i) => {
      if (!raw.trim()) return;
      let o: Record<string, unknown>;
      try {
        o = JSON.parse(raw) as Record<string, unknown>;
      } catch (e) {
        console.error(`${relative(process.cwd(), file)}:${i + 1}: not valid JSON: ${(e as Error).message}`);
        process.exit(1);
      }
      if (typeof o.text !== 'string' || !(LABELS as readonly unknown[]).includes(o.label) || typeof o.category !== 'string') {
        console.error(`${relative(process.cwd(), file)}:${i + 1}: needs text, label (${LABELS.join('|')}) and category`);
        process.exit(1);
      }
      items.push({ text: o.text, label: o.label as Label, category: o.category, election: typeof o.election === 'string' ? o.election : 'none' });
    });
  return items;
}

const figures = (rs: { item: BlindItem; verdict: Verdict }[]): Figures => modelFigures(rs, { everyday: EVERYDAY, news: NEWS });

const pct = (x: number | null) => (x === null ? '—' : (x * 100).toFixed(1));
const COLUMNS = ['n', 'graded viol.', 'flagged', 'everyday fl.', 'news viol.', 'news caut.', 'P(viol)'];

function table(title: string, rows: [string, Figures][]) {
  const w = Math.max(28, ...rows.map(([k]) => k.length + 2));
  console.log(`\n${title}`);
  console.log(''.padEnd(w) + COLUMNS.map((c) => c.padStart(13)).join(''));
  for (const [k, f] of rows) {
    const cells = [String(f.n), pct(f.gradedViolation), pct(f.flagged), pct(f.everydayFlagged), pct(f.newsViolation), pct(f.newsCaution), pct(f.precision)];
    console.log(k.padEnd(w) + cells.map((c) => c.padStart(13)).join(''));
  }
}

function groupBy(rs: { item: BlindItem; verdict: Verdict }[], key: (i: BlindItem) => string): [string, Figures][] {
  const m = new Map<string, { item: BlindItem; verdict: Verdict }[]>();
  for (const r of rs) m.set(key(r.item), [...(m.get(key(r.item)) ?? []), r]);
  return [...m].sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, figures(v)]);
}

const dirs = readdirSync(CORPUS_DIR)
  .filter((d) => d.startsWith('blind-'))
  .sort()
  .map((d) => join(CORPUS_DIR, d));
if (!dirs.length) console.log('\nBlind sets in folders: none (tests/corpus/blind-NAME/)');
for (const dir of dirs) {
  const jsonl = readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort();
  const csv = readdirSync(dir).filter((f) => f.endsWith('.csv')).sort();
  const items = jsonl.flatMap((f) => load(join(dir, f)));
  const rows = csv.flatMap((f) => parseCandidateCsv(readFileSync(join(dir, f), 'utf8')));
  const pack = rows.length ? [buildRegionalPack(rows, { id: 'blind-tickets' })] : [];
  const national = createEngine();
  const withPack = createEngine(pack);
  const detector = withShippedModel(createEngine(pack));
  const score = (engine: ReturnType<typeof createEngine>) => items.map((item) => ({ item, verdict: engine.analyze(item.text).verdict }));
  const shipped = score(detector);
  const where = relative(process.cwd(), dir);
  const packNote = rows.length ? `national + a names-only pack of ${rows.length} tickets (pack build --csv of ${csv.join(', ')})` : 'national pack';
  console.log(`\n================ Blind set ${where}: ${items.length} items (aggregate only; never trained or tuned on) ================`);
  console.log('Figures in %. everyday = everyday posts and namesakes labelled ok; news = news, voter information and neutrality messages.');
  table(`${where}: the detector as shipped, and what each stage adds`, [
    ['rules, national pack only', figures(score(national))],
    ['rules, ' + (rows.length ? 'with names-only pack' : 'national'), figures(score(withPack))],
    ['rules + model (shipped)', figures(shipped)],
  ]);
  table(`${where}, rules + model, per category (${packNote})`, groupBy(shipped, (i) => i.category));
  table(`${where}, rules + model, per election`, groupBy(shipped, (i) => i.election));
  if (!existsSync(join(dir, 'CARD.md'))) console.log(`(no dataset card in ${where}/CARD.md)`);
}
