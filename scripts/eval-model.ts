/**
 * The learned stage on its training data (fixed split, 5-fold cross-validation) and on every blind
 * set, through the whole detector (rules + model), next to the rules alone. Blind sets: aggregate
 * figures only.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { createEngine } from '../lib/packs';
import { buildRegionalPack, parseCandidateCsv } from '../lib/packs/regional';
import { nationalPack } from '../lib/packs';
import { loadModel } from '../lib/model/node';
import { modelStage, TextModel, type ModelFile } from '../lib/model/model';
import { chooseAllThresholds, crossValidate, FOLDS, fitModelFile, foldOf, type Example } from '../lib/model/train';
import type { Verdict } from '../lib/rules/types';
import type { Engine } from '../lib/rules/engine';
import { HARD_NEGATIVE_CATEGORIES, NEWS_CATEGORIES, loadCorpus, type Corpus, type CorpusItem } from '../tests/corpus/corpus';
import { blindFiles, loadReal, realFiles, TRAIN_DIR, trainSources } from '../tests/corpus/training';
import { buildTrainingExamples, engineCache } from '../tests/corpus/train-examples';

export interface Scored {
  item: CorpusItem;
  verdict: Verdict;
}

export interface Figures {
  n: number;
  /** Label violation graded violation. */
  gradedViolation: number | null;
  /** Label violation flagged at all (violation or caution). */
  flagged: number | null;
  /** Everyday posts (hard-negative categories, labelled ok) flagged at all. */
  everydayFlagged: number | null;
  /** News and neutrality items graded violation / caution. */
  newsViolation: number | null;
  newsCaution: number | null;
  /** Precision of "violation". */
  precision: number | null;
  /** Label ok flagged at all. */
  okFlagged: number | null;
}

const ratio = (a: number, b: number) => (b ? a / b : null);
const hard = new Set<string>(HARD_NEGATIVE_CATEGORIES);

/** The figures; `everyday` and `news` name the categories counted as such (the corpus's by default). */
export function figures(
  rs: { item: { label: string; category: string }; verdict: Verdict }[],
  groups: { everyday: ReadonlySet<string>; news: ReadonlySet<string> } = { everyday: hard, news: new Set<string>(NEWS_CATEGORIES) },
): Figures {
  const v = rs.filter((r) => r.item.label === 'violation');
  const hn = rs.filter((r) => groups.everyday.has(r.item.category) && r.item.label === 'ok');
  const news = rs.filter((r) => groups.news.has(r.item.category));
  const ok = rs.filter((r) => r.item.label === 'ok');
  const pv = rs.filter((r) => r.verdict === 'violation');
  return {
    n: rs.length,
    gradedViolation: ratio(v.filter((r) => r.verdict === 'violation').length, v.length),
    flagged: ratio(v.filter((r) => r.verdict !== 'ok').length, v.length),
    everydayFlagged: ratio(hn.filter((r) => r.verdict !== 'ok').length, hn.length),
    newsViolation: ratio(news.filter((r) => r.verdict === 'violation').length, news.length),
    newsCaution: ratio(news.filter((r) => r.verdict === 'caution').length, news.length),
    precision: ratio(pv.filter((r) => r.item.label === 'violation').length, pv.length),
    okFlagged: ratio(ok.filter((r) => r.verdict !== 'ok').length, ok.length),
  };
}

function group(rs: Scored[], key: (r: Scored) => string, groups?: Parameters<typeof figures>[1]): Record<string, Figures> {
  const m = new Map<string, Scored[]>();
  for (const r of rs) {
    const k = key(r);
    const list = m.get(k);
    if (list) list.push(r);
    else m.set(k, [r]);
  }
  return Object.fromEntries([...m].sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, figures(v, groups)]));
}

/**
 * Every example scored by the whole detector with a model fitted on the other folds (`folds[i]`: example
 * i's fold, the examples' own by default) at the given thresholds: cross-validated verdicts, in fold order.
 */
export function crossValidatedVerdicts(
  examples: Example[],
  thresholds: ModelFile['thresholds'],
  engineFor: (packs?: string[]) => Engine = engineCache(),
  folds: readonly number[] = examples.map((e) => e.fold),
): Scored[] {
  const legal = nationalPack.legal ?? {};
  const scored: Scored[] = [];
  for (let k = 0; k < FOLDS; k++) {
    const stage = modelStage(new TextModel(fitModelFile(examples.filter((_, i) => folds[i] !== k), thresholds)), legal);
    examples.forEach((e, i) => {
      if (folds[i] === k) scored.push({ item: e.item as CorpusItem, verdict: engineFor(e.item.packs).withModel(stage).analyze(e.item.text).verdict });
    });
  }
  return scored;
}

export interface ModelEvaluation {
  trainingItems: number;
  thresholds: { violation: number; caution: number };
  split: { rules: Figures; detector: Figures; test: number };
  /** Pilkada items with a names-only pack built from the training data's candidate lists (CSV). */
  namesOnly?: { csv: string[]; tickets: number; rules: Figures; detector: Figures };
  cv: { rules: Figures; detector: Figures; byCategory: Record<string, Figures>; byElection: Record<string, Figures>; bySource: Record<string, Figures> };
  /**
   * Cross-validation with the folds drawn by contestant: every item about the same ticket or party
   * (the first one it names, through the national pack and the training data's candidate lists)
   * in one fold, so no model is scored on a contestant whose posts it was trained on.
   */
  cvByContestant?: { detector: Figures; byCategory: Record<string, Figures>; groups: number };
  blind: { file: string; rules: Figures; detector: Figures; byCategory: Record<string, Figures> }[];
  /** Real text from open datasets, held out from training (tests/corpus/indonlu/heldout/). */
  real: { file: string; rules: Figures; detector: Figures; byCategory: Record<string, Figures> }[];
}

/** Real everyday text counts as everyday, beside the corpus's hard negatives. */
const realGroups = { everyday: new Set<string>([...HARD_NEGATIVE_CATEGORIES, 'real-everyday']), news: new Set<string>(NEWS_CATEGORIES) };

/**
 * `blind: false` leaves the blind sets out and `real: false` the held-out real sets: with both, the
 * figures to look at while changing the data or the features, so that no held-out figure steers them.
 * `fresh`: the fold models use thresholds chosen on this cross-validation (as npm run train would choose them on the
 * data as it is now) instead of the committed model's: what a change of the training data does before retraining.
 */
export function modelEvaluation(opts: { blind?: boolean; real?: boolean; fresh?: boolean } = {}): ModelEvaluation {
  const { examples, items } = buildTrainingExamples();
  const engineFor = engineCache();
  const shipped = loadModel();
  const thresholds = opts.fresh ? chooseAllThresholds(examples, crossValidate(examples)) : shipped.thresholds;
  const legal = nationalPack.legal ?? {};
  const rulesOnly = (it: CorpusItem): Scored => ({ item: it, verdict: engineFor(it.packs).analyze(it.text).verdict });
  const detect = (m: TextModel) => {
    const stage = modelStage(m, legal);
    return (it: CorpusItem): Scored => ({ item: it, verdict: engineFor(it.packs).withModel(stage).analyze(it.text).verdict });
  };
  const foldModel = (k: number) => new TextModel(fitModelFile(examples.filter((e) => e.fold !== k), thresholds));

  // cross-validation: every item scored by a model that did not see its fold
  const cvScored = crossValidatedVerdicts(examples, thresholds, engineFor);
  const rulesScored = items.map(rulesOnly);
  // the fixed split: fold 0 is the test set
  const test = items.filter((_, i) => examples[i]!.fold === 0);
  const d0 = detect(foldModel(0));

  // a held-out set (blind or real text) through the shipped model, in aggregate and per category
  const scoreSet = (f: string, load: (f: string) => Corpus, groups?: Parameters<typeof figures>[1]) => {
    const c = load(f);
    if (c.problems.length) throw new Error(`${basename(f)}: ${c.problems.length} malformed lines (first: line ${c.problems[0]!.line}: ${c.problems[0]!.message})`);
    const ds = c.items.map(detect(shipped));
    return {
      file: relative(process.cwd(), f),
      rules: figures(c.items.map(rulesOnly), groups),
      detector: figures(ds, groups),
      byCategory: group(ds, (r) => r.item.category, groups),
    };
  };
  const blind = (opts.blind === false ? [] : blindFiles()).map((f) => scoreSet(f, (f) => loadCorpus(undefined, { files: [f], sources: trainSources() })));
  const real = (opts.real === false ? [] : realFiles()).map((f) => scoreSet(f, (f) => loadReal([f]), realGroups));

  // Pilkada with a pack an admin builds from nothing but names and numbers (pack build --csv)
  const csv = readdirSync(TRAIN_DIR).filter((f) => f.endsWith('.csv')).sort();
  let namesOnly: ModelEvaluation['namesOnly'];
  if (csv.length) {
    const pack = buildRegionalPack(csv.flatMap((f) => parseCandidateCsv(readFileSync(join(TRAIN_DIR, f), 'utf8'))), { id: 'train-tickets' });
    const withPack = createEngine([pack]);
    const pilkada = examples.filter((e) => e.item.election === 'pilkada' && !e.item.packs?.length);
    const rs: Scored[] = [];
    for (let k = 0; k < FOLDS; k++) {
      const stage = modelStage(foldModel(k), legal);
      for (const e of pilkada) if (e.fold === k) rs.push({ item: e.item as CorpusItem, verdict: withPack.withModel(stage).analyze(e.item.text).verdict });
    }
    namesOnly = {
      csv,
      tickets: pack.entities!.length,
      rules: figures(pilkada.map((e) => ({ item: e.item as CorpusItem, verdict: withPack.analyze(e.item.text).verdict }))),
      detector: figures(rs),
    };
  }

  // folds by contestant: the first ticket or party an item names; items naming none keep their own fold
  let cvByContestant: ModelEvaluation['cvByContestant'];
  {
    const tickets = csv.flatMap((f) => parseCandidateCsv(readFileSync(join(TRAIN_DIR, f), 'utf8')));
    const named = tickets.length ? createEngine([buildRegionalPack(tickets, { id: 'train-tickets' })]) : createEngine();
    const keyOf = (text: string): string | null => {
      const actors = [...named.inspect(text).actors].sort((a, b) => a.first - b.first);
      return actors[0]?.entity.id ?? null;
    };
    const keys = examples.map((e) => keyOf(e.item.text));
    const foldFor = (i: number) => (keys[i] === null ? examples[i]!.fold : foldOf(keys[i]!));
    const scored = crossValidatedVerdicts(
      examples,
      thresholds,
      engineFor,
      examples.map((_, i) => foldFor(i)),
    );
    cvByContestant = { detector: figures(scored), byCategory: group(scored, (r) => r.item.category), groups: new Set(keys.filter(Boolean)).size };
  }

  return {
    namesOnly,
    cvByContestant,
    trainingItems: items.length,
    thresholds,
    split: { rules: figures(test.map(rulesOnly)), detector: figures(test.map(d0)), test: test.length },
    cv: {
      rules: figures(rulesScored),
      detector: figures(cvScored),
      byCategory: group(cvScored, (r) => r.item.category),
      byElection: group(cvScored, (r) => r.item.election ?? '(not given)'),
      bySource: group(cvScored, (r) => r.item.source),
    },
    blind,
    real,
  };
}

const pct = (x: number | null) => (x === null ? '    —' : `${(x * 100).toFixed(1).padStart(5)}`);

function head(w: number) {
  console.log(
    `${''.padEnd(w)}${'n'.padStart(6)}  ${'graded viol.'.padStart(12)}  ${'flagged'.padStart(8)}  ${'everyday fl.'.padStart(12)}  ${'news viol.'.padStart(10)}  ${'news caut.'.padStart(10)}  ${'P(viol)'.padStart(8)}`,
  );
}
function row(name: string, f: Figures, w: number) {
  console.log(
    `${name.padEnd(w)}${String(f.n).padStart(6)}  ${pct(f.gradedViolation).padStart(12)}  ${pct(f.flagged).padStart(8)}  ${pct(f.everydayFlagged).padStart(12)}  ${pct(f.newsViolation).padStart(10)}  ${pct(f.newsCaution).padStart(10)}  ${pct(f.precision).padStart(8)}`,
  );
}
function table(title: string, rows: Record<string, Figures>) {
  const w = Math.max(24, ...Object.keys(rows).map((k) => k.length + 2));
  console.log(`\n${title}`);
  head(w);
  for (const [k, f] of Object.entries(rows)) row(k, f, w);
}

export function printModelEvaluation(m: ModelEvaluation) {
  console.log(`Jaga Netral text detector: rules + learned stage (thresholds: violation ≥ ${m.thresholds.violation}, caution ≥ ${m.thresholds.caution})`);
  console.log('Figures in %. graded viol. = violation items graded violation (recall); flagged = violation items graded violation or caution;');
  console.log('everyday fl. = everyday posts (hard-negative categories: everyday, namesakes, abbreviations, opinions, duties; labelled ok) flagged at all; news = news, neutrality and KPU/Bawaslu information items.');
  table(`Training data (${m.trainingItems} items): fixed split (fold 0 = test, ${m.split.test} items) and ${FOLDS}-fold cross-validation`, {
    'split: rules only': m.split.rules,
    'split: rules + model': m.split.detector,
    'CV: rules only': m.cv.rules,
    'CV: rules + model': m.cv.detector,
  });
  if (m.namesOnly) {
    table(`Pilkada items with a names-only pack (pack build --csv of ${m.namesOnly.csv.join(', ')}: ${m.namesOnly.tickets} tickets), cross-validated`, {
      'rules only': m.namesOnly.rules,
      'rules + model': m.namesOnly.detector,
    });
  }
  if (m.cvByContestant) {
    table(`Cross-validated with folds by contestant (${m.cvByContestant.groups} tickets and parties, each in one fold: no model scored on a contestant it was trained on)`, {
      'CV: rules + model': m.cv.detector,
      'CV by contestant: rules + model': m.cvByContestant.detector,
    });
    table('Cross-validated with folds by contestant, per category', m.cvByContestant.byCategory);
  }
  table('Cross-validated, per category', m.cv.byCategory);
  table('Cross-validated, per election', m.cv.byElection);
  table('Cross-validated, per source', m.cv.bySource);
  for (const r of m.real) {
    table(`Real text ${r.file} (open dataset, labelled by the team, never trained on; everyday fl. counts its real everyday posts)`, {
      'rules only': r.rules,
      'rules + model (shipped)': r.detector,
    });
    if (Object.keys(r.byCategory).length > 1) table(`Real text ${r.file}, rules + model, per category`, r.byCategory);
  }
  if (!m.real.length) console.log('\nHeld-out real sets: not scored here');
  if (!m.blind.length) console.log('\nBlind sets: not scored here');
  for (const b of m.blind) {
    table(`Blind set ${b.file} (aggregate only; never trained or tuned on)`, { 'rules only': b.rules, 'rules + model (shipped)': b.detector });
    table(`Blind set ${b.file}, rules + model, per category`, b.byCategory);
  }
}
