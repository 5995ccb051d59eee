/**
 * Quoted stretches of a post: what it reports others saying or writing ("…", “…”, „…“, «…», and
 * '…' set off by spaces or punctuation, so that an apostrophe inside a word opens nothing). A quote
 * left open at the end of the post quotes nothing: it may be an inch mark or a stray key.
 */
const PAIRS: Record<string, string> = { '"': '"', '“': '”', '„': '“”', '«': '»', '”': '”' };

/** Character ranges [start, end) of the quoted stretches, quote marks included, in text order. */
export function quotedRanges(text: string): [number, number][] {
  const out: [number, number][] = [];
  // a text of unmatched quote marks would be scanned 400 characters per mark: the scans share a
  // budget linear in the text, and what is past it is read as unquoted
  let budget = 4 * text.length + 400;
  for (let i = 0; i < text.length && budget > 0; i++) {
    const c = text[i]!;
    const close = PAIRS[c] ?? (c === "'" && (i === 0 || /[\s(:[]/.test(text[i - 1]!)) ? "'" : undefined);
    if (!close) continue;
    for (let j = i + 1; j < text.length && j - i <= 400 && budget-- > 0; j++) {
      const d = text[j]!;
      if (close.includes(d) && (d !== "'" || j + 1 === text.length || /[\s.,!?:;)\]…]/.test(text[j + 1]!))) {
        out.push([i, j + 1]);
        i = j;
        break;
      }
      // a paragraph break ends what one quote can hold
      if (d === '\n' && text[j + 1] === '\n') break;
    }
  }
  return out;
}

/**
 * The first range (of quotedRanges': disjoint, in text order) that ends after `start`, or undefined:
 * found by halving, since a long text holds many quotes and each context match and finding asks.
 */
function firstEndingAfter(ranges: [number, number][], start: number): [number, number] | undefined {
  let lo = 0;
  let hi = ranges.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ranges[mid]![1] <= start) lo = mid + 1;
    else hi = mid;
  }
  return ranges[lo];
}

/** Is [start, end) inside one of the ranges? */
export function insideQuote(ranges: [number, number][], start: number, end: number): boolean {
  const r = firstEndingAfter(ranges, start);
  return !!r && start >= r[0] && end <= r[1];
}

/** Does [start, end) reach into one of the ranges? */
export function touchesQuote(ranges: [number, number][], start: number, end: number): boolean {
  const r = firstEndingAfter(ranges, start);
  return !!r && end > r[0];
}
