/**
 * Cues that open the learned stage's gate on their own, though none says "election" by itself: an
 * honorific name anywhere ("Cak Arif iku mung iso ngomong"), a salute's emoji (☝️ ✌️ 🤟 👌) and a finger
 * sign counted ("tiga jari", "2 jari"). Campaigning leans on them when it names no candidate, party or
 * election word, and so do everyday posts (a neighbour's "Pak Dodi", a holiday's peace sign, two fingers
 * of coffee): the gate lets both in and the model, trained on the everyday ones, tells them apart. Each
 * cue found is also a signal the model weighs.
 */
import type { Inspection } from '../rules/types';
import { CARDINALS, FINGER_EMOJI, FINGERS, HONORIFICS, KIN, isCap } from './cues';

export type WideCue = 'addressed' | 'salute' | 'fingers';

/** The wide cues in tokens [from, to), each named once. */
export function wideCues(insp: Inspection, text: string, from: number, to: number): WideCue[] {
  const { tokens } = insp.tokens;
  const out = new Set<WideCue>();
  const nameAt = (i: number) => {
    const tok = tokens[i];
    return !!tok && i < to && tok.kind === 'word' && tok.tag === undefined && tok.text.length >= 3 && isCap(text, tok.start) && !insp.vocabulary.has(tok.text) && !KIN.has(tok.text);
  };
  for (let i = from; i < to; i++) {
    const tok = tokens[i]!;
    const t = tok.text;
    if (HONORIFICS.has(t) && nameAt(i + 1)) out.add('addressed');
    else if (tok.kind === 'emoji' && FINGER_EMOJI.test(t)) out.add('salute');
    else if ((CARDINALS.has(t) || (tok.kind === 'number' && t.length === 1)) && i + 1 < to && (insp.classes[i + 1]?.includes('jari') || FINGERS.has(tokens[i + 1]!.text))) out.add('fingers');
  }
  return [...out];
}
