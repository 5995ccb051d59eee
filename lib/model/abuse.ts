/**
 * How a post abuses a contestant, as constructions rather than phrases: an insult or a camp slur a few
 * words from whom it is about ("prabowo yang sinting otak nya", "gubernur paling bodo"), a contestant
 * called "si …" ("si prabowo", "si joko"), a contestant addressed as "lu"/"kau" ("sialan lu anies"), and
 * the "dasar …!" of a rebuke opening a clause ("dasar antek asing"). Real comments put words between the
 * insult and the name that the rules' short gaps do not span; each is a signal the learned stage weighs.
 */
import type { ChunkInput } from './features';
import { W, someIn, tokenFlags } from './cues';

const words = (s: string) => new Set(s.split(/\s+/).filter(Boolean));

/** Second person as one speaks to an opponent (not the "kalian"/"warga" of a call to the public). */
export const ADDRESS = words(`kau engkau dikau kamu lu lo loe elu situ ente`);
const NEGATION = words(`tidak bukan bukanlah tak`);
/** Classes of abuse in the packs' lexicon. */
const ABUSE_CLASSES = ['insult', 'camp-slur'];
/** How far (in tokens) an insult may stand from whom it abuses. */
const NEAR = 4;

/** Does token i stand within NEAR tokens of one of `who`, outside it? */
function nearWho(who: readonly [number, number][], i: number): boolean {
  for (let k = 0; k < who.length; k++) {
    const [f, l] = who[k]!;
    if (i >= f - NEAR && i <= l + NEAR && (i < f || i > l)) return true;
  }
  return false;
}

export function abuseSignals(c: ChunkInput): string[] {
  const { tokens } = c.insp.tokens;
  const who: [number, number][] = [];
  for (const a of c.packActors) who.push([a.first, a.last]);
  for (const q of c.cues) who.push([q.first, q.last]);
  const flags = tokenFlags(c.insp, c.to);
  for (let i = c.from; i < c.to; i++) if (flags[i]! & W.office) who.push([i, i]);
  const out = new Set<string>();
  for (let i = c.from; i < c.to; i++) {
    const t = tokens[i]!.text;
    // "beliau tidak pengecut" praises: a denied insult is no abuse
    const cls = c.insp.classes[i];
    if (cls && someIn(cls, ABUSE_CLASSES) && nearWho(who, i) && !(i > c.from && NEGATION.has(tokens[i - 1]!.text))) out.add('s|abuse-near');
    if (t === 'si' && who.some(([f]) => f === i + 1)) out.add('s|si-actor');
    if (ADDRESS.has(t) && nearWho(who, i)) out.add('s|address-actor');
    if (t === 'dasar' && i + 1 < c.to) {
      // "dasar" opening a clause; "pada dasarnya", "hukum dasar", "harga dasar" are not rebukes
      const gap = i > 0 ? c.text.slice(tokens[i - 1]!.end, tokens[i]!.start) : '.';
      if (i === c.from || /[.,!?;:\n]/.test(gap)) out.add('s|rebuke');
    }
  }
  return [...out];
}
