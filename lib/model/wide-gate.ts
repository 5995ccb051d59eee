/**
 * Cues that open the learned stage's gate on their own, though none says "election" by itself: an
 * honorific name anywhere ("Cak Arif iku mung iso ngomong"), a salute's emoji (☝️ ✌️ 🤟 👌) and a finger
 * sign counted ("tiga jari", "2 jari"). Campaigning leans on them when it names no candidate, party or
 * election word, and so do everyday posts (a neighbour's "Pak Dodi", a holiday's peace sign, two fingers
 * of coffee): the gate lets both in and the model, trained on the everyday ones, tells them apart. Each
 * cue found is also a signal the model weighs.
 */
import type { Inspection } from '../rules/types';
import { W, countedFingersAt, personalNameAt, saluteEmojiAt, tokenFlags } from './cues';

export type WideCue = 'addressed' | 'salute' | 'fingers';

/** The wide cues in tokens [from, to), each named once. */
export function wideCues(insp: Inspection, text: string, from: number, to: number): WideCue[] {
  const { tokens } = insp.tokens;
  const flags = tokenFlags(insp, to);
  const out = new Set<WideCue>();
  for (let i = from; i < to; i++) {
    if (flags[i]! & W.honorific && i + 1 < to && personalNameAt(insp, text, i + 1)) out.add('addressed');
    else if (saluteEmojiAt(insp, i)) out.add('salute');
    // a count is a cardinal word or a number: the flags say which tokens can be one
    else if ((flags[i]! & W.cardinal || tokens[i]!.kind === 'number') && countedFingersAt(insp, i, to)) out.add('fingers');
  }
  return [...out];
}
