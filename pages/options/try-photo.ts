/**
 * The "Coba" box's photo check: the same engine as on the sites (the background routes to it), the
 * same findings through the packs in force. The photo is read here, downscaled, and never stored.
 */
import { browser } from 'wxt/browser';
import { MSG_ANALYSE, toBase64, type AnalyseResponse } from '../../vision/protocol';
import { imageFindings, numbersInPlay } from '../../lib/vision/findings';
import type { ImageVerdict } from '../../lib/vision/types';
import type { Engine } from '../../lib/rules/engine';
import { referenceSet } from '../../lib/vision/references';

const SIDE = 1280;

/** ok: the verdict, and a small copy of the photo (the size the engine saw) to draw the boxes on. */
export type PhotoTry = ({ ok: true; thumb: ImageBitmap; width: number; height: number } & ImageVerdict) | { ok: false; problem: string };

/** `engine`: the Coba box's detector (the packs in force, the learned stage once loaded), which reads the photo's text too. */
export async function tryPhoto(file: File, engine: Engine): Promise<PhotoTry> {
  let bitmap: ImageBitmap;
  try {
    const full = await createImageBitmap(file);
    const scale = Math.min(1, SIDE / Math.max(full.width, full.height));
    bitmap = scale < 1 ? await createImageBitmap(full, { resizeWidth: Math.round(full.width * scale), resizeHeight: Math.round(full.height * scale), resizeQuality: 'high' }) : full;
    if (bitmap !== full) full.close();
  } catch {
    return { ok: false, problem: 'unreadable' };
  }
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  canvas.getContext('2d')!.drawImage(bitmap, 0, 0);
  const k = Math.min(1, 360 / Math.max(bitmap.width, bitmap.height));
  const thumb = await createImageBitmap(bitmap, { resizeWidth: Math.max(1, Math.round(bitmap.width * k)), resizeHeight: Math.max(1, Math.round(bitmap.height * k)), resizeQuality: 'medium' });
  bitmap.close();
  const jpeg = new Uint8Array(await (await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.9 })).arrayBuffer());
  const res = (await browser.runtime.sendMessage({ type: MSG_ANALYSE, data: toBase64(jpeg), name: file.name })) as AnalyseResponse | undefined;
  if (!res) return { ok: false, problem: 'engine-failed' };
  if (!res.ok) return { ok: false, problem: res.problem };
  const size = { width: res.analysis.width || canvas.width, height: res.analysis.height || canvas.height };
  return { ok: true, thumb, ...size, ...imageFindings([{ name: file.name, analysis: res.analysis }], numbersInPlay(engine.packs), { engine, references: referenceSet(engine.packs) }) };
}

