/**
 * The bounded pattern syntax of rule packs. Patterns match sequences of normalized tokens;
 * there are no regular expressions, no repetition and no code.
 *
 *   coblos              a word (normalized like the text: "COBLOS", "c0bl0s" and "coblooos" all match)
 *   "partai buruh"      a word that normalizes to several tokens is a phrase (no quotes needed)
 *   (coblos|contreng)   one of several words or phrases (at most 64); an alternative may be a {class}
 *   {support-verb}      any entry of a lexicon class of a loaded pack
 *   {number}            built-in classes: see BUILTIN_CLASSES
 *   X?                  the item is optional
 *   ~2                  up to 2 arbitrary tokens (1–5; not first, not last)
 *
 * A pattern has at most 12 items and 300 characters.
 */

export const BUILTIN_CLASSES = {
  name: 'a strong name of any entity (ticket, candidate or party)',
  'name*': 'any name of any entity, including weak names',
  candidate: 'a strong name of a ticket or candidate',
  'candidate*': 'any name of a ticket or candidate, including weak names',
  party: 'a strong name of a party',
  'party*': 'any name of a party, including weak names',
  number: 'a ballot number of any entity, as digits, keycaps or number words',
  'ticket-number': 'a ballot number of a ticket or candidate',
  hashtag: 'a campaign hashtag of any entity (matched whole, case and glue ignored)',
  'name-tag': 'a hashtag made of entity names, with at most a year, a ballot number or a campaign word (#BudiSiti2029, #GanjarPresiden)',
  handle: "an @account of an entity (listed in its handles, or an @ made of one of its names)",
  slogan: 'a slogan or jargon of any entity',
  keycap: 'a keycap digit emoji (1️⃣ 2️⃣ 3️⃣ …)',
  finger: 'a hand-sign emoji that reads as a number or a salute (☝ ✌ 👌 👍 👆 🖐 ✋ 🤘 🤙 🤟 🫰)',
} as const;
export type BuiltinClass = keyof typeof BUILTIN_CLASSES;

export const PATTERN_LIMITS = { maxLength: 300, maxItems: 12, maxAlternatives: 64, maxGap: 5 } as const;

export type PatternItem =
  | { type: 'words'; alternatives: string[]; optional: boolean }
  | { type: 'class'; name: string; optional: boolean }
  | { type: 'gap'; max: number };

export class PatternError extends Error {
  constructor(
    message: string,
    readonly column: number,
  ) {
    super(message);
  }
}

const WORD_CHAR = /[^\s(){}|?~]/u;
/** An alternative that is a whole class: ({number}|{name*}). */
export const CLASS_ALT = /^\{([a-z0-9_*-]+)\}$/;

/** Parse a pattern string; throws PatternError with a column on bad syntax. */
export function parsePattern(src: string): PatternItem[] {
  if (typeof src !== 'string') throw new PatternError('pattern must be a string', 0);
  if (src.length > PATTERN_LIMITS.maxLength)
    throw new PatternError(`pattern is longer than ${PATTERN_LIMITS.maxLength} characters`, PATTERN_LIMITS.maxLength);
  const items: PatternItem[] = [];
  let i = 0;
  const n = src.length;
  const readWord = (): string => {
    const s = i;
    while (i < n && WORD_CHAR.test(src[i]!)) i++;
    return src.slice(s, i);
  };
  const optional = (): boolean => {
    if (src[i] === '?') {
      i++;
      return true;
    }
    return false;
  };
  while (i < n) {
    const c = src[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const col = i;
    if (c === '(') {
      i++;
      const alts: string[] = [];
      for (;;) {
        while (src[i] === ' ') i++;
        const s = i;
        while (i < n && src[i] !== '|' && src[i] !== ')' && !/[(?~]/.test(src[i]!)) i++;
        const w = src.slice(s, i).trim();
        if (!w) throw new PatternError('empty alternative in ( … )', i);
        if (/[{}]/.test(w) && !CLASS_ALT.test(w)) throw new PatternError(`'${w}': a class in ( … ) stands alone, as {name}`, s);
        alts.push(w);
        if (src[i] === '|') {
          i++;
          continue;
        }
        if (src[i] === ')') {
          i++;
          break;
        }
        throw new PatternError(i >= n ? 'missing ) to close (' : `unexpected '${src[i]}' inside ( … )`, i);
      }
      if (alts.length > PATTERN_LIMITS.maxAlternatives)
        throw new PatternError(`more than ${PATTERN_LIMITS.maxAlternatives} alternatives`, col);
      items.push({ type: 'words', alternatives: alts, optional: optional() });
    } else if (c === '{') {
      i++;
      const s = i;
      while (i < n && /[a-z0-9_*-]/.test(src[i]!)) i++;
      const name = src.slice(s, i);
      if (src[i] !== '}') throw new PatternError(i >= n ? 'missing } to close {' : `unexpected '${src[i]}' in a class name`, i);
      if (!name) throw new PatternError('empty class name {}', col);
      i++;
      items.push({ type: 'class', name, optional: optional() });
    } else if (c === '~') {
      i++;
      const d = src[i];
      if (!d || !/[1-9]/.test(d)) throw new PatternError('~ must be followed by a number of tokens (1–5)', i);
      const max = Number(d);
      if (max > PATTERN_LIMITS.maxGap) throw new PatternError(`a gap may skip at most ${PATTERN_LIMITS.maxGap} tokens`, i);
      i++;
      items.push({ type: 'gap', max });
    } else if (c === ')' || c === '}' || c === '|' || c === '?') {
      throw new PatternError(`unexpected '${c}'`, i);
    } else {
      const w = readWord();
      items.push({ type: 'words', alternatives: [w], optional: optional() });
    }
    if (items.length > PATTERN_LIMITS.maxItems) throw new PatternError(`more than ${PATTERN_LIMITS.maxItems} items`, col);
  }
  if (items.length === 0) throw new PatternError('empty pattern', 0);
  if (items[0]!.type === 'gap') throw new PatternError('a pattern cannot start with a gap', 0);
  if (items[items.length - 1]!.type === 'gap') throw new PatternError('a pattern cannot end with a gap', n - 1);
  if (!items.some((it) => it.type !== 'gap' && !it.optional))
    throw new PatternError('a pattern needs at least one item that is not optional', 0);
  return items;
}
