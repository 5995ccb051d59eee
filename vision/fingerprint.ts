/**
 * The perceptual fingerprint of an image (lib/vision/phash.ts), computed where images decode: the
 * engine document for attached photos, the CLI's headless page for an agency's reference images.
 * Both sides run this same code, so a reference and a re-encoded copy of it land on the same bits.
 */
import { fitWithin } from '../lib/vision/fit';
import { GRID_SIDE, gridOf, HASH_SIDE, histogramOf, PHOTO_CROPS, phashOf, REFERENCE_CROPS, type Crop, type Fingerprint } from '../lib/vision/phash';

const WHOLE: Crop = { x: 0, y: 0, w: 1, h: 1 };

async function pixels(src: ImageBitmap, crop: Crop, side: number): Promise<Uint8ClampedArray> {
  const sw = Math.max(1, Math.round(src.width * crop.w));
  const sh = Math.max(1, Math.round(src.height * crop.h));
  const sx = Math.round(src.width * crop.x);
  const sy = Math.round(src.height * crop.y);
  // the browser's high-quality resize averages the pixels (a plain drawImage to 32 px would alias)
  const small = await createImageBitmap(src, sx, sy, sw, sh, { resizeWidth: side, resizeHeight: side, resizeQuality: 'high', premultiplyAlpha: 'none' });
  try {
    const canvas = new OffscreenCanvas(side, side);
    const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
    ctx.drawImage(small, 0, 0);
    return ctx.getImageData(0, 0, side, side).data;
  } finally {
    small.close();
  }
}

/**
 * Long side of the one copy the hashed crops are squeezed from. Each squeeze of the decoded photo
 * itself reads all its pixels (about 15 ms for a 1080² photo, on the thread the hand detector
 * needs); from a copy this size each is well under a millisecond. Four times the hash's side, so
 * the last squeeze still averages the pixels, and a pHash is the same within a bit or two either
 * way (a pack's poster fingerprinted before still matches). The frame grid is still squeezed from
 * the image itself: its cells are compared within two steps of sixteen, and squeezing twice moves
 * the edge cells of a frame enough that a pack's frames would no longer match.
 */
export const BASE_SIDE = 128;

/** Fingerprint of a decoded image: "photo" hashes the crops a photo needs, "reference" those a pack stores. */
export async function fingerprintOf(bitmap: ImageBitmap, side: 'photo' | 'reference' = 'photo'): Promise<Fingerprint> {
  const fit = fitWithin(bitmap.width, bitmap.height, BASE_SIDE);
  const base =
    Math.max(bitmap.width, bitmap.height) > BASE_SIDE
      ? await createImageBitmap(bitmap, { resizeWidth: fit.width, resizeHeight: fit.height, resizeQuality: 'high', premultiplyAlpha: 'none' })
      : bitmap;
  try {
    const crops = side === 'photo' ? PHOTO_CROPS : REFERENCE_CROPS;
    const phash: string[] = [];
    let hist = '';
    for (const c of crops) {
      const px = await pixels(base, c, HASH_SIDE);
      phash.push(phashOf(px));
      if (c === crops[0]) hist = histogramOf(px);
    }
    return { phash, grid: gridOf(await pixels(bitmap, WHOLE, GRID_SIDE)), hist };
  } finally {
    if (base !== bitmap) base.close();
  }
}

export async function fingerprintBytes(bytes: Uint8Array, side: 'photo' | 'reference' = 'photo'): Promise<Fingerprint> {
  const bmp = await createImageBitmap(new Blob([bytes as BlobPart]), { premultiplyAlpha: 'none' });
  try {
    return await fingerprintOf(bmp, side);
  } finally {
    bmp.close();
  }
}
