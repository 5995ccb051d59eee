/**
 * Agency reference images (official ticket photos, campaign posters, twibbon frames, party
 * logos) travel in packs as perceptual fingerprints with a label, never as the image bytes:
 *
 *  - a whole image: a 64-bit DCT hash (pHash) of the image squeezed to 32×32 grey, for the image
 *    and for crops of it (so a photo cut down a little still matches); robust to re-encoding and
 *    resizing. Two hashes match within MAX_HASH_DISTANCE bits, and the colour histograms must
 *    overlap too (pHash is grey: a poster of the same layout in other colours would pass it).
 *  - a frame (a PNG whose middle is transparent, laid over one's own photo): the colours of the
 *    frame's opaque cells on a 16×16 grid, 4 bits a channel; the cells under the transparent part
 *    are '---' and are not compared. A photo matches when nearly all of the frame's cells have
 *    the frame's colour in it.
 *
 * Pure: pixels in (RGBA, already resized by the caller), strings out.
 */
import type { ReferenceImage } from '../rules/types';
import type { Box } from './types';

export type { ReferenceImage };

export const HASH_SIDE = 32;
export const GRID_SIDE = 16;
/** pHash bits that may differ for a match (of 64). */
export const MAX_HASH_DISTANCE = 10;
/** A frame cell matches when no channel differs by more than this (of 15). */
export const CELL_TOLERANCE = 2;
/** Share of a frame's cells that must match. */
export const MIN_FRAME_CELLS_MATCHING = 0.85;
/** A frame needs this many opaque cells to be told apart from photos at all. */
export const MIN_FRAME_CELLS = 24;

/** A part of an image, as shares of its width and height. */
export interface Crop {
  x: number;
  y: number;
  w: number;
  h: number;
}
const centre = (k: number): Crop => ({ x: (1 - k) / 2, y: (1 - k) / 2, w: k, h: k });
/** What the reference side hashes: the image, central crops, and a tenth cut off each side in turn. */
export const REFERENCE_CROPS: readonly Crop[] = [
  centre(1),
  centre(0.9),
  centre(0.8),
  { x: 0, y: 0.1, w: 1, h: 0.9 },
  { x: 0, y: 0, w: 1, h: 0.9 },
  { x: 0.1, y: 0, w: 0.9, h: 1 },
  { x: 0, y: 0, w: 0.9, h: 1 },
];
/** What the photo side hashes: the photo, and its middle (a reference with a border added around it). */
export const PHOTO_CROPS: readonly Crop[] = [centre(1), centre(0.9)];
/** Colour histogram overlap an image match needs besides the pHash (two posters of one layout in other colours). */
export const MIN_HISTOGRAM_OVERLAP = 0.6;

export interface Fingerprint {
  /** pHash per crop, 16 hex digits each. */
  phash: string[];
  /** 16×16 cells, 3 hex digits (R, G, B high nibbles) each or '---' where transparent. */
  grid: string;
  /** Colour histogram of the whole image: 64 bins (2 bits a channel), 2 hex digits (share × 255) each. */
  hist: string;
}

/** The colour histogram of RGBA pixels (see Fingerprint.hist). */
export function histogramOf(rgba: Uint8ClampedArray | Uint8Array): string {
  const bins = new Array<number>(64).fill(0);
  const n = rgba.length / 4;
  for (let i = 0; i < n; i++) bins[((rgba[i * 4]! >> 6) << 4) | ((rgba[i * 4 + 1]! >> 6) << 2) | (rgba[i * 4 + 2]! >> 6)]!++;
  return bins.map((b) => Math.round((b / n) * 255).toString(16).padStart(2, '0')).join('');
}

/** Histogram intersection, 0..1. */
export function histogramOverlap(a: string, b: string): number {
  let s = 0;
  for (let i = 0; i + 1 < Math.min(a.length, b.length); i += 2) s += Math.min(parseInt(a.slice(i, i + 2), 16), parseInt(b.slice(i, i + 2), 16));
  return s / 255;
}

const DCT = (() => {
  const N = HASH_SIDE;
  const m = new Float64Array(8 * N);
  for (let u = 0; u < 8; u++) for (let x = 0; x < N; x++) m[u * N + x] = Math.cos(((2 * x + 1) * u * Math.PI) / (2 * N));
  return m;
})();

/** pHash of a HASH_SIDE × HASH_SIDE RGBA image. */
export function phashOf(rgba: Uint8ClampedArray | Uint8Array): string {
  const N = HASH_SIDE;
  if (rgba.length !== N * N * 4) throw new Error(`phash needs ${N}×${N} RGBA pixels`);
  const g = new Float64Array(N * N);
  for (let i = 0; i < N * N; i++) g[i] = 0.299 * rgba[i * 4]! + 0.587 * rgba[i * 4 + 1]! + 0.114 * rgba[i * 4 + 2]!;
  // separable DCT-II, only the 8×8 lowest frequencies
  const rows = new Float64Array(N * 8);
  for (let y = 0; y < N; y++) for (let u = 0; u < 8; u++) {
    let s = 0;
    for (let x = 0; x < N; x++) s += g[y * N + x]! * DCT[u * N + x]!;
    rows[y * 8 + u] = s;
  }
  const c: number[] = [];
  for (let v = 0; v < 8; v++) for (let u = 0; u < 8; u++) {
    let s = 0;
    for (let y = 0; y < N; y++) s += rows[y * 8 + u]! * DCT[v * N + y]!;
    c.push(s);
  }
  const ac = c.slice(1).sort((a, b) => a - b);
  const median = (ac[31]! + ac[32]!) / 2;
  let hex = '';
  for (let i = 0; i < 64; i += 4) {
    let nib = 0;
    for (let b = 0; b < 4; b++) nib = (nib << 1) | (c[i + b]! > median ? 1 : 0);
    hex += nib.toString(16);
  }
  return hex;
}

/** The colour grid of a GRID_SIDE × GRID_SIDE RGBA image. */
export function gridOf(rgba: Uint8ClampedArray | Uint8Array): string {
  const N = GRID_SIDE;
  if (rgba.length !== N * N * 4) throw new Error(`grid needs ${N}×${N} RGBA pixels`);
  let s = '';
  for (let i = 0; i < N * N; i++) {
    if (rgba[i * 4 + 3]! < 240) s += '---';
    else for (let ch = 0; ch < 3; ch++) s += (rgba[i * 4 + ch]! >> 4).toString(16);
  }
  return s;
}

export function hammingHex(a: string, b: string): number {
  let d = 0;
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    let x = parseInt(a[i]!, 16) ^ parseInt(b[i]!, 16);
    while (x) {
      d += x & 1;
      x >>= 1;
    }
  }
  return d + 4 * Math.abs(a.length - b.length);
}

/** Opaque cells of a frame grid. */
export function frameCells(grid: string): number {
  let n = 0;
  for (let i = 0; i < grid.length; i += 3) if (grid[i] !== '-') n++;
  return n;
}

/** A grid with transparent cells is a frame (its middle shows the photo under it). */
export function isFrame(grid: string): boolean {
  return frameCells(grid) < GRID_SIDE * GRID_SIDE * 0.9;
}

/** Share of the frame's opaque cells whose colour the photo has (0..1), or 0 if the frame is too small to tell. */
export function frameSimilarity(frame: string, photo: string): number {
  let n = 0;
  let ok = 0;
  for (let i = 0; i + 2 < frame.length && i + 2 < photo.length; i += 3) {
    if (frame[i] === '-') continue;
    n++;
    if (photo[i] === '-') continue;
    let worst = 0;
    for (let ch = 0; ch < 3; ch++) worst = Math.max(worst, Math.abs(parseInt(frame[i + ch]!, 16) - parseInt(photo[i + ch]!, 16)));
    if (worst <= CELL_TOLERANCE) ok++;
  }
  return n >= MIN_FRAME_CELLS ? ok / n : 0;
}

export interface ReferenceMatch {
  reference: ReferenceImage;
  how: 'whole' | 'frame';
  /** 0..1 */
  similarity: number;
}

/** References the photo matches, best first. */
export function matchReferences(fp: Fingerprint, refs: readonly ReferenceImage[]): ReferenceMatch[] {
  const out: ReferenceMatch[] = [];
  for (const r of refs) {
    if (r.kind === 'frame' && r.grid) {
      const sim = frameSimilarity(r.grid, fp.grid);
      if (sim >= MIN_FRAME_CELLS_MATCHING) out.push({ reference: r, how: 'frame', similarity: Math.round(sim * 1000) / 1000 });
    } else if (r.phash?.length) {
      let best = 64;
      for (const a of r.phash) for (const b of fp.phash) best = Math.min(best, hammingHex(a, b));
      const colours = r.hist && fp.hist ? histogramOverlap(r.hist, fp.hist) : 1;
      if (best <= MAX_HASH_DISTANCE && colours >= MIN_HISTOGRAM_OVERLAP) out.push({ reference: r, how: 'whole', similarity: Math.round((1 - best / 64) * 1000) / 1000 });
    }
  }
  return out.sort((a, b) => b.similarity - a.similarity);
}

/** Where a frame's opaque cells lie in a photo of width × height (their bounding box). */
export function frameBox(grid: string, width: number, height: number): Box {
  let x0 = GRID_SIDE;
  let y0 = GRID_SIDE;
  let x1 = -1;
  let y1 = -1;
  for (let i = 0; i < GRID_SIDE * GRID_SIDE; i++) {
    if (grid[i * 3] === '-') continue;
    const x = i % GRID_SIDE;
    const y = Math.floor(i / GRID_SIDE);
    x0 = Math.min(x0, x);
    y0 = Math.min(y0, y);
    x1 = Math.max(x1, x);
    y1 = Math.max(y1, y);
  }
  if (x1 < 0) return [0, 0, width, height];
  const cw = width / GRID_SIDE;
  const ch = height / GRID_SIDE;
  return [Math.round(x0 * cw), Math.round(y0 * ch), Math.round((x1 - x0 + 1) * cw), Math.round((y1 - y0 + 1) * ch)];
}
