/**
 * Normalization and tokenization with an offset map back to the original text.
 *
 * Every token keeps the UTF-16 span [start, end) of the original characters it came from, so a
 * finding can always point at what the person wrote. What it undoes:
 * - case, accents and compatibility forms (NFKD: fullwidth and "bold" letters, é → e);
 * - invisible characters (zero-width, bidi marks, soft hyphen, variation selectors, skin tones);
 * - repeated letters (pilihhh → pilih; applied to patterns too, so both sides agree);
 * - digits used as letters inside a word (c0bl0s → coblos); digits standing alone stay numbers;
 * - spaced-out words (c o b l o s, p.i.l.i.h → one word);
 * - letter/digit glue (no2 → no 2, ke-2 → ke 2); leading zeros (02 → 2);
 * - hashtags and handles split into words (#PrabowoGibran2024 → prabowo gibran 2024), by case and,
 *   for lower-case glue, by a vocabulary when one is given;
 * - online spellings and abbreviations (yg, gk, nmr, jgn, menangin …) folded to one form (lib/text/slang.ts);
 * - emoji: keycaps (2️⃣) become number tokens "2⃣", hand emoji become one token each, other symbols separate.
 */
import { SLANG } from './slang';

export type TokenKind = 'word' | 'number' | 'emoji';

export interface Token {
  /** Normalized text: lower-case ASCII-ish word, a number without leading zeros, or a bare emoji. */
  text: string;
  kind: TokenKind;
  /** UTF-16 span in the original text, end exclusive. */
  start: number;
  end: number;
  /** Index of the hashtag or @handle this token came from, if any (see Tokenized.tags). */
  tag?: number;
  /** A sentence break stands before it: a newline, or . ! ? ; and then a capital letter. */
  brk?: boolean;
}

export interface Tag {
  /** '#' or '@'. */
  sigil: '#' | '@';
  /** The whole body normalized and glued, e.g. "prabowogibran2024". */
  glued: string;
  start: number;
  end: number;
  /** Token index range [first, last] in Tokenized.tokens. */
  first: number;
  last: number;
}

export interface Tokenized {
  tokens: Token[];
  tags: Tag[];
}

/** Emoji that read as a hand sign or a number; each becomes a token of its own. */
export const HAND_EMOJI = new Set([
  '\u261D', // ☝ index pointing up
  '\u270C', // ✌ victory
  '\u{1F44C}', // 👌 OK
  '\u{1F44D}', // 👍 thumbs up
  '\u{1F446}', // 👆 backhand index up
  '\u{1F590}', // 🖐 hand with fingers splayed
  '\u270B', // ✋ raised hand
  '\u{1F918}', // 🤘 horns
  '\u{1F919}', // 🤙 call me
  '\u{1F91F}', // 🤟 love-you
  '\u{1FAF0}', // 🫰 finger heart
  '\u{1F44A}', // 👊 fist (allowed pose; kept as a token so rules can see it, none fires on it)
  '\u270A', // ✊ raised fist
]);

const LEET: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '6': 'g', '7': 't', '8': 'b', '9': 'g' };

const KEYCAP = 0x20e3;

function isInvisible(cp: number): boolean {
  return (
    (cp >= 0x200b && cp <= 0x200f) || // zero-width space/joiners, LRM/RLM
    (cp >= 0x202a && cp <= 0x202e) || // bidi embeddings
    (cp >= 0x2060 && cp <= 0x2064) || // word joiner, invisible operators
    (cp >= 0x2066 && cp <= 0x2069) || // bidi isolates
    cp === 0xfeff ||
    cp === 0x00ad || // soft hyphen
    cp === 0x034f || // combining grapheme joiner
    (cp >= 0xfe00 && cp <= 0xfe0f) || // variation selectors
    (cp >= 0x1f3fb && cp <= 0x1f3ff) || // skin tones
    (cp >= 0xe0100 && cp <= 0xe01ef) ||
    (cp >= 0xe0020 && cp <= 0xe007f) // tag characters
  );
}

const MARK = /\p{M}/gu;
const ALNUM = /^[\p{L}\p{N}]$/u;
const UPPER = /^\p{Lu}$/u;

/** Fold one code point to its base lower-case letters/digits ('' if none). */
const foldCache = new Map<string, string>();
function fold(ch: string): string {
  const hit = foldCache.get(ch);
  if (hit !== undefined) return hit;
  let out = ch.normalize('NFKD').replace(MARK, '').toLowerCase();
  // keep only letters and digits; NFKD may expand (e.g. "ﬁ" → "fi", "①" → "1")
  let kept = '';
  for (const c of out) if (ALNUM.test(c)) kept += c;
  out = kept;
  if (foldCache.size < 4096) foldCache.set(ch, out);
  return out;
}

const ASCII = Array.from({ length: 128 }, (_, k) => String.fromCharCode(k));

interface RawChar {
  c: string; // folded single char (a-z, 0-9, or other letter)
  upper: boolean; // original was upper case (for camelCase splitting)
  start: number;
  end: number;
}

interface RawToken {
  /** Empty for a plain run (see `plain`). */
  chars: RawChar[];
  /**
   * A run of two or more ASCII letters or digits, not both, no letter repeated, outside a tag: every
   * step after the scan leaves it as it is, so it is kept as its lower-cased text, without a record per char.
   */
  plain?: { text: string; start: number; end: number; upper: boolean };
  kind: TokenKind;
  sigil?: '#' | '@';
  /** separator text between previous token and this one */
  gapBefore: string;
}

function isDigit(c: string): boolean {
  return c >= '0' && c <= '9';
}
function isLetter(c: string): boolean {
  return !isDigit(c);
}

/** Split the original text into raw alnum runs, emoji tokens and keycap numbers. */
function scan(text: string): RawToken[] {
  const out: RawToken[] = [];
  let cur: RawToken | null = null;
  let gap = '';
  let pendingSigil: '#' | '@' | undefined;
  // the ASCII letters and digits that end `cur`, [runStart, i), not yet made into char records
  let runStart = -1;
  let runDigits = false;
  let runLetters = false;
  let runRepeat = false;
  let prevLower = -1;
  /** Make the pending ASCII run into char records (before anything else touches `cur`). */
  const materialize = (end: number) => {
    if (runStart < 0) return;
    for (let k = runStart; k < end; k++) {
      const c = text.charCodeAt(k);
      const lower = c >= 65 && c <= 90 ? c + 32 : c;
      cur!.chars.push({ c: ASCII[lower]!, upper: lower !== c, start: k, end: k + 1 });
    }
    runStart = -1;
  };
  const flush = (end: number) => {
    if (cur && runStart >= 0) {
      if (!cur.chars.length && !cur.sigil && end - runStart >= 2 && !(runDigits && runLetters) && !runRepeat) {
        const c = text.charCodeAt(runStart);
        cur.plain = { text: text.slice(runStart, end).toLowerCase(), start: runStart, end, upper: c >= 65 && c <= 90 };
        runStart = -1;
      } else materialize(end);
    }
    if (cur && (cur.chars.length || cur.plain)) out.push(cur);
    cur = null;
  };
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c0 = text.charCodeAt(i);
    // ASCII fast path (most of any post): letters, digits and separators, no allocation but the char record
    if (c0 < 0x80 && !(c0 >= 0x30 && c0 <= 0x39 && (text.charCodeAt(i + 1) === KEYCAP || text.charCodeAt(i + 2) === KEYCAP))) {
      const lower = c0 >= 65 && c0 <= 90 ? c0 + 32 : c0;
      if ((lower >= 97 && lower <= 122) || (c0 >= 48 && c0 <= 57)) {
        if (!cur) {
          cur = { chars: [], kind: 'word', gapBefore: gap, sigil: pendingSigil };
          gap = '';
          pendingSigil = undefined;
        }
        if (runStart < 0) {
          runStart = i;
          runDigits = runLetters = runRepeat = false;
          prevLower = -1;
        }
        if (c0 <= 57) runDigits = true;
        else {
          runLetters = true;
          if (lower === prevLower) runRepeat = true;
        }
        prevLower = lower;
      } else {
        flush(i);
        if (c0 === 35 || c0 === 64) pendingSigil = c0 === 35 ? '#' : '@';
        else {
          pendingSigil = undefined;
          gap += ASCII[c0]!;
        }
      }
      i++;
      continue;
    }
    // past ASCII (or a keycap) the run's chars are records again: what follows may join or extend them
    materialize(i);
    const cp = text.codePointAt(i)!;
    const len = cp > 0xffff ? 2 : 1;
    const ch = text.slice(i, i + len);
    // keycap: digit (or #,*) + optional FE0F + U+20E3
    if (cp >= 0x30 && cp <= 0x39) {
      let j = i + 1;
      if (text.charCodeAt(j) === 0xfe0f) j++;
      if (text.charCodeAt(j) === KEYCAP) {
        flush(i);
        out.push({ chars: [{ c: ch + '\u20E3', upper: false, start: i, end: j + 1 }], kind: 'number', gapBefore: gap });
        gap = '';
        pendingSigil = undefined;
        i = j + 1;
        continue;
      }
    }
    if (isInvisible(cp)) {
      // invisible: neither a char nor a separator (so "co\u200Bblos" stays one word);
      // a variation selector or skin tone right after an emoji belongs to its span
      const last = cur === null ? out[out.length - 1] : undefined;
      if (last && last.kind === 'emoji' && last.chars[0]!.end === i) last.chars[0]!.end = i + len;
      i += len;
      continue;
    }
    if (cp >= 0x261d && HAND_EMOJI.has(ch)) {
      flush(i);
      out.push({ chars: [{ c: ch, upper: false, start: i, end: i + len }], kind: 'emoji', gapBefore: gap });
      gap = '';
      pendingSigil = undefined;
      i += len;
      continue;
    }
    const f = /[\p{L}\p{N}\p{M}]/u.test(ch) ? fold(ch) : '';
    if (f.length > 0) {
      if (!cur) {
        cur = { chars: [], kind: 'word', gapBefore: gap, sigil: pendingSigil };
        gap = '';
        pendingSigil = undefined;
      }
      const upper = UPPER.test(ch);
      for (const c of f) cur.chars.push({ c, upper, start: i, end: i + len });
      i += len;
      continue;
    }
    if (/\p{M}/u.test(ch)) {
      // combining mark after a base: fold it into the previous char's span
      const last = cur?.chars[cur.chars.length - 1];
      if (last) last.end = i + len;
      i += len;
      continue;
    }
    // separator
    flush(i);
    if (ch === '#' || ch === '@') {
      pendingSigil = ch;
    } else {
      pendingSigil = undefined;
      gap += ch;
    }
    i += len;
  }
  flush(i);
  return out;
}

/** Join runs of ≥3 single letters separated by short spacing ("c o b l o s", "p.i.l.i.h"). */
function joinSpacedLetters(raw: RawToken[]): RawToken[] {
  const out: RawToken[] = [];
  let i = 0;
  const single = (t: RawToken | undefined) => !!t && t.kind === 'word' && !t.sigil && t.chars.length === 1 && isLetter(t.chars[0]!.c);
  const shortGap = (t: RawToken) => t.gapBefore.length <= 2 && !/\n/.test(t.gapBefore);
  while (i < raw.length) {
    const t = raw[i]!;
    if (single(t)) {
      let j = i + 1;
      while (j < raw.length && single(raw[j]) && shortGap(raw[j]!)) j++;
      if (j - i >= 3) {
        const chars = raw.slice(i, j).flatMap((r) => r.chars);
        out.push({ chars, kind: 'word', gapBefore: t.gapBefore });
        i = j;
        continue;
      }
    }
    out.push(t);
    i++;
  }
  return out;
}

/** Digits between letters are letters in disguise: c0bl0s, pil1h. */
function unLeet(chars: RawChar[]): RawChar[] {
  let digits = false;
  let letters = false;
  for (const c of chars) {
    if (isDigit(c.c)) digits = true;
    else letters = true;
  }
  if (!digits || !letters) return chars;
  const out = chars.map((c) => ({ ...c }));
  for (let k = 0; k < out.length; k++) {
    if (!isDigit(out[k]!.c)) continue;
    // find the digit run
    let e = k;
    while (e + 1 < out.length && isDigit(out[e + 1]!.c)) e++;
    const before = k > 0 && isLetter(out[k - 1]!.c);
    const after = e + 1 < out.length && isLetter(out[e + 1]!.c);
    const leetable = out.slice(k, e + 1).every((c) => c.c in LEET);
    if (before && after && e - k < 2 && leetable) {
      for (let m = k; m <= e; m++) out[m]!.c = LEET[out[m]!.c] ?? out[m]!.c;
    }
    k = e;
  }
  return out;
}

/**
 * A run that unLeet, collapse and splitPieces (outside a tag) would all leave as it is: not letters and
 * digits mixed, and no letter repeated.
 */
function plainRun(chars: RawChar[]): boolean {
  let digits = false;
  let letters = false;
  for (let k = 0; k < chars.length; k++) {
    const c = chars[k]!.c;
    if (isDigit(c)) digits = true;
    else {
      letters = true;
      if (k > 0 && chars[k - 1]!.c === c) return false;
    }
  }
  return !(digits && letters);
}

/** Collapse repeated letters (not digits): "pilihhh" → "pilih", "sayaaa" → "saya". */
function collapse(chars: RawChar[]): RawChar[] {
  // most words repeat no letter: they are kept as they are, without a copy of every char
  let k = 1;
  while (k < chars.length && !(chars[k]!.c === chars[k - 1]!.c && isLetter(chars[k]!.c))) k++;
  if (k >= chars.length) return chars;
  const out: RawChar[] = [];
  for (const c of chars) {
    const prev = out[out.length - 1];
    if (prev && prev.c === c.c && isLetter(c.c)) {
      prev.end = c.end;
      continue;
    }
    out.push({ ...c });
  }
  return out;
}

/** Split into letter runs and digit runs; inside a hashtag/handle also at lower→Upper case changes. */
function splitPieces(chars: RawChar[], camel: boolean): RawChar[][] {
  const pieces: RawChar[][] = [];
  let cur: RawChar[] = [];
  for (let k = 0; k < chars.length; k++) {
    const c = chars[k]!;
    const prev = chars[k - 1];
    if (prev) {
      const boundary =
        isDigit(prev.c) !== isDigit(c.c) ||
        (camel && c.upper && !prev.upper && isLetter(prev.c)) ||
        // "AMINAjaDulu": an upper-case run followed by Upper+lower starts a new word at the last upper
        (camel && c.upper && prev.upper && chars[k + 1] !== undefined && !chars[k + 1]!.upper && isLetter(chars[k + 1]!.c) && k >= 2 && chars[k - 2]!.upper);
      if (boundary) {
        pieces.push(cur);
        cur = [];
      }
    }
    cur.push(c);
  }
  if (cur.length) pieces.push(cur);
  return pieces;
}

/** Split a glued lower-case run into known words (full coverage, fewest pieces), or null. */
export function segment(s: string, vocabulary: ReadonlySet<string>, maxWord = 24): string[] | null {
  const n = s.length;
  if (n === 0 || n > 256) return null;
  const best: (number | undefined)[] = new Array(n + 1);
  const prev: number[] = new Array(n + 1).fill(-1);
  best[0] = 0;
  for (let e = 1; e <= n; e++) {
    for (let b = Math.max(0, e - maxWord); b < e; b++) {
      const pb = best[b];
      if (pb === undefined) continue;
      if (!vocabulary.has(s.slice(b, e))) continue;
      if (best[e] === undefined || pb + 1 < best[e]!) {
        best[e] = pb + 1;
        prev[e] = b;
      }
    }
  }
  if (best[n] === undefined) return null;
  const parts: string[] = [];
  for (let e = n; e > 0; e = prev[e]!) parts.push(s.slice(prev[e]!, e));
  return parts.reverse();
}

const collapseLetters = (s: string) => s.replace(/(\p{L})\1+/gu, '$1');
/** Online spellings folded to one form, keyed by their normalized spelling. */
const SLANG_MAP = new Map(Object.entries(SLANG).map(([k, v]) => [collapseLetters(k), collapseLetters(v)]));

function toToken(chars: RawChar[], tag?: number): Token {
  let text = '';
  for (let k = 0; k < chars.length; k++) text += chars[k]!.c;
  return tokenOf(text, chars[0]!.start, chars[chars.length - 1]!.end, tag);
}

/** The token of a run's folded text: a number without leading zeros, or a word with its slang folded. */
function tokenOf(folded: string, start: number, end: number, tag?: number): Token {
  const digits = isDigit(folded[0]!);
  const text = digits ? folded.replace(/^0+(?=\d)/, '') : (SLANG_MAP.get(folded) ?? folded);
  return { text, kind: digits ? 'number' : 'word', start, end, tag };
}

export interface TokenizeOptions {
  /** Known words, already normalized, used to split lower-case glued hashtags. */
  vocabulary?: ReadonlySet<string>;
}

const SENTENCE_END = /[.!?;]/;

/** Whether a sentence starts after this gap: a line break, or an end mark before a capital. */
const breaksBefore = (gap: string, upper: boolean) => gap !== '' && (gap.includes('\n') || (upper && SENTENCE_END.test(gap)));

export function tokenize(text: string, opts: TokenizeOptions = {}): Tokenized {
  const raw = joinSpacedLetters(scan(text));
  const tokens: Token[] = [];
  const tags: Tag[] = [];
  for (const r of raw) {
    const p = r.plain;
    if (p) {
      tokens.push(tokenOf(p.text, p.start, p.end));
      if (breaksBefore(r.gapBefore, p.upper)) tokens[tokens.length - 1]!.brk = true;
      continue;
    }
    const brk = breaksBefore(r.gapBefore, r.chars[0]!.upper);
    const firstOfRaw = tokens.length;
    if (r.kind !== 'word') {
      const c = r.chars[0]!;
      tokens.push({ text: c.c, kind: r.kind, start: c.start, end: c.end });
      if (brk) tokens[firstOfRaw]!.brk = true;
      continue;
    }
    const isTag = r.sigil !== undefined;
    if (!isTag && plainRun(r.chars)) {
      // most words: nothing to un-leet, collapse or split, so the run is the token as it stands
      tokens.push(toToken(r.chars));
      if (brk) tokens[firstOfRaw]!.brk = true;
      continue;
    }
    const chars = collapse(unLeet(r.chars));
    const tagIndex = isTag ? tags.length : undefined;
    const first = tokens.length;
    for (const piece of splitPieces(chars, isTag)) {
      if (isTag && opts.vocabulary && isLetter(piece[0]!.c)) {
        const s = piece.map((c) => c.c).join('');
        const parts = s.length > 3 && !opts.vocabulary.has(s) ? segment(s, opts.vocabulary) : null;
        if (parts && parts.length > 1) {
          let k = 0;
          for (const p of parts) {
            tokens.push(toToken(piece.slice(k, k + p.length), tagIndex));
            k += p.length;
          }
          continue;
        }
      }
      tokens.push(toToken(piece, tagIndex));
    }
    if (brk && tokens[firstOfRaw]) tokens[firstOfRaw]!.brk = true;
    if (isTag) {
      tags.push({
        sigil: r.sigil!,
        glued: tokens.slice(first).map((t) => t.text).join(''),
        start: r.chars[0]!.start - 1,
        end: r.chars[r.chars.length - 1]!.end,
        first,
        last: tokens.length - 1,
      });
    }
  }
  return { tokens, tags };
}

const phraseCache = new Map<string, readonly string[]>();
/** Lower-case ASCII words, single spaces, no single letters: normalized as they stand. */
const PLAIN_PHRASE = /^[a-z]{2,}(?: [a-z]{2,})*$/;
/** Forget memoized phrases (benchmarks measure a cold compile with it). */
export function clearPhraseCache(): void {
  phraseCache.clear();
}

/** Normalize a pattern word or phrase into token texts, exactly as the text side is. (Memoized: packs repeat names.) */
export function normalizePhrase(s: string): string[] {
  let hit = phraseCache.get(s);
  if (!hit) {
    // plain lower-case words (most lexicon entries and names) need no tokenizer: same result, faster
    hit = Object.freeze(
      PLAIN_PHRASE.test(s) && !/([a-z])\1/.test(s)
        ? s.split(' ').map((w) => SLANG_MAP.get(w) ?? w)
        : tokenize(s).tokens.map((t) => t.text),
    );
    if (phraseCache.size >= 100_000) phraseCache.clear();
    phraseCache.set(s, hit);
  }
  return hit as string[];
}

/** Normalize a hashtag or handle (with or without its sigil) into its glued form. */
export function normalizeTag(s: string): string {
  return normalizePhrase('#' + s.replace(/^[#@]/, '')).join('');
}
