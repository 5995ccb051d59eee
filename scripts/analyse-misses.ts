/**
 * Why the detector misses: over the 5-fold cross-validation of the training data (the same folds,
 * fold models and thresholds as eval:train), every violation item graded below violation is put in
 * one bucket — the gate stayed closed, the model scored it below caution, between caution and
 * violation, a news frame capped it to caution, a neutrality frame silenced it (or capped a sure score at caution), or other — per
 * category, with a sample of texts per bucket. The false flags among everyday posts and news
 * items are bucketed the same way (who flagged them: the rules, or the model and at what score).
 * Never touches a blind set.
 *
 *   npx tsx scripts/analyse-misses.ts [--sample N] [--fresh]
 *
 * --fresh: thresholds from this cross-validation (as npm run train would choose them) instead of
 * the committed model's, to look at a change before retraining.
 */
import { nationalPack } from '../lib/packs';
import { loadModel } from '../lib/model/node';
import { chunks, TextModel } from '../lib/model/model';
import { extract } from '../lib/model/features';
import { chooseAllThresholds, crossValidate, FOLDS, fitModelFile } from '../lib/model/train';
import { modelStage } from '../lib/model/model';
import { HARD_NEGATIVE_CATEGORIES, NEWS_CATEGORIES, type CorpusItem } from '../tests/corpus/corpus';
import { buildTrainingExamples, engineCache } from '../tests/corpus/train-examples';

const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const SAMPLE = Number(arg('--sample') ?? 10);
const fresh = process.argv.includes('--fresh');

const { examples } = buildTrainingExamples();
const engineFor = engineCache();
const legal = nationalPack.legal ?? {};
const thresholds = fresh ? chooseAllThresholds(examples, crossValidate(examples)) : loadModel().thresholds;

type Bucket = 'rules' | 'gate closed' | 'below caution' | 'caution..violation' | 'capped by news' | 'neutrality frame' | 'other';
const BUCKETS: Bucket[] = ['gate closed', 'below caution', 'caution..violation', 'capped by news', 'neutrality frame', 'other', 'rules'];

interface Row {
  item: CorpusItem;
  verdict: string;
  bucket: Bucket;
  p: number | null;
  /** Why the best chunk was gated: actor kinds and frame signals. */
  gate: string;
}

const rows: Row[] = [];
for (let k = 0; k < FOLDS; k++) {
  const model = new TextModel(fitModelFile(examples.filter((e) => e.fold !== k), thresholds));
  const stage = modelStage(model, legal);
  for (const e of examples) {
    if (e.fold !== k) continue;
    const item = e.item as CorpusItem;
    const engine = engineFor(item.packs);
    const verdict = engine.withModel(stage).analyze(item.text).verdict;
    const insp = engine.inspect(item.text);
    // what the example already holds: the rules' verdict, the neutrality frame, the news frame
    const rulesVerdict = e.rules;
    const neutral = e.framed;
    const news = e.capped;
    let best: { p: number; gate: string } | null = null;
    for (const ch of chunks(insp, item.text)) {
      if (!ch.gated) continue;
      const p = model.score(extract(ch, model.bits));
      const why = [
        ...new Set([...ch.packActors.map((a) => `${a.kind}${a.weak ? ':weak' : ''}`), ...ch.cues.map((c) => c.kind), ...ch.signals.filter((s) => s.startsWith('s|frame')).map((s) => s.slice(2))]),
      ].join(',');
      if (!best || p > best.p) best = { p, gate: why || 'rule finding' };
    }
    const p = best?.p ?? null;
    let bucket: Bucket;
    if (neutral) bucket = 'neutrality frame';
    else if (!best) bucket = 'gate closed';
    else if (p! < thresholds.caution) bucket = 'below caution';
    else if (p! < thresholds.violation) bucket = 'caution..violation';
    else if (news) bucket = 'capped by news';
    else bucket = 'other';
    // a flag the rules raised themselves (false flags): the model did not add it
    if (verdict !== 'ok' && rulesVerdict === verdict && (bucket === 'gate closed' || bucket === 'below caution' || bucket === 'neutrality frame')) bucket = 'rules';
    rows.push({ item, verdict, bucket, p, gate: best?.gate ?? '' });
  }
}

const hard = new Set<string>(HARD_NEGATIVE_CATEGORIES);
const newsCats = new Set<string>(NEWS_CATEGORIES);

function report(title: string, rs: Row[]) {
  console.log(`\n=== ${title}: ${rs.length} items ===`);
  const cats = [...new Set(rs.map((r) => r.item.category))].sort();
  const w = Math.max(30, ...cats.map((c) => c.length + 2));
  console.log(''.padEnd(w) + BUCKETS.map((b) => b.padStart(19)).join(''));
  const line = (name: string, sel: Row[]) => console.log(name.padEnd(w) + BUCKETS.map((b) => String(sel.filter((r) => r.bucket === b).length).padStart(19)).join(''));
  for (const c of cats) line(c, rs.filter((r) => r.item.category === c));
  line('ALL', rs);
  for (const b of BUCKETS) {
    const sel = rs.filter((r) => r.bucket === b);
    if (!sel.length) continue;
    console.log(`\n--- ${b} (${sel.length}) ---`);
    // a spread sample: every n-th item, so no one file or category fills it
    const stepN = Math.max(1, Math.floor(sel.length / SAMPLE));
    for (let i = 0; i < sel.length && i / stepN < SAMPLE; i += stepN) {
      const r = sel[i]!;
      const sc = r.p === null ? '   —' : r.p.toFixed(2);
      console.log(`[${sc}] ${r.item.category} ${r.verdict} {${r.gate}} ${r.item.text.replace(/\s+/g, ' ').slice(0, 220)}`);
    }
  }
}

console.log(`thresholds${fresh ? ' (fresh from this CV)' : ''}: violation ≥ ${thresholds.violation}, caution ≥ ${thresholds.caution}`);
report('Missed violations (label violation, graded below violation)', rows.filter((r) => r.item.label === 'violation' && r.verdict !== 'violation'));
report('Missed violations not even flagged (graded ok)', rows.filter((r) => r.item.label === 'violation' && r.verdict === 'ok'));
report('False flags: everyday posts (hard negatives labelled ok) flagged', rows.filter((r) => hard.has(r.item.category) && r.item.label === 'ok' && r.verdict !== 'ok'));
report('False flags: news/neutrality/KPU items graded violation', rows.filter((r) => newsCats.has(r.item.category) && r.verdict === 'violation'));
report('News/neutrality/KPU items graded caution', rows.filter((r) => newsCats.has(r.item.category) && r.verdict === 'caution'));
