/**
 * Contestants' names as the text engine breaks them: letters of a large name on a busy picture come
 * apart into fragments ("GI BRAN", "PRA BOWO") or one letter is misread ("PRABOVVO", "MUHAlMlN"), and
 * the rule engine, which matches whole words, then sees no contestant at all. Before the reading is
 * judged, fragments side by side on one line whose letters spell a name of the packs are joined into
 * that name, and a word one letter away from a long name (seven letters or more) is read as it when
 * the text engine itself was unsure of it. Tickets are printed as pairs of names ("PRABOWO GIBRAN"),
 * so a scrap of four letters or more found inside a long name ("RABO"), read unsure, is read as that
 * name when it stands beside a name of the same contestant, on its line or the next (not a clean
 * "main" beside "Anies"). The reading as read is kept for the warning; a mended
 * name is said to be mended. Pure: words in, words out.
 *
 * Only names: the packs' campaign words are short and common ("pilih", "dukung"), and mending towards
 * them would turn texture and everyday words into calls. A name spelled by chance from fragments of
 * an everyday photo is rare enough, and the engine still needs a call or a frame beside it to warn.
 */
import type { RulePack } from '../rules/types';
import type { TextRead } from './types';

/** Letters a name needs to be mended towards at all (shorter names are too easily spelled by chance). */
export const MIN_NAME_LETTERS = 5;
/** Letters a name needs before one misread letter is forgiven. */
export const MIN_FUZZY_LETTERS = 7;
/** The text engine's confidence under which a word may be one letter off (clean print reads at 90 and more). */
export const UNSURE_CONF = 90;
/** Fragments joined at most. */
const MAX_FRAGMENTS = 3;
/** Letters a scrap of a long name needs to be read as it beside its running mate. */
const MIN_SCRAP_LETTERS = 4;

const lettersOf = (s: string) => s.toLowerCase().replace(/[^\p{L}]/gu, '');

/** The single words of the packs' contestant names, and whose they are. */
export interface NameWords {
  /** Letters only, lower case ("anies", "baswedan", "prabowo"). */
  words: ReadonlySet<string>;
  /** The contestants (pack entity ids) each word names. */
  owners: ReadonlyMap<string, readonly string[]>;
}

const cache = new WeakMap<readonly RulePack[], NameWords>();

export function nameWords(packs: readonly RulePack[]): NameWords {
  let found = cache.get(packs);
  if (found) return found;
  const owners = new Map<string, string[]>();
  for (const pack of packs)
    for (const entity of pack.entities ?? [])
      for (const name of entity.names ?? [])
        for (const w of name.split(/[\s\-–—]+/)) {
          const l = lettersOf(w);
          if (l.length < MIN_NAME_LETTERS) continue;
          const list = owners.get(l) ?? [];
          if (!list.includes(entity.id)) list.push(entity.id);
          owners.set(l, list);
        }
  cache.set(packs, (found = { words: new Set(owners.keys()), owners }));
  return found;
}

/** Whether two strings are at most one edit (insert, delete, substitute) apart. */
export function withinOneEdit(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1);
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

type Word = TextRead['words'][number];

/** Whether word b follows word a on the same line, close enough to be the rest of one word. */
function sameLine(a: Word, b: Word): boolean {
  const [ax, ay, aw, ah] = a.box;
  const [bx, by, , bh] = b.box;
  const h = Math.min(ah, bh);
  return Math.abs(ay + ah / 2 - (by + bh / 2)) < h * 0.6 && bx - (ax + aw) < h * 1.2 && bx >= ax;
}

/** Whether two words are neighbours: b after a on one line, or either on the line just below the other, overlapping it. */
function near(a: Word, b: Word): boolean {
  if (sameLine(a, b)) return true;
  const [upper, lower] = a.box[1] <= b.box[1] ? [a, b] : [b, a];
  const gap = lower.box[1] - (upper.box[1] + upper.box[3]);
  const overlap = Math.min(a.box[0] + a.box[2], b.box[0] + b.box[2]) - Math.max(a.box[0], b.box[0]);
  return gap <= 1.5 * Math.min(a.box[3], b.box[3]) && overlap > 0;
}

/** The name the letters spell: exactly, or one letter off when the name is long and the reader was unsure. */
function nameFor(letters: string, unsure: boolean, names: ReadonlySet<string>): string | null {
  if (names.has(letters)) return letters;
  if (!unsure || letters.length < MIN_FUZZY_LETTERS - 1) return null;
  for (const n of names) if (n.length >= MIN_FUZZY_LETTERS && withinOneEdit(letters, n)) return n;
  return null;
}

export interface MendedName {
  /** The words as read ("GI BRAN"). */
  read: string;
  /** The name they were read as ("GIBRAN"). */
  name: string;
  /** Which word of the mended reading it is. */
  at: number;
}

/**
 * The reading with broken names mended, and what was mended. Words that already are a name, or
 * already read clean, are left as they are; a mended word takes the place and box of its fragments,
 * in their case (upper-case fragments give an upper-case name).
 */
export function mendNames(read: TextRead, index: NameWords): { read: TextRead; mended: MendedName[] } {
  const names = index.words;
  const src = read.words;
  const words: Word[] = [];
  const mended: MendedName[] = [];
  for (let i = 0; i < src.length; ) {
    let took = 0;
    for (let n = Math.min(MAX_FRAGMENTS, src.length - i); n >= 1 && !took; n--) {
      const run = src.slice(i, i + n);
      if (n > 1 && !run.every((w, k) => k === 0 || sameLine(run[k - 1]!, w))) continue;
      const letters = lettersOf(run.map((w) => w.text).join(''));
      if (n === 1 && names.has(letters)) break;
      const name = nameFor(letters, run.some((w) => w.conf < UNSURE_CONF) || n > 1, names);
      if (!name || (n === 1 && name === letters)) continue;
      // fragments that are each a word of their own ("PAK" "ANIES") are not one broken word
      if (n > 1 && run.some((w) => names.has(lettersOf(w.text)))) continue;
      const text = run.every((w) => w.text === w.text.toUpperCase()) ? name.toUpperCase() : name;
      const x0 = Math.min(...run.map((w) => w.box[0]));
      const y0 = Math.min(...run.map((w) => w.box[1]));
      const x1 = Math.max(...run.map((w) => w.box[0] + w.box[2]));
      const y1 = Math.max(...run.map((w) => w.box[1] + w.box[3]));
      words.push({ text, box: [x0, y0, x1 - x0, y1 - y0], conf: Math.min(...run.map((w) => w.conf)), start: 0, end: 0 });
      mended.push({ read: run.map((w) => w.text).join(' '), name: text, at: words.length - 1 });
      took = n;
    }
    if (!took) {
      words.push({ ...src[i]! });
      took = 1;
    }
    i += took;
  }
  // a scrap of a long name beside a name of the same contestant ("RABO GIBRAN")
  for (let i = 0; i < words.length; i++) {
    const scrap = lettersOf(words[i]!.text);
    if (scrap.length < MIN_SCRAP_LETTERS || names.has(scrap) || words[i]!.conf >= UNSURE_CONF) continue;
    const mates = [words[i - 1], words[i + 1]].filter((m): m is Word => !!m && (m === words[i - 1] ? near(m, words[i]!) : near(words[i]!, m)));
    const owners = new Set(mates.flatMap((m) => index.owners.get(lettersOf(m.text)) ?? []));
    if (!owners.size) continue;
    let name: string | undefined;
    for (const [n, who] of index.owners)
      if (n.length >= MIN_FUZZY_LETTERS && n.includes(scrap) && who.some((o) => owners.has(o))) {
        name = n;
        break;
      }
    if (!name) continue;
    const text = words[i]!.text === words[i]!.text.toUpperCase() ? name.toUpperCase() : name;
    mended.push({ read: words[i]!.text, name: text, at: i });
    words[i] = { ...words[i]!, text };
  }
  if (!mended.length) return { read, mended };
  let text = '';
  for (const w of words) {
    if (text) text += ' ';
    w.start = text.length;
    text += w.text;
    w.end = text.length;
  }
  return { read: { text, words }, mended };
}
