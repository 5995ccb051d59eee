/**
 * Light lettering on a busy picture: meme text (white or yellow letters in a thick black outline)
 * and light letters on a sticker. Tesseract binarizes a photo by its grey levels as a whole, and
 * such letters then come apart: the outline and the picture's dark patches fall on one side, the
 * fill and the picture's light patches on the other, so a letter reads hollow or merged with the
 * texture. The key picture keeps only what is light (luma at or above KEY_LUMA) as solid black on
 * white: the fill becomes a solid letter, the outline and nearly all of a busy picture become
 * blank page. It is read beside the photo itself and the two readings are merged, word by word
 * (mergeReadings): dark print on a light page survives too (Tesseract reads it inverted), but it
 * is read best from the photo. Where the photo's own reading is clean (cleanReading: every mark a
 * confident word, as a poster's print reads) the key is not read at all. Pure: pixels in, pixels out.
 */
import { plausible, type OcrWord } from './text';

/**
 * Luma a pixel needs to count as lettering in the key picture. White and the yellows of meme
 * text and stickers (#ffeb3b: 221) are above it; a busy picture's mid tones are below it, and the
 * pale ones left above are scraps too small for a letter.
 */
export const KEY_LUMA = 200;

/**
 * The key picture of RGBA pixels, one grey byte per pixel: light pixels black (0), every other one
 * white (255). The pixels are left as they are: the photo is read from them too.
 */
export function lightKeyGrey(rgba: Uint8ClampedArray | Uint8Array, threshold = KEY_LUMA): Uint8Array {
  const t = threshold * 1000;
  const out = new Uint8Array(rgba.length >> 2);
  for (let i = 0, o = 0; i < rgba.length; i += 4, o++) out[o] = luma1000(rgba, i) >= t ? 0 : 255;
  return out;
}

/** Luma × 1000 of the pixel at byte `i`, integers (Rec. 601 weights). */
function luma1000(rgba: Uint8ClampedArray | Uint8Array, i: number): number {
  return rgba[i]! * 299 + rgba[i + 1]! * 587 + rgba[i + 2]! * 114;
}

/**
 * A word only the key picture shows needs this confidence to be added: the pale scraps of a busy
 * picture read as lone letters and digits in the 50s to 80s.
 */
export const KEY_ONLY_CONF = 80;

/** What a reading of some words is worth: letters and digits read, weighted by confidence. */
function worth(words: readonly OcrWord[]): number {
  return words.reduce((s, w) => s + w.text.replace(/[^\p{L}\p{N}#@]/gu, '').length * (w.conf / 100), 0);
}

/** Whether two boxes cover the same place: their overlap is at least half of the smaller one. */
function samePlace(a: OcrWord, b: OcrWord): boolean {
  const [ax, ay, aw, ah] = a.box;
  const [bx, by, bw, bh] = b.box;
  const w = Math.min(ax + aw, bx + bw) - Math.max(ax, bx);
  const h = Math.min(ay + ah, by + bh) - Math.max(ay, by);
  return w > 0 && h > 0 && w * h >= 0.5 * Math.min(aw * ah, bw * bh);
}

/**
 * The words of two readings of the same picture (same pixels): the photo's (`first`) and the key
 * picture's (`key`). Only plausible words count. A key word where the first reading has none is
 * added when confident (KEY_ONLY_CONF); where it covers words of the first reading, the reading
 * worth more there wins ("MENANGKAN" over "M NGKA", "PILIH" over "PILI"; "Hari Ra" over "tHa").
 * Order: the first reading's words, then the added ones (layoutText puts them in reading order).
 */
export function mergeReadings(first: readonly OcrWord[], key: readonly OcrWord[]): OcrWord[] {
  const out: (OcrWord | null)[] = first.filter(plausible);
  const added: OcrWord[] = [];
  for (const k of key) {
    if (!plausible(k)) continue;
    const under = out.flatMap((w, i) => (w && samePlace(w, k) ? [i] : []));
    if (!under.length) {
      if (k.conf >= KEY_ONLY_CONF && !added.some((a) => samePlace(a, k))) added.push(k);
      continue;
    }
    if (worth([k]) > worth(under.map((i) => out[i]!))) {
      for (const i of under) out[i] = null;
      added.push(k);
    }
  }
  return [...out.filter((w): w is OcrWord => w !== null), ...added];
}

/**
 * Confidence every word of the photo's own reading needs for the key picture to be left unread.
 * Light lettering the photo's reading meets at all comes out as broken scraps read under it (meme
 * letters in a black outline: "M NGKA" at 40–80); clean dark or coloured print reads at 90 and
 * more, all of it.
 */
export const CLEAN_CONF = 90;

/**
 * Whether a reading is clean enough that the key picture would add nothing: it holds words, and
 * every mark it read — scraps of texture and broken letters included — is a confident word.
 */
export function cleanReading(words: readonly OcrWord[]): boolean {
  const marks = words.filter((w) => /[\p{L}\p{N}]/u.test(w.text));
  return marks.length > 0 && marks.every((w) => w.conf >= CLEAN_CONF);
}
