/**
 * When a neutrality frame (a frame of effect 'drop': "ASN harus netral", a competition, a
 * prohibition) silences the learned stage (short of a score past its violation line, which the
 * stage reports at caution). The rules drop only the findings inside the frame's
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
 * a setting word (an arisan, a karang taruna, a sosialisasi) in the same clause as a call (pilih,
 * dukung, coblos …) and someone to support ("rombongan arisan kami sepakat pilih Bu Tatik nomor 4")
 * is where the campaigning happens, not what the post is about; the model reads it. A voice or a
 * number alone is not enough: "kami" and "nomor 9" are everyday in an arisan or a birthday. A clause
 * that says what may not be done ("ASN dilarang mendukung paslon 01") keeps its frame whatever it names.
 */
import type { Inspection } from '../rules/types';
import { CALL_WORDS, FIRST_PERSON, IMPERATIVE, addressAt, genericActors } from './cues';

/** Contrastive turns, beside the packs' "contrast" class (regional and English forms). */
const CONTRAST = new Set(['tapi', 'tetapi', 'namun', 'walau', 'walaupun', 'meski', 'meskipun', 'cuma', 'nanging', 'ananging', 'padahal', 'but', 'however']);

/** Lexicon classes that make a clause a message about neutrality or a prohibition. */
const STANCE_CLASSES = ['neutral-word', 'prohibition', 'sosialisasi', 'jangan'];
/** Negations and refusals: a clause with one speaks of not campaigning ("tidak ikut kampanye paslon 02"). */
const NEGATION = new Set(['tidak', 'tak', 'bukan', 'jangan', 'gak', 'ga', 'nggak', 'enggak', 'ndak', 'ora', 'teu', 'henteu', 'dilarang', 'larang', 'not', 'no', 'never', 'tolak']);

/** Does a drop frame silence the model on this text? Linear in the text: each clause is read once. */
export function frameSilences(insp: Inspection, text: string): boolean {
  const drops = insp.frames.filter((f) => f.effect === 'drop');
  if (!drops.length) return false;
  // a frame without spans (an older inspection): the whole post is its clause
  if (drops.some((f) => !f.spans?.length)) return true;
  const { tokens } = insp.tokens;
  const n = tokens.length;
  const turn = (k: number) => CONTRAST.has(tokens[k]!.text) || !!insp.classes[k]?.includes('contrast');

  // someone to support: a pack actor (strong) or a generic one, marked by where it starts; built on first need
  let starts: Uint8Array | undefined;
  let inside: Uint8Array | undefined;
  const actors = () => {
    if (starts) return { starts, inside: inside! };
    starts = new Uint8Array(n);
    inside = new Uint8Array(n);
    for (const x of [...insp.actors.filter((a) => !a.weak), ...genericActors(insp, text)]) {
      starts[x.first] = 1;
      for (let k = x.first; k <= x.last; k++) inside[k] = 1;
    }
    return { starts, inside };
  };

  const CALL = 1, VOICE = 2, BALLOT = 4, STANCE = 8;
  const signalAt = (k: number) => {
    const t = tokens[k]!.text;
    const cls = insp.classes[k];
    let s = 0;
    if (CALL_WORDS.has(t) || cls?.some((c) => c === 'support-verb' || c === 'coblos-verb')) s |= CALL;
    if (FIRST_PERSON.has(t) || IMPERATIVE.has(t) || cls?.some((c) => c === 'first-person' || c === 'ajakan')) s |= VOICE;
    if (cls?.includes('nomor') && k + 1 < n && tokens[k + 1]!.kind === 'number' && !addressAt(insp, k + 1)) s |= BALLOT;
    if (NEGATION.has(t) || cls?.some((c) => STANCE_CLASSES.includes(c))) s |= STANCE;
    return s;
  };

  // a clause runs back to the sentence start or a turn, and on to the sentence end or the next turn
  const startOf = (k: number) => {
    while (k > 0 && !tokens[k]!.brk && !turn(k - 1)) k--;
    return k;
  };
  const endOf = (k: number) => {
    while (k + 1 < n && !tokens[k + 1]!.brk && !turn(k + 1)) k++;
    return k;
  };
  // spans in text order, so that each clause is found and read once (clauses do not overlap)
  const covered = new Uint8Array(n);
  const spans = drops.flatMap((f) => f.spans).sort((x, y) => x[0] - y[0]);
  let clause = { s: -1, e: -1, holds: false };
  for (const [a, b] of spans) {
    // a one-word frame right beside a candidate names the candidacy, not a stance: "calon independen",
    // "sosialisasi paslon 01", "sosialisasi caleg"
    if (a === b && ((a > 0 && actors().inside[a - 1]) || (a + 1 < n && actors().inside[a + 1]))) continue;
    if (a > clause.e || b > clause.e) {
      const s = a <= clause.e ? clause.s : startOf(a);
      const e = endOf(Math.max(b, clause.e));
      // a clause that campaigns and says nothing of neutrality is not the frame's
      let sig = 0;
      let actor = false;
      for (let k = s; k <= e; k++) sig |= signalAt(k);
      if (!(sig & STANCE) && sig & CALL) for (let k = s; k <= e && !actor; k++) actor = actors().starts[k] === 1;
      clause = { s, e, holds: !actor };
      if (clause.holds) for (let k = s; k <= e; k++) covered[k] = 1;
    }
  }
  let out = 0;
  for (let k = 0; k < n; k++) if (!covered[k]) out |= signalAt(k);
  const call = !!(out & CALL);
  const voice = !!(out & VOICE);
  const ballot = !!(out & BALLOT);
  if (!call && !voice && !ballot) return true;
  let actor = false;
  for (let k = 0; k < n && !actor; k++) actor = !covered[k] && actors().starts[k] === 1;
  // a call, a first-person or imperative voice, or a ballot number, with someone to support or a number to mark
  const support = (call && (actor || ballot || voice)) || (voice && (actor || ballot)) || (ballot && actor);
  return !support;
}
