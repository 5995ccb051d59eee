/**
 * The learned stage on its training data only (fixed split, cross-validation, per category, election and
 * source), without touching a blind set: what to look at while writing data or changing features.
 *   npx tsx scripts/eval-train.ts
 */
import { modelEvaluation, printModelEvaluation } from './eval-model';

printModelEvaluation(modelEvaluation({ blind: false }));
