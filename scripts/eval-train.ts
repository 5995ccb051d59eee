/**
 * The learned stage on its training data only (fixed split, cross-validation, per category, election and
 * source), without touching a blind set or a held-out real set: what to look at while writing data or
 * changing features (npm run eval scores those).
 *   npx tsx scripts/eval-train.ts
 */
import { modelEvaluation, printModelEvaluation } from './eval-model';

printModelEvaluation(modelEvaluation({ blind: false, real: false }));
