/**
 * Indonesian affixes, undone just enough to find a known word: mendukung, dukungan, didukung,
 * dukunglah → dukung; memenangkan, menangkan → menang(kan); dicoblos, coblosan, mencoblos → coblos;
 * memilih → pilih (nasal assimilation restored). The engine keeps a candidate only if a pack uses
 * that word, so this never invents roots; names are never stemmed ("ganjaran" is not Ganjar).
 */

const PARTICLES = ['lah', 'kah', 'nya', 'pun', 'tah'];
/**
 * The shortest root an affixed word is reduced to. Three-letter words the packs use are mostly
 * particles, abbreviations and units ("sih", "lah", "dan", "jam", "mas", "des", "pak"), and reducing to
 * them reads "bersih" as "sih", "kemarin" as "mar" (March), "medan" as "dan", "dijamin" as "jam".
 */
const MIN_ROOT = 4;
const SUFFIXES = ['kan', 'an', 'i', 'in', 'nya'];

/** Prefix forms with the root-initial letters their nasal may have replaced. */
const PREFIXES: [string, string[]][] = [
  ['meny', ['s', 'c']],
  ['meng', ['k', '']],
  ['mem', ['p', '']],
  ['men', ['t', '']],
  ['me', ['']],
  ['peny', ['s']],
  ['peng', ['k', '']],
  ['pem', ['p', '']],
  ['pen', ['t', '']],
  ['pe', ['']],
  ['di', ['']],
  ['ter', ['']],
  ['ber', ['']],
  ['be', ['']],
  ['ke', ['']],
  ['se', ['']],
  ['nge', ['']],
  ['ny', ['s', 'c']],
  ['ng', ['k', '']],
];

function strippedSuffixes(w: string): string[] {
  const out = [w];
  for (const p of PARTICLES) if (w.endsWith(p) && w.length - p.length >= 3) out.push(w.slice(0, -p.length));
  for (const base of [...out]) for (const s of SUFFIXES) if (base.endsWith(s) && base.length - s.length >= 3) out.push(base.slice(0, -s.length));
  return out;
}

/** Candidate roots of a word, most conservative first (suffix only, then prefix, then both). */
export function* stemCandidates(word: string): Generator<string> {
  const seen = new Set<string>([word]);
  const emit = function* (c: string) {
    if (c.length >= MIN_ROOT && !seen.has(c)) {
      seen.add(c);
      yield c;
    }
  };
  const bases = strippedSuffixes(word);
  for (const b of bases.slice(1)) yield* emit(b);
  for (const b of bases) {
    for (const [pre, restore] of PREFIXES) {
      if (!b.startsWith(pre) || b.length - pre.length < 3) continue;
      const rest = b.slice(pre.length);
      for (const r of restore) {
        yield* emit(r + rest);
        // a second prefix: memenangkan = me + menang + kan, diperjuangkan = di + per + juang + kan
        for (const [pre2] of PREFIXES) if ((r + rest).startsWith(pre2) && pre2 !== pre) yield* emit((r + rest).slice(pre2.length));
      }
    }
  }
}
