/**
 * One photo, every check the engine process makes: the hands (vision/runner.ts) and the text
 * (vision/ocr.ts), run side by side — the text engine has its own worker thread, so on two cores
 * the photo costs the slower of the two, not their sum. Text is read only from an image that
 * passed the header check, at TEXT_SIDE, and its word boxes are scaled to the pixels the hands
 * were looked for in, so both kinds of boxes are in the same pixels. A failing text engine never loses the hand result: the photo is then
 * reported with its hands and without text.
 */
import { triage } from '../lib/vision/sniff';
import { layoutText, looksLikeText } from '../lib/vision/text';
import type { Box, ImageAnalysis } from '../lib/vision/types';
import type { HandRunner } from './runner';
import type { TextReadResult, TextRunner } from './ocr';
import { fingerprintBytes } from './fingerprint';

/**
 * Longest side the text is read at. Poster, banner and meme lettering stays well above the
 * 20 px Tesseract wants; at 1280 px reading took three times as long and read no more words on
 * the labelled set (tests/vision/text). Small print in a screenshot of a long post is lost.
 */
export const TEXT_SIDE = 720;

/**
 * Side of the glance: the photo is first read at this size, and read in full (TEXT_SIDE) only
 * when the glance shows a word (looksLikeText). Most photos hold no text, and on a busy one
 * Tesseract spends its time reading texture as would-be letters, at every size: the glance costs
 * about half of a full reading there. Lettering the full reading finds is large enough to be seen
 * at half its size (every image with text in tests/vision/text is), small print is not.
 */
export const GLANCE_SIDE = 360;

/** Bytes the text engine can decode (PNG or JPEG), at most `side` on the long side, and their size. */
export async function forText(bytes: Uint8Array, side = TEXT_SIDE): Promise<{ bytes: Uint8Array; width: number; height: number } | null> {
  const tri = triage(bytes);
  if (!tri.ok) return null;
  const { format, width: w, height: h } = tri.sniff;
  const big = !!(w && h && Math.max(w, h) > side);
  if ((format === 'png' || format === 'jpeg') && !big && !tri.sniff.orientation && w && h) return { bytes, width: w, height: h };
  const blob = new Blob([bytes as BlobPart]);
  const s = big ? side / Math.max(w!, h!) : 1;
  const bmp = big
    ? await createImageBitmap(blob, { resizeWidth: Math.max(1, Math.round(w! * s)), resizeHeight: Math.max(1, Math.round(h! * s)), resizeQuality: 'medium' })
    : await createImageBitmap(blob);
  try {
    const canvas = new OffscreenCanvas(bmp.width, bmp.height);
    canvas.getContext('2d')!.drawImage(bmp, 0, 0);
    return { bytes: new Uint8Array(await (await canvas.convertToBlob({ type: 'image/png' })).arrayBuffer()), width: bmp.width, height: bmp.height };
  } finally {
    bmp.close();
  }
}

export interface PhotoCheckOptions {
  /** Glance at a small copy first and read in full only when it shows text (default true; false for comparison). */
  glance?: boolean;
}

export async function analysePhoto(hands: HandRunner, text: TextRunner | null, bytes: Uint8Array, opts: PhotoCheckOptions = {}): Promise<ImageAnalysis> {
  const t0 = performance.now();
  const fail = (err: unknown) => {
    console.warn('[jaga-netral] text engine failed', err);
    return null;
  };
  // The text image is prepared first and handed to its worker before the hand engine starts:
  // the hand detector holds this thread while it runs, and the text worker must already have its
  // picture by then, or the two would run one after the other instead of side by side. (The hand
  // engine lets other tasks run between its detector runs, so a glance that shows text gets its
  // full reading started while the hands are still looked for.)
  const glance = opts.glance !== false;
  const img = text ? await forText(bytes, glance ? GLANCE_SIDE : TEXT_SIDE).catch(fail) : null;
  const reading = text && img ? (glance ? glanceThenRead(text, bytes, img) : text.read(img.bytes).then((r) => ({ ...r, width: img.width }))).catch(fail) : Promise.resolve(null);
  const found = await hands.analyse(bytes);
  const hard = found.problem && found.problem !== 'animated';
  if (hard) return found;
  const [read, fingerprint] = await Promise.all([reading, fingerprintBytes(bytes).catch(() => null)]);
  const analysis = fingerprint ? { ...found, fingerprint } : found;
  if (!read) return analysis;
  // word boxes into the pixels the hands were found in
  const k = analysis.width / read.width;
  const words = read.words.map((w) => ({ ...w, box: w.box.map((v) => Math.round(v * k)) as Box }));
  return { ...analysis, text: layoutText(words), ms: Math.round(performance.now() - t0), timing: { hands: found.ms, text: read.ms } };
}

/** No words when the glance shows no text, else the full reading (its time includes the glance's). */
async function glanceThenRead(text: TextRunner, bytes: Uint8Array, small: { bytes: Uint8Array; width: number; height: number }): Promise<TextReadResult & { width: number }> {
  // a photo no larger than the glance is read in full by it; the glance's own copy is never
  // larger than the glance, so it is the photo's size (its header) that tells
  const tri = triage(bytes);
  const whole = !tri.ok || Math.max(tri.sniff.width ?? 0, tri.sniff.height ?? 0) <= GLANCE_SIDE;
  // a glance that shows a word on the photo itself needs no look at its light lettering
  const seen = await text.read(small.bytes, whole ? {} : { enough: looksLikeText });
  if (whole) return { ...seen, width: small.width };
  if (!looksLikeText(seen.words)) return { words: [], ms: seen.ms, width: small.width };
  const img = await forText(bytes, TEXT_SIDE);
  if (!img) return { ...seen, width: small.width };
  const full = await text.read(img.bytes);
  return { ...full, ms: seen.ms + full.ms, width: img.width };
}

/**
 * Loads both engines and runs each once on a small blank picture: the first inference of each
 * (graph set-up, LSTM buffers) costs as much as the load, and it is paid here, before the photo.
 */
export async function warmEngines(hands: HandRunner, text: TextRunner | null, opts: PhotoCheckOptions = {}): Promise<void> {
  await Promise.all([hands.load(), text?.load()]);
  const c = new OffscreenCanvas(160, 160);
  const ctx = c.getContext('2d')!;
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, 160, 160);
  const blank = new Uint8Array(await (await c.convertToBlob({ type: 'image/png' })).arrayBuffer());
  await analysePhoto(hands, text, blank, opts);
}
