/**
 * The learned stage on its training data only (fixed split, cross-validation, per category, election and
 * source), without touching a blind set or a held-out real set: what to look at while writing data or
 * changing features (npm run eval scores those).
 *   npx tsx scripts/eval-train.ts [--fresh]
 *
 * --fresh: thresholds chosen on this cross-validation, as npm run train would choose them, instead of the committed
 * model's: after a change of the training data, the committed thresholds belong to other data.
 */
import { modelEvaluation, printModelEvaluation } from './eval-model';

printModelEvaluation(modelEvaluation({ blind: false, real: false, fresh: process.argv.includes('--fresh') }));
