/** Why a photo could not be checked, in the interface language (the texts live with the engine, for the CLI too). */
import type { ImageProblem } from '../lib/vision/types';
import { PROBLEM_TEXT } from '../lib/vision/findings';
import type { Lang } from './i18n';

export function problemText(p: ImageProblem, lang: Lang): string {
  return PROBLEM_TEXT[p][lang];
}
