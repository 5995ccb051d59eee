/**
 * Tells an image's format and dimensions from its first bytes, before anything decodes it, so that
 * an SVG, a HEIC photo, a 20000×20000 PNG or a random file gets a clear note instead of a decode
 * that eats memory or fails without a reason. Pure: bytes in, facts out.
 */
import type { ImageProblem } from './types';

export type ImageFormat = 'jpeg' | 'png' | 'gif' | 'webp' | 'bmp' | 'avif' | 'heic' | 'svg' | 'unknown';

export interface SniffResult {
  format: ImageFormat;
  width?: number;
  height?: number;
  /** GIF with more than one frame, APNG, animated WebP. */
  animated?: boolean;
  /** JPEG EXIF orientation when not 1; width and height are then as displayed. */
  orientation?: number;
}

/** Largest image we decode: 40 megapixels, each side ≤ 16384 (the browser's canvas limit). */
export const MAX_PIXELS = 40_000_000;
export const MAX_SIDE = 16_384;

const ascii = (b: Uint8Array, at: number, n: number) => String.fromCharCode(...b.subarray(at, at + n));

export function sniffImage(b: Uint8Array): SniffResult {
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const n = b.length;
  if (n >= 24 && b[0] === 0x89 && ascii(b, 1, 3) === 'PNG') {
    const width = v.getUint32(16, false);
    const height = v.getUint32(20, false);
    // APNG: an acTL chunk before the first IDAT
    let animated = false;
    for (let p = 8; p + 8 <= n; ) {
      const len = v.getUint32(p, false);
      const type = ascii(b, p + 4, 4);
      if (type === 'acTL') animated = true;
      if (type === 'IDAT' || type === 'IEND') break;
      p += 12 + len;
    }
    return { format: 'png', width, height, animated };
  }
  if (n >= 4 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) {
    let p = 2;
    let orientation = 1;
    while (p + 9 < n) {
      if (b[p] !== 0xff) {
        p++;
        continue;
      }
      const marker = b[p + 1]!;
      if (marker === 0xff) {
        p++;
        continue;
      }
      if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
        p += 2;
        continue;
      }
      const len = v.getUint16(p + 2, false);
      if (marker === 0xe1 && ascii(b, p + 4, 6) === 'Exif\0\0') orientation = exifOrientation(v, p + 10, Math.min(n, p + 2 + len));
      const sof = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
      if (sof) {
        const h = v.getUint16(p + 5, false);
        const w = v.getUint16(p + 7, false);
        // as displayed: orientations 5–8 turn the picture by 90°
        const turned = orientation >= 5 && orientation <= 8;
        return { format: 'jpeg', width: turned ? h : w, height: turned ? w : h, ...(orientation !== 1 ? { orientation } : {}) };
      }
      if (marker === 0xda || marker === 0xd9) break;
      p += 2 + len;
    }
    return { format: 'jpeg' };
  }
  if (n >= 10 && ascii(b, 0, 4) === 'GIF8') {
    return { format: 'gif', width: v.getUint16(6, true), height: v.getUint16(8, true), animated: gifFrames(b) > 1 };
  }
  if (n >= 30 && ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 4) === 'WEBP') {
    const chunk = ascii(b, 12, 4);
    if (chunk === 'VP8X') {
      const animated = (b[20]! & 0x02) !== 0;
      const width = 1 + (b[24]! | (b[25]! << 8) | (b[26]! << 16));
      const height = 1 + (b[27]! | (b[28]! << 8) | (b[29]! << 16));
      return { format: 'webp', width, height, animated };
    }
    if (chunk === 'VP8L') {
      const bits = v.getUint32(21, true);
      return { format: 'webp', width: (bits & 0x3fff) + 1, height: ((bits >> 14) & 0x3fff) + 1 };
    }
    if (chunk === 'VP8 ') return { format: 'webp', width: v.getUint16(26, true) & 0x3fff, height: v.getUint16(28, true) & 0x3fff };
    return { format: 'webp' };
  }
  if (n >= 26 && ascii(b, 0, 2) === 'BM') return { format: 'bmp', width: Math.abs(v.getInt32(18, true)), height: Math.abs(v.getInt32(22, true)) };
  if (n >= 12 && ascii(b, 4, 4) === 'ftyp') {
    const brands = ascii(b, 8, Math.min(n - 8, 32));
    if (/avif|avis/.test(brands)) {
      // image spatial extents ('ispe') of the primary item, within the first few kB
      for (let p = 12; p + 20 <= Math.min(n, 8192); p++) {
        if (b[p] === 0x69 && ascii(b, p, 4) === 'ispe') return { format: 'avif', width: v.getUint32(p + 8, false), height: v.getUint32(p + 12, false) };
      }
      return { format: 'avif' };
    }
    if (/heic|heix|hevc|hevx|heim|heis|mif1|msf1/.test(brands)) return { format: 'heic' };
    return { format: 'unknown' };
  }
  const head = new TextDecoder('utf-8', { fatal: false }).decode(b.subarray(0, Math.min(n, 1024))).trimStart().toLowerCase();
  if (head.startsWith('<svg') || ((head.startsWith('<?xml') || head.startsWith('<!doctype svg')) && head.includes('<svg'))) return { format: 'svg' };
  return { format: 'unknown' };
}

/** EXIF orientation (tag 0x0112 in IFD0) of a TIFF block at `t`; 1 when absent or unreadable. */
function exifOrientation(v: DataView, t: number, end: number): number {
  try {
    const le = v.getUint16(t, false) === 0x4949;
    const ifd = t + v.getUint32(t + 4, le);
    const count = v.getUint16(ifd, le);
    for (let i = 0; i < count; i++) {
      const e = ifd + 2 + i * 12;
      if (e + 12 > end) break;
      if (v.getUint16(e, le) === 0x0112) {
        const o = v.getUint16(e + 8, le);
        return o >= 1 && o <= 8 ? o : 1;
      }
    }
  } catch {
    /* truncated EXIF: ignore */
  }
  return 1;
}

/** Counts GIF image descriptors (stops at 2). */
function gifFrames(b: Uint8Array): number {
  let p = 13;
  const flags = b[10]!;
  if (flags & 0x80) p += 3 * (1 << ((flags & 7) + 1));
  let frames = 0;
  while (p < b.length) {
    const block = b[p]!;
    if (block === 0x3b) break; // trailer
    if (block === 0x21) {
      p += 2;
      while (p < b.length && b[p]! !== 0) p += b[p]! + 1;
      p++;
    } else if (block === 0x2c) {
      if (++frames > 1) return frames;
      const lf = b[p + 9]!;
      p += 10;
      if (lf & 0x80) p += 3 * (1 << ((lf & 7) + 1));
      p++; // LZW min code size
      while (p < b.length && b[p]! !== 0) p += b[p]! + 1;
      p++;
    } else break;
  }
  return frames;
}

/**
 * What to do with these bytes: a problem that stops the check, or a go (possibly with a note,
 * e.g. only the first frame of an animation is checked).
 */
export function triage(b: Uint8Array): { ok: true; sniff: SniffResult; note?: ImageProblem } | { ok: false; sniff: SniffResult; problem: ImageProblem } {
  if (b.length === 0) return { ok: false, sniff: { format: 'unknown' }, problem: 'empty' };
  const sniff = sniffImage(b);
  switch (sniff.format) {
    case 'svg':
      return { ok: false, sniff, problem: 'svg' };
    case 'heic':
      return { ok: false, sniff, problem: 'heic' };
    case 'unknown':
      return { ok: false, sniff, problem: 'unsupported-format' };
  }
  if (sniff.width !== undefined && sniff.height !== undefined) {
    if (sniff.width === 0 || sniff.height === 0) return { ok: false, sniff, problem: 'corrupt' };
    if (sniff.width > MAX_SIDE * 2 || sniff.height > MAX_SIDE * 2 || sniff.width * sniff.height > MAX_PIXELS) return { ok: false, sniff, problem: 'too-large' };
  } else {
    // no size in the header: we would not know what decoding costs
    return { ok: false, sniff, problem: 'corrupt' };
  }
  return sniff.animated ? { ok: true, sniff, note: 'animated' } : { ok: true, sniff };
}
