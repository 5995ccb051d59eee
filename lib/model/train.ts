/**
 * Training of the learned stage, deterministic: the same items give the same weights, byte for
 * byte. Logistic regression by Adagrad SGD with L2, over a fixed number of epochs; the order of
 * each epoch is a Fisher–Yates shuffle driven by a seeded generator (mulberry32), the folds of the
 * cross-validation come from a hash of each item's id (so adding items never reshuffles the rest).
 * Weights are quantized to int8 per head.
 */
import type { Engine } from '../rules/engine';
import type { Verdict } from '../rules/types';
import { chunks } from './model';
import { frameSilences } from './silence';
import { extract, hash, type Features } from './features';
import { b64encode, MODEL_FORMAT, sigmoid, type Head, type ModelFile } from './model';
import { mulberry32 } from '../random';

export interface TrainItem {
  id: string;
  text: string;
  label: Verdict;
  category: string;
  source: string;
  election?: string;
  /** Extra packs the item is checked with (tests/corpus/packs). */
  packs?: string[];
}

export interface Example {
  item: TrainItem;
  f: Features;
  /** Campaign target: violation 1, caution CAUTION_TARGET, ok 0. */
  y: number;
  /** Attack target, for campaigning items only. */
  attack: number | null;
  gated: boolean;
  /** The rules alone. */
  rules: Verdict;
  /** A news frame holds over the post: the detector caps the model's finding there at caution (modelStage). */
  capped: boolean;
  /**
   * A neutrality frame holds over the post (frameSilences): the campaign head speaks there only past
   * the violation line, and then at caution; the ungated head not at all (modelStage).
   */
  framed: boolean;
  fold: number;
  /** Whether the item counts when the thresholds are chosen (default true); it is trained on either way. */
  calibrates?: boolean;
}

export const FOLDS = 5;
/** Categories of attacks, of items never campaigning whatever their label, of hard negatives (mirrors tests/corpus/corpus.ts). */
const ATTACK = new Set(['campaign-oppose', 'attack_candidate_party_voters']);
const NOT_CAMPAIGNING = new Set(['news', 'neutrality', 'kpu-bawaslu-info', 'borderline']);
/** Hard negatives: everyday posts, namesakes, abbreviations, opinions and duties outside any contest. */
const HARD = new Set(['everyday', 'name-collision', 'abbrev-collision', 'political-opinion', 'job-duty', 'namesake', 'policy-opinion']);
/**
 * Low: "caution" gathers weak campaigning and news about a campaign alike, so it says little about
 * campaigning; scored below the middle, it leaves the top of the scale to separate violations from
 * the rest, and the caution threshold is still calibrated on the cross-validated scores. Not near ok
 * either: many cautions do campaign, and a target near 0 teaches their words to read as everyday
 * (chosen by CV over 0.2, 0.35, 0.4, 0.5).
 */
export const CAUTION_TARGET = 0.35;
export const SEED = 20240214;

/**
 * Chosen by cross-validation. The L2 is strong on purpose: most hashed n-grams are met in a handful of
 * items, and shrinking them leaves the score to the shared signals (word classes, constructions,
 * actors), which carry over to posts about other contestants (by-contestant CV rises with it).
 */
export const TRAIN_OPTIONS = { bits: 16, epochs: 20, lr: 0.05, l2: 1e-2 } as const;

/**
 * What the thresholds keep on cross-validated scores (see chooseThresholds). `falseFlag` budgets the
 * model's flags on the team's hard negatives: everyday posts written on purpose to look like
 * campaigning (namesakes, the "dua periode" of an RT head, a flood volunteers' posko). Those are
 * the hardest everyday posts there are, not a sample of them: holding them to the 1% goal for
 * everyday posts left a third of the campaigning in the training data unflagged, while everyday
 * posts as people write them are flagged at a tenth of the hard negatives' rate or less at any line
 * (on IndoNLU's real everyday rows — which were chosen to name no election word, so this bound is
 * loose: everyday posts that do name one lie between the two). 2.5% of the hard negatives (the rules add about 1% of their own)
 * is the budget that trade leaves.
 *
 * The violation line only moves posts the caution line already flags between caution and
 * violation, so what it spends is severity on posts that do not campaign: news graded violation
 * (the goal allows 5%). `falseViolation` lets the model add 1% of the non-campaigning posts (and
 * 1% of news, neutrality and KPU information alone) to the ~2% the rules grade violation on their
 * own: cross-validated news stays at 2.5%, and graded recall is 62% instead of the 50% a 0.5%
 * budget left (the line at 0.83 instead of 0.90), at 96% precision among what the model adds.
 */
export const TARGET = { violationPrecision: 0.95, falseViolation: 0.01, flagPrecision: 0.85, falseFlag: 0.025, ungatedPrecision: 0.95, ungatedFalseFlag: 0.0025 } as const;

/**
 * How much an everyday post past the gate weighs in the campaign head's loss. The caution threshold
 * is bound by the share of everyday posts the model may flag, so the few everyday posts that read
 * like campaigning (a flood relief "posko relawan", a wedding hashtag) decide how low it can go;
 * weighing them double pushes them down and lets the threshold follow (chosen by CV over 1, 2, 3:
 * 3 flags more campaigning but grades less of it violation).
 */
export const EVERYDAY_WEIGHT = 2;

/** An everyday post: a hard negative labelled ok. */
const isEveryday = (e: Example) => HARD.has(e.item.category) && e.item.label === 'ok';

export const foldOf = (id: string) => hash(id, 0x9747b28c) % FOLDS;

/** Features of an item: its best-gated chunk (or its first, when no chunk is gated). */
export function example(item: TrainItem, engine: Engine, bits: number): Example {
  const insp = engine.inspect(item.text);
  const cs = chunks(insp, item.text);
  const ch = cs.find((c) => c.gated) ?? cs[0];
  const f: Features = ch ? extract(ch, bits) : { idx: [], val: [], first: [], last: [] };
  const campaigning = item.label !== 'ok' && !NOT_CAMPAIGNING.has(item.category);
  return {
    item,
    f,
    y: item.label === 'violation' ? 1 : item.label === 'caution' ? CAUTION_TARGET : 0,
    attack: campaigning ? (ATTACK.has(item.category) ? 1 : 0) : null,
    gated: !!ch?.gated,
    rules: insp.analysis.verdict,
    capped: insp.frames.some((fr) => fr.effect === 'caution'),
    framed: frameSilences(insp, item.text),
    fold: foldOf(item.id),
  };
}

export interface Weights {
  bias: number;
  w: Float64Array;
}

/** Logistic regression on (features, target) pairs, each weighing `w` (1 when not given) in the loss. */
export function fit(data: { f: Features; y: number; w?: number }[], bits: number, opts: { epochs: number; lr: number; l2: number } = TRAIN_OPTIONS, seed = SEED): Weights {
  const size = 1 << bits;
  const w = new Float64Array(size);
  const g2 = new Float64Array(size).fill(1e-8);
  let bias = 0;
  let gb = 1e-8;
  const order = data.map((_, i) => i);
  const rnd = mulberry32(seed);
  for (let e = 0; e < opts.epochs; e++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rnd() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const k of order) {
      const { f, y, w: weight = 1 } = data[k]!;
      let z = bias;
      for (let q = 0; q < f.idx.length; q++) z += w[f.idx[q]!]! * f.val[q]!;
      const err = (sigmoid(z) - y) * weight;
      for (let q = 0; q < f.idx.length; q++) {
        const h = f.idx[q]!;
        const g = err * f.val[q]! + opts.l2 * w[h]!;
        g2[h]! += g * g;
        w[h]! -= (opts.lr * g) / Math.sqrt(g2[h]!);
      }
      gb += err * err;
      bias -= (opts.lr * err) / Math.sqrt(gb);
    }
  }
  return { bias, w };
}

const round = (x: number, d = 6) => Math.round(x * 10 ** d) / 10 ** d;

/** int8 weights and their scale; the bias stays a number. */
export function quantize(wt: Weights): Head {
  let max = 0;
  for (const x of wt.w) max = Math.max(max, Math.abs(x));
  const scale = max > 0 ? round(max / 127, 9) : 1;
  const q = new Int8Array(wt.w.length);
  for (let i = 0; i < wt.w.length; i++) q[i] = Math.max(-127, Math.min(127, Math.round(wt.w[i]! / scale)));
  return { bias: round(wt.bias), scale, weights: b64encode(new Uint8Array(q.buffer)) };
}

export const score = (wt: Weights, f: Features) => {
  let z = wt.bias;
  for (let q = 0; q < f.idx.length; q++) z += wt.w[f.idx[q]!]! * f.val[q]!;
  return sigmoid(z);
};

/** Items the ungated head reads: the gate closed and no rule finding (a rule finding opens the gate). */
const ungated = (e: Example) => !e.gated && e.rules === 'ok';
/** A head's training pairs: the items it reads, everyday posts weighing EVERYDAY_WEIGHT. */
const headData = (ex: Example[], reads: (e: Example) => boolean) => ex.filter(reads).map((e) => ({ f: e.f, y: e.y, w: isEveryday(e) ? EVERYDAY_WEIGHT : 1 }));
const campaignData = (ex: Example[]) => headData(ex, (e) => e.gated);
const ungatedData = (ex: Example[]) => headData(ex, ungated);
const attackData = (ex: Example[]) => ex.filter((e) => e.gated && e.attack !== null).map((e) => ({ f: e.f, y: e.attack! }));

/** Out-of-fold scores of a head trained on the items it `reads` (null for the items it does not read). */
function outOfFold(ex: Example[], reads: (e: Example) => boolean, seed: number, bits: number): (number | null)[] {
  const out: (number | null)[] = ex.map(() => null);
  for (let k = 0; k < FOLDS; k++) {
    const wt = fit(headData(ex.filter((e) => e.fold !== k), reads), bits, TRAIN_OPTIONS, seed);
    ex.forEach((e, i) => {
      if (e.fold === k && reads(e)) out[i] = score(wt, e.f);
    });
  }
  return out;
}

/** Out-of-fold campaign scores (null where the gate is closed). */
export const crossValidate = (ex: Example[], bits = TRAIN_OPTIONS.bits) => outOfFold(ex, (e) => e.gated, SEED, bits);

/** Out-of-fold scores of the ungated head (null where the gate is open or a rule found something). */
export const crossValidateUngated = (ex: Example[], bits = TRAIN_OPTIONS.bits) => outOfFold(ex, ungated, SEED + 2, bits);

/** Every line of the model file, from cross-validated scores (`oof`: the campaign head's, computed once by the caller). */
export function chooseAllThresholds(ex: Example[], oof: (number | null)[]): ModelFile['thresholds'] {
  return { ...chooseThresholds(ex, oof), ungated: chooseUngatedLine(ex, crossValidateUngated(ex)) };
}

/**
 * The ungated head's line, from its cross-validated scores: the lowest score above which at least
 * TARGET.ungatedPrecision of the items are labelled violation or caution and at most
 * TARGET.ungatedFalseFlag of the everyday posts behind a closed gate are flagged (the caution line
 * may flag ten times that share of all everyday posts): nothing in such a post names a contest.
 */
export function chooseUngatedLine(all: Example[], allOof: (number | null)[]): number {
  // under a neutrality frame the ungated head does not speak: those posts are flagged at no line
  const scored = ranked(all, allOof);
  const pts = scored.filter((p) => !p.e.framed);
  const line = deepestLine(pts, (e) => e.item.label !== 'ok', TARGET.ungatedPrecision, TARGET.ungatedFalseFlag, isEveryday, scored.filter((p) => isEveryday(p.e)).length);
  return round(Math.min(0.99, Math.max(0.5, line)), 4);
}

/** The scored items that calibrate the thresholds, highest score first. */
function ranked(all: Example[], allOof: (number | null)[]): { s: number; e: Example }[] {
  return all
    .map((e, i) => ({ s: allOof[i], e }))
    .filter((p): p is { s: number; e: Example } => p.s !== null && p.e.calibrates !== false)
    .sort((a, b) => b.s - a.s);
}

/**
 * The lowest score (of `among`, sorted high to low) above which at least `precision` of the items are
 * `pos` and at most `falseRate` of the `negatives` items that are `neg` lie; 0.99 where none is.
 */
function deepestLine(among: { s: number; e: Example }[], pos: (e: Example) => boolean, precision: number, falseRate: number, neg: (e: Example) => boolean, negatives: number): number {
  const denominator = Math.max(1, negatives);
  let hit = 0;
  let bad = 0;
  let best = 0.99;
  among.forEach((p, i) => {
    if (pos(p.e)) hit++;
    if (neg(p.e)) bad++;
    const next = among[i + 1];
    if (next && next.s === p.s) return;
    if (hit / (i + 1) >= precision && bad / denominator <= falseRate) best = p.s;
  });
  return best;
}

/**
 * Thresholds from cross-validated scores, over the items the model may speak on (gate open, no
 * rule violation). `violation`: the lowest score above which at least TARGET.violationPrecision of
 * the items are labelled violation, and the model adds violations to at most TARGET.falseViolation
 * of the posts that do not campaign (labelled ok, or news, neutrality, KPU information, borderline, a
 * hard negative), and to at most as large a share of news, neutrality and KPU information alone; `caution`: the lowest above which at least
 * TARGET.flagPrecision are labelled violation or caution, and the model flags at most
 * TARGET.falseFlag of the everyday posts (hard negatives labelled ok).
 */
export function chooseThresholds(all: Example[], allOof: (number | null)[]): { violation: number; caution: number } {
  const ex = all.filter((e) => e.calibrates !== false);
  const pts = ranked(all, allOof).filter((p) => p.e.rules !== 'violation');
  // the violation threshold decides only posts the model can grade violation: under a news frame or a
  // neutrality frame the detector caps the model's finding at caution, so a news report or a circular
  // scoring high costs no false violation
  const gradable = pts.filter((p) => !p.e.capped && !p.e.framed);
  const deepest = (pos: (e: Example) => boolean, precision: number, falseRate: number, neg: (e: Example) => boolean, among = pts) =>
    deepestLine(among, pos, precision, falseRate, neg, ex.filter(neg).length);
  const v = (e: Example) => e.item.label === 'violation';
  // a false violation is one wrong in kind: a post that does not campaign (labelled ok, news,
  // neutrality, KPU information, a hard negative) graded violation. A campaigning post labelled caution
  // and graded violation is a severity slip; it still counts against the precision target.
  const wrongKind = (e: Example) => !v(e) && (e.item.label === 'ok' || NOT_CAMPAIGNING.has(e.item.category) || HARD.has(e.item.category));
  // and news, neutrality and KPU information on their own: the rules already grade some of them violation
  const newsLike = (e: Example) => NOT_CAMPAIGNING.has(e.item.category);
  const deepV = Math.max(
    deepest(v, TARGET.violationPrecision, TARGET.falseViolation, wrongKind, gradable),
    deepest(v, TARGET.violationPrecision, TARGET.falseViolation, newsLike, gradable),
  );
  const violation = round(Math.min(0.99, Math.max(0.5, deepV)), 4);
  // a framed post is flagged only past the violation line: below it the model is silent there
  const heard = pts.filter((p) => !p.e.framed || p.s >= violation);
  const caution = round(Math.min(violation, Math.max(0.3, deepest((e) => e.item.label !== 'ok', TARGET.flagPrecision, TARGET.falseFlag, isEveryday, heard))), 4);
  return { violation, caution };
}

/** The heads trained on these examples, as a model file (thresholds given; the ungated head only with its line). */
export function fitModelFile(ex: Example[], thresholds: ModelFile['thresholds'], training: Record<string, unknown> = {}): ModelFile {
  const bits = TRAIN_OPTIONS.bits;
  const campaign = quantize(fit(campaignData(ex), bits));
  const attack = quantize(fit(attackData(ex), bits, TRAIN_OPTIONS, SEED + 1));
  const heads: ModelFile['heads'] = { campaign, attack };
  if (thresholds.ungated !== undefined) heads.ungated = quantize(fit(ungatedData(ex), bits, TRAIN_OPTIONS, SEED + 2));
  return { format: MODEL_FORMAT, version: 1, id: 'jn-text-model', bits, heads, thresholds, training };
}

/** Train the heads on every item, thresholds from cross-validation: the shipped model file. */
export function trainModel(ex: Example[], meta: Record<string, unknown> = {}): { file: ModelFile; oof: (number | null)[] } {
  const oof = crossValidate(ex, TRAIN_OPTIONS.bits);
  const file = fitModelFile(ex, chooseAllThresholds(ex, oof), {
      items: ex.length,
      gated: ex.filter((e) => e.gated).length,
      ungated: ex.filter(ungated).length,
      labels: { violation: ex.filter((e) => e.item.label === 'violation').length, caution: ex.filter((e) => e.item.label === 'caution').length, ok: ex.filter((e) => e.item.label === 'ok').length },
      folds: FOLDS,
      seed: SEED,
      options: TRAIN_OPTIONS,
      everydayWeight: EVERYDAY_WEIGHT,
      target: TARGET,
      ...meta,
  });
  return { file, oof };
}

/** The model file as committed: stable key order, one line per head. */
export function serialize(file: ModelFile): string {
  return JSON.stringify(file, null, 1) + '\n';
}
