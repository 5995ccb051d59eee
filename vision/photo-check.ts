/**
 * One photo, every check the engine process makes: the hands (vision/runner.ts) and the text
 * (vision/ocr.ts), run side by side — the text engine has its own worker thread, so on two cores
 * the photo costs the slower of the two, not their sum. Text is read only from an image that
 * passed the header check, at TEXT_SIDE, and its word boxes are scaled to the pixels the hands
 * were looked for in, so both kinds of boxes are in the same pixels. A failing text engine never loses the hand result: the photo is then
 * reported with its hands and without text.
 */
import { layoutText, looksLikeText } from '../lib/vision/text';
import { fitWithin } from '../lib/vision/fit';
import { cleanReading } from '../lib/vision/lettering';
import type { Box, ImageAnalysis } from '../lib/vision/types';
import type { HandRunner } from './runner';
import type { ReadOptions, TextPicture, TextReadResult, TextRunner } from './ocr';
import { fingerprintBytes, fingerprintOf } from './fingerprint';
import type { Fingerprint } from '../lib/vision/phash';

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

/**
 * The text engine's copies of a decoded photo: at most TEXT_SIDE on the long side, and the glance
 * drawn from that (at most GLANCE_SIDE). Both come from the bitmap the hands are looked for in:
 * the photo is decoded once. The full copy is drawn now, while the thread is free, and its pixels
 * read only when the glance shows text.
 */
export class TextCopies {
  private readonly full: OffscreenCanvasRenderingContext2D;

  constructor(bitmap: ImageBitmap) {
    this.full = drawn(bitmap, TEXT_SIDE);
  }

  /** The copy at most `side` (GLANCE_SIDE or TEXT_SIDE) on its long side. */
  at(side: number): TextPicture {
    const { canvas } = this.full;
    if (side >= Math.max(canvas.width, canvas.height)) return pixelsOf(this.full);
    return pixelsOf(drawn(canvas, side));
  }

  /** Whether the photo is no larger than `side`: a glance at it is its full reading. */
  within(side: number): boolean {
    return Math.max(this.full.canvas.width, this.full.canvas.height) <= side;
  }
}

/** A copy of `source` at most `side` on its long side (never enlarged). */
function drawn(source: ImageBitmap | OffscreenCanvas, side: number): OffscreenCanvasRenderingContext2D {
  const fit = fitWithin(source.width, source.height, side);
  const c = new OffscreenCanvas(fit.width, fit.height);
  // read back on the CPU: a canvas kept for getImageData is drawn and read there
  const ctx = c.getContext('2d', { willReadFrequently: true })!;
  ctx.imageSmoothingQuality = 'medium';
  ctx.drawImage(source, 0, 0, c.width, c.height);
  return ctx;
}

function pixelsOf(ctx: OffscreenCanvasRenderingContext2D): TextPicture {
  const { width, height } = ctx.canvas;
  return { width, height, rgba: ctx.getImageData(0, 0, width, height).data };
}

export interface PhotoCheckOptions {
  /** Glance at a small copy first and read in full only when it shows text (default true; false for comparison). */
  glance?: boolean;
  /** Fingerprint the photo beside the hands, from their decoded copy when it can (default true; false for comparison: decoded again once the hands are done). */
  share?: boolean;
  /** Warm up on a blank 160-px picture instead of a photo-sized one (default false; true for comparison). */
  blankWarmUp?: boolean;
}

export async function analysePhoto(hands: HandRunner, text: TextRunner | null, bytes: Uint8Array, opts: PhotoCheckOptions = {}): Promise<ImageAnalysis> {
  const t0 = performance.now();
  const fail = (err: unknown) => {
    console.warn('[jaga-netral] text engine failed', err);
    return null;
  };
  const photo = await hands.decode(bytes);
  if (!('bitmap' in photo)) return photo;
  let found: ImageAnalysis;
  let fingerprint: Fingerprint | null;
  let read: (TextReadResult & { width: number }) | null;
  try {
    // The text copies are made and the first handed to its worker before the hand engine starts:
    // the hand detector holds this thread while it runs, and the text worker must already have
    // its picture by then, or the two would run one after the other instead of side by side. (The
    // hand engine lets other tasks run between its detector runs, so a glance that shows text gets
    // its full reading started while the hands are still looked for.)
    const glance = opts.glance !== false;
    let reading: Promise<(TextReadResult & { width: number }) | null> = Promise.resolve(null);
    if (text) {
      try {
        const copies = new TextCopies(photo.bitmap);
        reading = (glance ? glanceThenRead(text, copies) : readAt(text, copies, TEXT_SIDE)).catch(fail);
      } catch (err) {
        fail(err);
      }
    }
    // The fingerprint starts now, beside the hands: the browser scales its copies off this thread
    // while the detector holds it. A JPEG decoded whole is shared (it has no alpha, so the copy
    // the hands see is the one the fingerprint needs); another photo is decoded again as the
    // fingerprint wants it, without premultiplied alpha, as a pack's reference image was.
    const share = opts.share !== false;
    const fingerprintOfPhoto = () => (share && photo.format === 'jpeg' && !photo.scaled ? fingerprintOf(photo.bitmap) : fingerprintBytes(bytes)).catch(() => null);
    const fingerprinting = share ? fingerprintOfPhoto() : null;
    found = await hands.analyseDecoded(photo);
    [read, fingerprint] = await Promise.all([reading, fingerprinting ?? fingerprintOfPhoto()]);
  } finally {
    photo.bitmap.close();
  }
  const analysis = fingerprint ? { ...found, fingerprint } : found;
  if (!read) return analysis;
  // word boxes into the pixels the hands were found in
  const k = analysis.width / read.width;
  const words = read.words.map((w) => ({ ...w, box: w.box.map((v) => Math.round(v * k)) as Box }));
  return { ...analysis, text: layoutText(words), ms: Math.round(performance.now() - t0), timing: { hands: found.ms, text: read.ms } };
}

async function readAt(text: TextRunner, copies: TextCopies, side: number, opts?: ReadOptions): Promise<TextReadResult & { width: number }> {
  const picture = copies.at(side);
  return { ...(await text.read(picture, opts)), width: picture.width };
}

/** No words when the glance shows no text, else the full reading (its time includes the glance's). */
async function glanceThenRead(text: TextRunner, copies: TextCopies): Promise<TextReadResult & { width: number }> {
  // a photo no larger than the glance is read in full by it
  if (copies.within(GLANCE_SIDE)) return readAt(text, copies, GLANCE_SIDE);
  const small = copies.at(GLANCE_SIDE);
  // a glance that shows a word on the photo itself needs no look at its light lettering
  const seen = await text.read(small, { enough: looksLikeText });
  if (!looksLikeText(seen.words)) return { words: [], ms: seen.ms, width: small.width };
  // a clean reading of the photo leaves nothing for the light-lettering key to add
  const full = await readAt(text, copies, TEXT_SIDE, { enough: cleanReading });
  return { ...full, ms: seen.ms + full.ms };
}

/** The engines each runner was last warmed up with: a later warm-up (another composer's focus) only makes sure they are loaded. */
const warmedWith = new WeakMap<HandRunner, readonly unknown[]>();

/**
 * Loads both engines and runs the whole check once on a photo-sized picture made here: the first
 * run of each engine at a size (the hand detector's 640-px view and a tile at the photo's own
 * pixels, the text glance and the full reading, the fingerprint's copies) sets up buffers and
 * graph state that cost about as much as a check, and a small blank would pay only some of them
 * (no tile, no full reading), leaving the rest to the first real photo. The picture has skin
 * colour in one tile only, so one tile runs, and a line of large words for the text engine, which
 * reads it at both sizes. Only the first warm-up of loaded engines does this; a photo attached
 * meanwhile waits for it, as it would for the load.
 */
export async function warmEngines(hands: HandRunner, text: TextRunner | null, opts: PhotoCheckOptions = {}): Promise<void> {
  const engines = await Promise.all([hands.load(), text?.load()]);
  if (opts.blankWarmUp) return void (await analysePhoto(hands, text, await blankPicture(), opts));
  const before = warmedWith.get(hands);
  if (before && before.every((e, i) => e === engines[i])) return;
  // a browser that cannot draw it (no canvas text) still warms up, on the blank
  const picture = await warmUpPicture().catch(() => blankPicture());
  // the full reading too, whatever the glance makes of the words (it is queued behind the glance in the text worker)
  const full = text ? readInFull(text, picture).catch(() => null) : null;
  await Promise.all([analysePhoto(hands, text, picture, opts), full]);
  warmedWith.set(hands, engines);
}

/** The full reading of an encoded picture at TEXT_SIDE, its light-lettering key read too. */
async function readInFull(text: TextRunner, bytes: Uint8Array): Promise<TextReadResult> {
  const bmp = await createImageBitmap(new Blob([bytes as BlobPart]));
  let copy: TextPicture;
  try {
    copy = new TextCopies(bmp).at(TEXT_SIDE);
  } finally {
    bmp.close();
  }
  return text.read(copy);
}

async function blankPicture(): Promise<Uint8Array> {
  const c = new OffscreenCanvas(160, 160);
  const ctx = c.getContext('2d')!;
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, 160, 160);
  return new Uint8Array(await (await c.convertToBlob({ type: 'image/png' })).arrayBuffer());
}

/** Side of the warm-up picture: a feed photo's. */
const WARM_UP_SIDE = 1080;

async function warmUpPicture(): Promise<Uint8Array> {
  const S = WARM_UP_SIDE;
  const c = new OffscreenCanvas(S, S);
  const ctx = c.getContext('2d')!;
  // colour without skin tones, so the skin gate lets through only the tile with the patch below
  const g = ctx.createLinearGradient(0, 0, S, S);
  g.addColorStop(0, '#2b5876');
  g.addColorStop(1, '#4e4376');
  ctx.fillStyle = g;
  ctx.fillRect(0, 0, S, S);
  for (let i = 0; i < 60; i++) {
    ctx.fillStyle = `hsl(${180 + ((i * 29) % 120)} 45% ${25 + (i % 5) * 10}%)`;
    ctx.fillRect((i * 131) % S, (i * 71) % S, 30 + (i % 7) * 25, 30 + (i % 3) * 35);
  }
  ctx.fillStyle = 'rgb(205, 150, 120)';
  ctx.fillRect(0.04 * S, 0.04 * S, 0.1 * S, 0.1 * S);
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0.3 * S, S, 0.14 * S);
  ctx.fillStyle = '#000';
  ctx.font = `bold ${Math.round(0.08 * S)}px sans-serif`;
  ctx.textBaseline = 'middle';
  ctx.fillText('SELAMAT PAGI', 0.08 * S, 0.37 * S);
  return new Uint8Array(await (await c.convertToBlob({ type: 'image/jpeg', quality: 0.9 })).arrayBuffer());
}
