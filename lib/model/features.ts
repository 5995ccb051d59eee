/**
 * Features of the learned stage, hashed into a fixed space of 2^bits weights:
 * - word unigrams and bigrams over the engine's normalized tokens (so `c0bl0s`, `coblooos` and
 *   `COBLOS` are one word), with the packs' names replaced by what they are (<c> a candidate or
 *   ticket, <p> a party, <n> a generic name): the model learns how people write about a
 *   candidate, not who the candidates of one election are;
 * - character 3–5-grams inside each word (spelling variants, affixes, Javanese/Sundanese forms);
 * - the lexicon classes of each word (support-verb, insult, news-verb …: the packs' own vocabulary);
 * - the engine's signals: which actors were found and of what kind, election words, first/second
 *   person and imperatives, the news/neutrality frames, which rules fired;
 * - quoted speech and a leading "Someone: …" (how news reports a candidate's words);
 * - a back-reference after an actor, an office word, a word of worthiness (pantas, layak, idaman);
 * - abuse bound to a contestant: an insult near an actor, "si …", "lu …", "dasar …" (abuse.ts);
 * - each lexicon class (and person, back-reference, imperative, emoji, office, worthiness) present, joined with the kind of actor the
 *   chunk names (candidate, party, generic cue, weak name, none).
 *
 * Every feature remembers the tokens it came from, so the words that drove a score can be shown.
 */
import type { Inspection } from '../rules/types';
import { abuseSignals } from './abuse';
import { CALL_WORDS, PROHIBIT, RELATIVE, TEAM_TAILS, W, tokenFlags, type Cue } from './cues';

const QUOTE = /["“”„«»]/;
/** A capitalised label and a colon opening the text: a headline's speaker or source ("Anies: …", "Survei LSI: …"). */
const SPEAKER = /^\s*\p{Lu}[\p{L}.\- ]{1,40}:\s/u;

/** An actor (the packs' or a generic cue) named before token i in the chunk. */
const actorBefore = (c: ChunkInput, i: number) => c.packActors.some((a) => a.last < i) || c.cues.some((q) => q.last < i);

/** FNV-1a over a string, 32-bit. */
export function hash(s: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export interface Features {
  /** Hashed feature indices (unique). */
  idx: number[];
  val: number[];
  /** The token range each feature came from (first occurrence), -1 for post-level signals. */
  first: number[];
  last: number[];
  /** The feature strings, when asked for (training reports, tests). */
  names?: string[];
}

export interface ChunkInput {
  insp: Inspection;
  text: string;
  from: number;
  to: number;
  /** Actors in the chunk: the packs' and the generic cues. */
  packActors: { first: number; last: number; kind: 'candidate' | 'party'; weak: boolean }[];
  cues: Cue[];
  /** Post-level signals (frames, rules fired). */
  signals: string[];
}

/** Signals joined with the kind of actor the chunk names. */
const JOINED = new Set(['s|p1', 's|p2', 's|p3', 's|imp', 's|emoji', 's|quote', 's|office', 's|worthy', 's|negcall', 's|voters', 's|mock', 's|belittle', 's|goods', 's|team', 's|we-camp', 's|mobilise', 's|mock-voters', 's|rebuke']);
const NGRAM_SCALE = 3;

/** Which hashed indices the current extraction has seen (a stamp per index: no clearing between calls). */
let stamps = new Int32Array(0);
let stamp = 0;
/** Where extract() gathers the n-grams of a chunk (see there). */
const scratchIdx: number[] = [];
const scratchFirst: number[] = [];
const scratchLast: number[] = [];
const scratchVal: number[] = [];
/** Counts extractions, never reset (unlike the stamp). */
let extraction = 0;

/** The character 3–5-grams of " word ", as feature names, in a fixed order. */
function gramNames(w: string): string[] {
  const p = ` ${w} `;
  const out: string[] = [];
  for (let k = 0; k + 3 <= p.length; k++) for (let len = 3; len <= 5 && k + len <= p.length; len++) out.push('g|' + p.slice(k, k + len));
  return out;
}

/**
 * What a shown word contributes without its neighbours, hashed once: its unigram, the prefix of a
 * bigram it opens, and its character grams. A 20,000-character text is mostly the same few hundred
 * words, so the hashing is done per word rather than per token. Bounded, and emptied when full or
 * when the hash space changes.
 */
interface WordHashes {
  unigram: number;
  /** The hash state after "b|" + word + " ": a bigram's hash goes on from it with the next word. */
  bigramHead: number;
  /** Masked character-gram indices, in gramNames' order. */
  grams: Int32Array;
  /** The last extraction that added these grams: met again in it, the word adds none. */
  seen: number;
}
const WORD_CACHE_LIMIT = 20_000;
const wordCache = new Map<string, WordHashes>();
let wordCacheMask = -1;

function wordHashes(w: string, isWord: boolean, mask: number): WordHashes {
  if (mask !== wordCacheMask || wordCache.size >= WORD_CACHE_LIMIT) {
    wordCache.clear();
    wordCacheMask = mask;
  }
  // words and numbers both reach here: a number's text never gets grams, so key them apart
  const key = isWord ? w : '\u0000' + w;
  let e = wordCache.get(key);
  if (e) return e;
  const grams = isWord && w[0] !== '<' && w.length >= 3 ? gramNames(w).map((g) => hash(g) & mask) : [];
  e = { unigram: hash('w|' + w), bigramHead: hash('b|' + w + ' '), grams: Int32Array.from(grams), seen: 0 };
  wordCache.set(key, e);
  return e;
}

/**
 * The hash of a feature whose name is made of two parts, kept per part: the same few hundred
 * classes, stems and signals come back in every chunk, and building and hashing their names again
 * each time was a good part of the extraction. `name` is a function made once (no closure per call).
 * Bounded like the word cache.
 */
function cachedHash(cache: Map<string, Map<string, number>>, outer: string, inner: string, name: (outer: string, inner: string) => string): number {
  let m = cache.get(outer);
  if (!m) cache.set(outer, (m = new Map()));
  let h = m.get(inner);
  if (h === undefined) {
    if (m.size >= WORD_CACHE_LIMIT) m.clear();
    m.set(inner, (h = hash(name(outer, inner))));
  }
  return h;
}

/** The hash of a feature named by a prefix and a word ("c|support-verb", "w|dukung"; a whole name under ''). */
const prefixed = new Map<string, Map<string, number>>();
const prefixedName = (prefix: string, w: string) => prefix + w;
const prefixedHash = (prefix: string, w: string) => cachedHash(prefixed, prefix, w, prefixedName);

/** The first two letters of the written words (PROHIBIT, RELATIVE) the extraction looks up as written, as one number. */
const RAW_HEADS = new Set([...PROHIBIT, ...RELATIVE].map((w) => w.charCodeAt(0) * 128 + w.charCodeAt(1)));
const lowerAscii = (c: number) => (c >= 65 && c <= 90 ? c + 32 : c);
/**
 * Can text[start, end), lower-cased, be one of those words? None is longer than 7 or shorter than 2;
 * two ASCII letters must open one of them (most words open none, and need no cut); anything past
 * ASCII is let through (a few letters lower-case into ASCII: the Kelvin sign into "k").
 */
function rawMayMatch(text: string, start: number, end: number): boolean {
  if (end - start > 7) return false;
  const c0 = text.charCodeAt(start);
  if (c0 >= 0x80) return true;
  if (end - start < 2) return false;
  const c1 = text.charCodeAt(start + 1);
  return c1 >= 0x80 || RAW_HEADS.has(lowerAscii(c0) * 128 + lowerAscii(c1));
}

/** The hash of "x|" + class + "|" + who, kept per who (five kinds) and class. */
const joined = new Map<string, Map<string, number>>();
const joinedName = (who: string, cl: string) => `x|${cl}|${who}`;
const joinedHash = (cl: string, who: string) => cachedHash(joined, who, cl, joinedName);

/**
 * The extraction under way, as module state rather than closures made for every chunk: extract() runs
 * to its end before another starts, and plain functions over this state cost no allocation per chunk
 * (its busiest counter, `sn`, is copied into a local in the hottest loop).
 */
let xMask = 0;
let sn = 0;
let xNames: string[] | undefined;

/**
 * Every feature is written into the scratch arrays, which keep their size from chunk to chunk, and
 * copied out once at the end, rather than pushed one by one into arrays grown again for every chunk.
 * The n-grams come first and are the most (a thousand or more a chunk); their value is known only
 * when they are counted, so theirs is filled in then (the signals after them bring their own).
 */
function addHash(h: number, first: number, last: number, v: number, name?: () => string): void {
  h &= xMask;
  if (stamps[h] === stamp) return;
  stamps[h] = stamp;
  scratchIdx[sn] = h;
  scratchFirst[sn] = first;
  scratchLast[sn] = last;
  scratchVal[sn++] = v;
  if (xNames && name) xNames.push(name());
}

/** A signal or joined class: they come back in every chunk under the same few hundred names. */
function add(name: string, first: number, last: number, v: number): void {
  addHash(prefixedHash('', name), first, last, v, xNames ? () => name : undefined);
}

/** Show tokens [first, last] of the chunk as one placeholder (a name replaced by what it is). */
function placeholder(shown: string[], c: ChunkInput, first: number, last: number, ph: string): void {
  for (let k = Math.max(first, c.from); k <= last && k < c.to; k++) shown[k - c.from] = k === first ? ph : '';
}

/** Is token k, inside the chunk, a call verb? */
function callAt(c: ChunkInput, k: number): boolean {
  if (k >= c.to) return false;
  if (CALL_WORDS.has(c.insp.tokens.tokens[k]!.text)) return true;
  const cls = c.insp.classes[k];
  if (cls) for (let j = 0; j < cls.length; j++) if (cls[j] === 'support-verb' || cls[j] === 'coblos-verb') return true;
  return false;
}

/** Gather a chunk's features into the scratch arrays (sn of them), their names into `names` if given. */
function gatherInto(c: ChunkInput, bits: number, names: string[] | undefined): void {
  const size = 1 << bits;
  const mask = size - 1;
  if (stamps.length !== size) {
    stamps = new Int32Array(size);
    stamp = 0;
  }
  if (++stamp === 0x7fffffff) {
    stamps.fill(0);
    stamp = 1;
  }
  const run = ++extraction;
  const { tokens } = c.insp.tokens;
  xMask = mask;
  xNames = names;
  sn = 0;

  // what each token reads as
  const shown: string[] = [];
  for (let i = c.from; i < c.to; i++) {
    const t = tokens[i]!;
    shown[i - c.from] = t.kind === 'number' ? (/^\d{4}$/.test(t.text) ? '<year>' : t.text.length > 3 ? '<num>' : t.text) : t.text;
  }
  for (const a of c.packActors) placeholder(shown, c, a.first, a.last, a.kind === 'party' ? '<p>' : '<c>');
  for (const q of c.cues) if (q.kind !== 'role') placeholder(shown, c, q.kind === 'honorific' ? q.first + 1 : q.first, q.last, '<n>');

  const signals = new Set<string>(c.signals);
  const flags = tokenFlags(c.insp, c.to);
  let prev = -1;
  let prevHead = 0;
  for (let i = c.from; i < c.to; i++) {
    const w = shown[i - c.from]!;
    if (!w) continue;
    const t = tokens[i]!;
    const wh = wordHashes(w, t.kind === 'word', mask);
    addHash(wh.unigram, i, i, 0, names ? () => 'w|' + w : undefined);
    if (prev >= 0 && !t.brk) addHash(hash(w, prevHead), prev, i, 0, names ? () => 'b|' + shown[prev - c.from] + ' ' + w : undefined);
    prev = i;
    prevHead = wh.bigramHead;
    const grams = wh.grams;
    if (grams.length && wh.seen !== run) {
      // a word met before in this chunk adds no grams: they are in already
      wh.seen = run;
      if (!names) {
        // addHash written out: grams are masked already, and this is the extraction's busiest loop
        let n = sn;
        for (let g = 0; g < grams.length; g++) {
          const h = grams[g]!;
          if (stamps[h] === stamp) continue;
          stamps[h] = stamp;
          scratchIdx[n] = h;
          scratchFirst[n] = i;
          scratchLast[n++] = i;
        }
        sn = n;
      } else {
        // apart from the loop above: a closure over g there would cost a context per gram even unnamed
        const names = gramNames(w);
        for (let g = 0; g < grams.length; g++) if (stamps[grams[g]!] !== stamp) addHash(grams[g]!, i, i, 0, () => names[g]!);
      }
    }
    const st = c.insp.stems[i];
    if (st && st !== w) addHash(prefixedHash('w|', st), i, i, 0, names ? () => 'w|' + st : undefined);
    const cls = c.insp.classes[i];
    if (cls) for (const cl of cls) addHash(prefixedHash('c|', cl), i, i, 0, names ? () => 'c|' + cl : undefined);
    const wf = flags[i]!;
    if (wf & W.firstPerson) signals.add('s|p1');
    if (wf & W.secondPerson) signals.add('s|p2');
    if (wf & W.imperative) signals.add('s|imp');
    if (t.kind === 'emoji') signals.add('s|emoji');
    // a back-reference to an actor named before ("… beliau", "mereka berdua"); an office and a word of
    // worthiness ("pantas jadi walkot", "the mayor Solo deserves"): how a candidate is praised as the office-holder to be
    if (wf & W.backref && actorBefore(c, i)) signals.add('s|p3');
    if (wf & W.office) signals.add('s|office');
    if (wf & W.worthy) signals.add('s|worthy');
    // constructions of attacks and of camp activity, as word classes rather than phrases:
    // a refusal before a call verb ("jangan pilih", "ulah dipilih", "gak sudi milih"), a camp's voters
    // spoken of ("yang milih X", "pendukung X", "barisan 02"), mockery markers and belittling ("cuma",
    // "doang"), campaign goods, a team and its ranks, the collective "we", colleagues asked to turn out
    // the written form matters where the normalizer folds a word ("aja" → "saja")
    // (cut only when it can be one of those words: a cut and a lower-casing per token were a good part of the extraction)
    const raw = rawMayMatch(c.text, t.start, t.end) ? c.text.slice(t.start, t.end).toLowerCase() : '';
    if (wf & W.prohibit || (raw !== '' && PROHIBIT.has(raw))) if (callAt(c, i + 1) || callAt(c, i + 2)) signals.add('s|negcall');
    if ((raw !== '' && RELATIVE.has(raw) && callAt(c, i + 1)) || wf & W.campWords || t.text === 'pendukung' || t.text === 'simpatisan') signals.add('s|voters');
    if (wf & W.mock || ((t.text[0] === 'w' || t.text[0] === 'h') && /^(?:wk){2,}|^(?:ha){3,}/.test(t.text))) signals.add('s|mock');
    if (wf & W.belittle) signals.add('s|belittle');
    if (wf & W.goods) signals.add('s|goods');
    if ((t.text === 'tim' && i + 1 < c.to && TEAM_TAILS.has(tokens[i + 1]!.text)) || (wf & W.teamHeads && t.text !== 'tim') || c.insp.classes[i]?.includes('team-word')) signals.add('s|team');
    if (wf & W.we) signals.add('s|we');
    if (wf & W.colleagues) signals.add('s|colleagues');
    if (wf & W.turnout || c.insp.classes[i]?.includes('attend')) signals.add('s|turnout');
  }
  for (const s of abuseSignals(c)) signals.add(s);
  if (signals.has('s|we') && (signals.has('s|team') || signals.has('s|goods'))) signals.add('s|we-camp');
  if (signals.has('s|colleagues') && signals.has('s|turnout')) signals.add('s|mobilise');
  if (signals.has('s|voters') && (signals.has('s|mock') || signals.has('s|belittle'))) signals.add('s|mock-voters');
  {
    // quoted speech (“…”, "…") and a leading "Someone: …": how news reports what a candidate said,
    // as against a post saying it in its own voice
    const a = tokens[c.from]?.start ?? 0;
    const b = c.to < tokens.length ? tokens[c.to]!.start : c.text.length;
    const span = c.text.slice(a, b);
    if (QUOTE.test(span) || (/[’'](?=\s|$)/.test(span) && /(?:^|\s)[‘']/.test(span))) signals.add('s|quote');
    if (SPEAKER.test(span)) signals.add('s|said');
  }
  const v = NGRAM_SCALE / Math.sqrt(Math.max(1, sn));
  for (let k = 0; k < sn; k++) scratchVal[k] = v;

  {
    // what the post says joined with whom it says it of: an insult, a hope or a call means one thing
    // beside a candidate, another beside no one (a linear model cannot join them itself)
    const who = c.packActors.some((a) => !a.weak && a.kind === 'candidate') ? 'c' : c.packActors.some((a) => !a.weak) ? 'p' : c.cues.length ? 'n' : c.packActors.length ? 'w' : '-';
    const seen = new Set<string>();
    for (let i = c.from; i < c.to; i++) {
      const cls = c.insp.classes[i];
      if (cls) for (let j = 0; j < cls.length; j++) seen.add(cls[j]!);
    }
    for (const sg of signals) if (JOINED.has(sg)) seen.add(sg.slice(2));
    for (const cl of seen) addHash(joinedHash(cl, who), -1, -1, 1, names ? () => `x|${cl}|${who}` : undefined);
  }
  for (const a of c.packActors) signals.add(`s|actor:${a.kind}${a.weak ? ':weak' : ''}`);
  for (const q of c.cues) signals.add(`s|actor:${q.kind}`);
  if (!c.packActors.length && !c.cues.length) signals.add('s|no-actor');
  if (c.packActors.length + c.cues.length > 1) signals.add('s|actors:many');
  for (const s of signals) add(s, -1, -1, 1);
}

export function extract(c: ChunkInput, bits: number, withNames = false): Features {
  const names = withNames ? [] : undefined;
  gatherInto(c, bits, names);
  const f = copyGathered();
  if (names) f.names = names;
  return f;
}

/** A chunk's features left in the scratch arrays: what scoring reads, valid until the next gather or extract. */
export interface Gathered {
  readonly n: number;
  readonly idx: readonly number[];
  readonly val: readonly number[];
}
const gathered = { n: 0, idx: scratchIdx as readonly number[], val: scratchVal as readonly number[] };

/**
 * Gather a chunk's features without copying them out: a long text's chunks are scored one after the
 * other and only the best one's features are kept (copyGathered), so copying every chunk's thousand
 * or more features four times over was wasted.
 */
export function gather(c: ChunkInput, bits: number): Gathered {
  gatherInto(c, bits, undefined);
  gathered.n = sn;
  return gathered;
}

/** The features last gathered, copied out as extract() returns them. */
export function copyGathered(): Features {
  return { idx: scratchIdx.slice(0, sn), val: scratchVal.slice(0, sn), first: scratchFirst.slice(0, sn), last: scratchLast.slice(0, sn) };
}
