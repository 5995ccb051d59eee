/**
 * When a neutrality frame (a frame of effect 'drop': "ASN harus netral", a competition, a
 * prohibition) silences the learned stage. The rules drop only the findings inside the frame's
 * sentence; the model reads whole chunks, so it needs its own test of where the frame stops.
 *
 * A frame's own clause runs from its match back to the sentence start or a contrastive turn
 * ("tapi", "namun", "cuma", "walau begitu"), and on to the sentence end or the next turn. Support
 * declared outside every such clause — after "tapi" in the same sentence, or in another sentence of
 * the post — is the post's own voice, not the disclaimer's: "ASN harus netral, tapi hati saya tetap
 * untuk Pak Darmawan … nomor 1". There the model speaks (the frame stays one of its features).
 * A one-word frame right beside a candidate is no clause of its own: it names the candidacy
 * ("calon independen", "sosialisasi paslon 01").
 *
 * Nor does a frame hold over a clause of its own that campaigns with no word of neutrality in it:
 * a setting word (an arisan, a karang taruna, a sosialisasi) in the same clause as someone to support
 * and a call, a first- or second-person voice or a ballot number ("rombongan arisan kami sepakat pilih
 * Bu Tatik nomor 4") is where the campaigning happens, not what the post is about. A clause that
 * says what may not be done ("ASN dilarang mendukung paslon 01") keeps its frame whatever it names.
 */
import type { Inspection } from '../rules/types';
import { CALL_WORDS, FIRST_PERSON, IMPERATIVE, addressAt, genericActors } from './cues';

/** Contrastive turns, beside the packs' "contrast" class (regional and English forms). */
const CONTRAST = new Set(['tapi', 'tetapi', 'namun', 'walau', 'walaupun', 'meski', 'meskipun', 'cuma', 'nanging', 'ananging', 'padahal', 'but', 'however']);

/** Lexicon classes that make a clause a message about neutrality or a prohibition. */
const STANCE_CLASSES = ['neutral-word', 'prohibition', 'sosialisasi', 'jangan'];
/** Negations and refusals: a clause with one speaks of not campaigning ("tidak ikut kampanye paslon 02"). */
const NEGATION = new Set(['tidak', 'tak', 'bukan', 'jangan', 'gak', 'ga', 'nggak', 'enggak', 'ndak', 'ora', 'teu', 'henteu', 'dilarang', 'larang', 'not', 'no', 'never', 'tolak']);

/** Does a drop frame silence the model on this text? */
export function frameSilences(insp: Inspection, text: string): boolean {
  const drops = insp.frames.filter((f) => f.effect === 'drop');
  if (!drops.length) return false;
  const { tokens } = insp.tokens;
  const n = tokens.length;
  const turn = (k: number) => CONTRAST.has(tokens[k]!.text) || !!insp.classes[k]?.includes('contrast');
  const covered = new Uint8Array(n);
  // a one-word frame right beside a candidate names the candidacy, not a stance: "calon independen",
  // "sosialisasi paslon 01", "sosialisasi caleg"
  let cueList: ReturnType<typeof genericActors> | undefined;
  const cues = () => (cueList ??= genericActors(insp, text));
  const actorAt = (k: number) => insp.actors.some((x) => !x.weak && x.first <= k && k <= x.last) || cues().some((c) => c.first <= k && k <= c.last);

  /** What tokens [from, to] hold, outside covered ones: a call, a voice, a ballot number, someone to support. */
  const signalsIn = (from: number, to: number, skip?: Uint8Array) => {
    let call = false;
    let voice = false;
    let ballot = false;
    let stance = false;
    for (let k = from; k <= to; k++) {
      if (skip?.[k]) continue;
      const t = tokens[k]!.text;
      const cls = insp.classes[k];
      if (CALL_WORDS.has(t) || cls?.some((c) => c === 'support-verb' || c === 'coblos-verb')) call = true;
      if (FIRST_PERSON.has(t) || IMPERATIVE.has(t) || cls?.some((c) => c === 'first-person' || c === 'ajakan')) voice = true;
      if (cls?.includes('nomor') && k + 1 < n && tokens[k + 1]!.kind === 'number' && !addressAt(insp, k + 1)) ballot = true;
      if (NEGATION.has(t) || cls?.some((c) => STANCE_CLASSES.includes(c))) stance = true;
    }
    const inRange = (k: number) => from <= k && k <= to && !skip?.[k];
    const actor = insp.actors.some((a) => !a.weak && inRange(a.first)) || cues().some((c) => inRange(c.first));
    return { call, voice, ballot, stance, actor };
  };

  for (const f of drops) {
    // a frame without spans (an older inspection): the whole post is its clause
    if (!f.spans?.length) return true;
    for (const [a, b] of f.spans) {
      if (a === b && (actorAt(a - 1) || actorAt(a + 1))) continue;
      let s = a;
      while (s > 0 && !tokens[s]!.brk && !turn(s - 1)) s--;
      let e = b;
      while (e + 1 < n && !tokens[e + 1]!.brk && !turn(e + 1)) e++;
      const own = signalsIn(s, e);
      // a clause that campaigns and says nothing of neutrality is not the frame's
      if (!own.stance && own.actor && (own.call || own.voice || own.ballot)) continue;
      for (let k = s; k <= e; k++) covered[k] = 1;
    }
  }
  const { call, voice, ballot, actor } = signalsIn(0, n - 1, covered);
  if (!call && !voice && !ballot) return true;
  // a call, a first-person or imperative voice, or a ballot number, with someone to support or a number to mark
  const support = (call && (actor || ballot || voice)) || (voice && (actor || ballot)) || (ballot && actor);
  return !support;
}
