/**
 * Scores the text detector (rules + learned stage) against the evaluation corpus in tests/corpus/*.jsonl.
 *
 *   npm run eval            tables, confusion matrix, every miss outside the blind sets
 *   npm run eval -- --json  the same as JSON
 *
 * First the learned stage on its training data (tests/eval-model.ts): a fixed train/test split and
 * 5-fold cross-validation, and every blind set (tests/corpus/heldout-blind*.jsonl) in aggregate.
 * Blind sets are never listed item by item: their misses are not printed, so no one tunes on them.
 *
 * "violation" is the positive class for precision/recall; a second pair ("flag") treats any
 * verdict other than "ok" as positive. Exit code 0 whatever the scores; 1 only when the corpus
 * (or one of its packs) is malformed, with the file and line.
 */
import { basename } from 'node:path';
import { createEngine } from '../lib/packs/index';
import { withShippedModel } from '../lib/model/node';
import { modelEvaluation, printModelEvaluation } from './eval-model';
import type { Analysis, Verdict } from '../lib/rules/types';
import {
  BLIND,
  CATEGORIES,
  HARD_NEGATIVE_CATEGORIES,
  LABELS,
  loadCorpus,
  loadPack,
  type Category,
  type CorpusItem,
  type Label,
} from '../tests/corpus/corpus';

type Engine = ReturnType<typeof createEngine>;

interface Result {
  item: CorpusItem;
  verdict: Verdict;
  rules: string[];
}

interface Scores {
  n: number;
  labels: Record<Label, number>;
  verdicts: Record<Verdict, number>;
  /** Exact label = verdict. */
  accuracy: number;
  violation: { tp: number; fp: number; fn: number; precision: number | null; recall: number | null };
  flag: { tp: number; fp: number; fn: number; precision: number | null; recall: number | null };
}

const args = new Set(process.argv.slice(2));
const asJson = args.has('--json');

function fail(lines: string[]): never {
  for (const l of lines) console.error(l);
  process.exit(1);
}

const corpus = loadCorpus();
if (corpus.problems.length > 0) {
  fail([
    `Corpus is malformed (${corpus.problems.length} problem${corpus.problems.length === 1 ? '' : 's'}):`,
    ...corpus.problems.map((p) => `  ${p.file}:${p.line}: ${p.message}`),
  ]);
}

// One engine per distinct set of extra packs.
const engines = new Map<string, Engine>();
function engineFor(item: CorpusItem): Engine {
  const key = (item.packs ?? []).join(',');
  let e = engines.get(key);
  if (!e) {
    try {
      e = withShippedModel(createEngine((item.packs ?? []).map((p) => loadPack(p))));
    } catch (err) {
      fail([`${item.where}: packs [${key}] do not compile: ${(err as Error).message}`]);
    }
    engines.set(key, e);
  }
  return e;
}

const isBlind = (item: CorpusItem) => BLIND.test(basename(item.where.replace(/:\d+$/, '')));
const results: Result[] = corpus.items.map((item) => {
  const a: Analysis = engineFor(item).analyze(item.text);
  return { item, verdict: a.verdict, rules: [...new Set(a.findings.map((f) => f.rule))] };
});

const ratio = (a: number, b: number): number | null => (b === 0 ? null : a / b);

function score(rs: Result[]): Scores {
  const labels = { violation: 0, caution: 0, ok: 0 } as Record<Label, number>;
  const verdicts = { violation: 0, caution: 0, ok: 0 } as Record<Verdict, number>;
  const v = { tp: 0, fp: 0, fn: 0 };
  const f = { tp: 0, fp: 0, fn: 0 };
  let exact = 0;
  for (const r of rs) {
    labels[r.item.label]++;
    verdicts[r.verdict]++;
    if (r.item.label === r.verdict) exact++;
    const lv = r.item.label === 'violation', pv = r.verdict === 'violation';
    if (lv && pv) v.tp++; else if (pv) v.fp++; else if (lv) v.fn++;
    const lf = r.item.label !== 'ok', pf = r.verdict !== 'ok';
    if (lf && pf) f.tp++; else if (pf) f.fp++; else if (lf) f.fn++;
  }
  return {
    n: rs.length,
    labels,
    verdicts,
    accuracy: ratio(exact, rs.length) ?? 0,
    violation: { ...v, precision: ratio(v.tp, v.tp + v.fp), recall: ratio(v.tp, v.tp + v.fn) },
    flag: { ...f, precision: ratio(f.tp, f.tp + f.fp), recall: ratio(f.tp, f.tp + f.fn) },
  };
}

function groupBy(key: (r: Result) => string): Record<string, Scores> {
  const groups = new Map<string, Result[]>();
  for (const r of results) {
    const k = key(r);
    if (!groups.has(k)) groups.set(k, []);
    groups.get(k)!.push(r);
  }
  return Object.fromEntries([...groups.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([k, rs]) => [k, score(rs)]));
}

const categoryOrder = Object.keys(CATEGORIES) as Category[];
const byCategoryRaw = groupBy((r) => r.item.category);
const byCategory = Object.fromEntries(categoryOrder.filter((c) => byCategoryRaw[c]).map((c) => [c, byCategoryRaw[c]!]));
const bySource = groupBy((r) => r.item.source);
const overall = score(results);

const campaigning = results.filter((r) => ['campaign-support', 'campaign-oppose', 'campaign-symbol', 'regional'].includes(r.item.category));
const hardNeg = results.filter((r) => (HARD_NEGATIVE_CATEGORIES as string[]).includes(r.item.category));
const newsNeutral = results.filter((r) => r.item.category === 'news' || r.item.category === 'neutrality');

const summary = {
  items: results.length,
  files: corpus.files.length,
  overall,
  campaigningViolationRecall: score(campaigning).violation.recall,
  hardNegatives: {
    categories: HARD_NEGATIVE_CATEGORIES,
    n: hardNeg.length,
    gradedViolation: hardNeg.filter((r) => r.verdict === 'violation').length,
    gradedNotOk: hardNeg.filter((r) => r.verdict !== 'ok').length,
    falsePositiveRateViolation: ratio(hardNeg.filter((r) => r.verdict === 'violation').length, hardNeg.length),
    falsePositiveRateNotOk: ratio(hardNeg.filter((r) => r.verdict !== 'ok').length, hardNeg.length),
  },
  newsNeutrality: {
    n: newsNeutral.length,
    gradedViolation: newsNeutral.filter((r) => r.verdict === 'violation').length,
    gradedCaution: newsNeutral.filter((r) => r.verdict === 'caution').length,
  },
};

const confusion: Record<Label, Record<Verdict, number>> = {
  violation: { violation: 0, caution: 0, ok: 0 },
  caution: { violation: 0, caution: 0, ok: 0 },
  ok: { violation: 0, caution: 0, ok: 0 },
};
for (const r of results) confusion[r.item.label][r.verdict]++;

const misses = results
  .filter((r) => r.item.label !== r.verdict && !isBlind(r.item))
  .map((r) => ({
    id: r.item.id,
    category: r.item.category,
    source: r.item.source,
    label: r.item.label,
    verdict: r.verdict,
    text: r.item.text,
    rules: r.rules,
    reason: r.item.reason,
    where: r.item.where,
  }));

const model = modelEvaluation();
if (asJson) {
  console.log(JSON.stringify({ model, summary, byCategory, bySource, confusion, misses }, null, 2));
  process.exit(0);
}
printModelEvaluation(model);
console.log('\n================ The whole corpus, shipped detector (tuned and blind sets together) ================');
console.log('The shipped model was trained on every file here but the blind sets: outside them these figures are in-sample.');

// ---------- human-readable output ----------
const pct = (x: number | null) => (x === null ? '   —  ' : `${(x * 100).toFixed(1).padStart(5)}%`);
const pad = (s: string | number, n: number) => String(s).padEnd(n);
const lpad = (s: string | number, n: number) => String(s).padStart(n);

function table(title: string, rows: Record<string, Scores>) {
  const w = Math.max(10, ...Object.keys(rows).map((k) => k.length)) + 1;
  console.log(`\n${title}`);
  console.log(
    `${pad('', w)}${lpad('n', 5)}  ${lpad('V/C/O labels', 13)}  ${lpad('V/C/O verdicts', 15)}  ${lpad('exact', 6)}  ` +
      `${lpad('P(viol)', 7)} ${lpad('R(viol)', 7)}  ${lpad('P(flag)', 7)} ${lpad('R(flag)', 7)}`,
  );
  for (const [k, s] of Object.entries(rows)) {
    const lab = `${s.labels.violation}/${s.labels.caution}/${s.labels.ok}`;
    const ver = `${s.verdicts.violation}/${s.verdicts.caution}/${s.verdicts.ok}`;
    console.log(
      `${pad(k, w)}${lpad(s.n, 5)}  ${lpad(lab, 13)}  ${lpad(ver, 15)}  ${pct(s.accuracy)}  ` +
        `${pct(s.violation.precision)} ${pct(s.violation.recall)}  ${pct(s.flag.precision)} ${pct(s.flag.recall)}`,
    );
  }
}

console.log(`Jaga Netral text engine vs. corpus: ${results.length} items in ${corpus.files.length} files`);
console.log(`P/R(viol): "violation" is the positive class. P/R(flag): any verdict other than "ok" is positive. "—": nothing to divide.`);
table('Per category', byCategory);
table('Per source', bySource);
table('All', { all: overall });

const hn = summary.hardNegatives;
console.log('\nKey figures');
console.log(`  violation recall on campaigning (support/oppose/symbol/regional): ${pct(summary.campaigningViolationRecall)}`);
console.log(`  violation precision overall:                                     ${pct(overall.violation.precision)}`);
console.log(`  false-positive rate on hard negatives (${hn.categories.join(', ')}; n=${hn.n}):`);
console.log(`    graded violation: ${hn.gradedViolation}/${hn.n} = ${pct(hn.falsePositiveRateViolation)}`);
console.log(`    graded anything but ok: ${hn.gradedNotOk}/${hn.n} = ${pct(hn.falsePositiveRateNotOk)}`);
console.log(`  news + neutrality graded violation: ${summary.newsNeutrality.gradedViolation}/${summary.newsNeutrality.n} (caution: ${summary.newsNeutrality.gradedCaution})`);

console.log('\nConfusion matrix (rows: label, columns: verdict)');
console.log(`${pad('', 12)}${LABELS.map((l) => lpad(l, 10)).join('')}`);
for (const l of LABELS) console.log(`${pad(l, 12)}${LABELS.map((v) => lpad(confusion[l][v], 10)).join('')}`);

const groups: [string, typeof misses][] = [
  ['False violations (label ok/caution, graded violation)', misses.filter((m) => m.verdict === 'violation')],
  ['Missed violations (label violation, graded caution/ok)', misses.filter((m) => m.label === 'violation')],
  ['Caution/ok mix-ups', misses.filter((m) => m.verdict !== 'violation' && m.label !== 'violation')],
];
console.log(`\nMisses outside the blind sets: ${misses.length} (blind sets: aggregate figures only, above)`);
for (const [title, ms] of groups) {
  console.log(`\n== ${title}: ${ms.length}`);
  for (const m of ms) {
    console.log(`  ${m.id} [${m.category}] ${m.label} -> ${m.verdict}  rules: ${m.rules.length ? m.rules.join(', ') : '(none)'}`);
    console.log(`      ${m.text.replace(/\s+/g, ' ')}`);
  }
}
