/**
 * Whether a batch of new training items helps: 5-fold cross-validation at fresh thresholds (as npm run
 * train would choose them with the batch in), with the figures of the items **before** the batch
 * apart from the batch's own. A batch is worth merging when the older items, written by other hands,
 * are graded or flagged better at an equal rate of everyday posts and news: the batch's own items
 * score high whatever they teach, and its look-alikes of campaigning may make the thresholds stricter
 * for everyone. Run it in the batch's branch after merging main; never touches a blind or real set.
 *
 *   npx tsx scripts/eval-batch.ts '<id regex of the batch>' [--old-calib]
 *
 * --old-calib: the thresholds chosen on the older items alone, so that what the batch does to the
 * model's scores is seen apart from what it does to the thresholds.
 */
import { chooseAllThresholds, crossValidate } from '../lib/model/train';
import { buildTrainingExamples } from '../tests/corpus/train-examples';
import { crossValidatedVerdicts, figures, type Figures } from './eval-model';

const pattern = process.argv[2];
if (!pattern || pattern.startsWith('--')) throw new Error("usage: tsx scripts/eval-batch.ts '<id regex of the batch>' [--old-calib]");
const batch = new RegExp(pattern);

const { examples } = buildTrainingExamples();
const fresh = examples.filter((e) => batch.test(e.item.id)).length;
if (!fresh) throw new Error(`no training item's id matches ${batch}`);
if (process.argv.includes('--old-calib')) for (const e of examples) if (batch.test(e.item.id)) e.calibrates = false;
const thresholds = chooseAllThresholds(examples, crossValidate(examples));
const scored = crossValidatedVerdicts(examples, thresholds);

const pct = (x: number | null, d = 1) => (x === null ? '—' : (100 * x).toFixed(d));
const line = (name: string, f: Figures) =>
  `${name.padEnd(42)} ${String(f.n).padStart(6)} ${pct(f.gradedViolation).padStart(8)} ${pct(f.flagged).padStart(8)} ${pct(f.everydayFlagged, 2).padStart(9)} ${pct(f.newsViolation, 2).padStart(8)} ${pct(f.newsCaution).padStart(8)}`;
const older = scored.filter((r) => !batch.test(r.item.id));
console.log(`thresholds (${process.argv.includes('--old-calib') ? 'chosen on the older items' : 'fresh, batch included'}): ${JSON.stringify(thresholds)}`);
console.log(`${''.padEnd(42)} ${'n'.padStart(6)} ${'graded'.padStart(8)} ${'flagged'.padStart(8)} ${'everyday'.padStart(9)} ${'newsV'.padStart(8)} ${'newsC'.padStart(8)}`);
console.log(line('older items', figures(older)));
console.log(line(`the batch (${fresh})`, figures(scored.filter((r) => batch.test(r.item.id)))));
console.log(line('all', figures(scored)));
for (const c of [...new Set(older.map((r) => r.item.category))].sort()) {
  const rs = older.filter((r) => r.item.category === c);
  if (rs.length >= 200) console.log(line(`  older: ${c}`, figures(rs)));
}
