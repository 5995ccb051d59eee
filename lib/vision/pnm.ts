/**
 * Pictures for the text engine as binary PNM (Netpbm P6 colour, P5 grey): the header and the raw
 * pixels, nothing to compress or decompress. Leptonica, inside the text engine, reads them as
 * they are; a PNG of the same 720-px copy cost the browser tens of milliseconds to encode and the
 * engine more to inflate, on every photo, for bytes that never leave the engine process. Pure.
 */

/** RGBA pixels (as getImageData gives them) → P6 bytes (the alpha dropped). */
export function ppm(rgba: Uint8ClampedArray | Uint8Array, width: number, height: number): Uint8Array {
  if (rgba.length !== width * height * 4) throw new RangeError(`ppm: ${rgba.length} bytes for ${width}×${height} RGBA`);
  const head = header('P6', width, height);
  const out = new Uint8Array(head.length + width * height * 3);
  out.set(head);
  for (let i = 0, o = head.length, n = rgba.length; i < n; i += 4, o += 3) {
    out[o] = rgba[i]!;
    out[o + 1] = rgba[i + 1]!;
    out[o + 2] = rgba[i + 2]!;
  }
  return out;
}

/** One byte per pixel → P5 bytes. */
export function pgm(grey: Uint8Array, width: number, height: number): Uint8Array {
  if (grey.length !== width * height) throw new RangeError(`pgm: ${grey.length} bytes for ${width}×${height} grey`);
  const head = header('P5', width, height);
  const out = new Uint8Array(head.length + grey.length);
  out.set(head);
  out.set(grey, head.length);
  return out;
}

function header(magic: 'P5' | 'P6', width: number, height: number): Uint8Array {
  if (!(Number.isInteger(width) && Number.isInteger(height) && width > 0 && height > 0)) throw new RangeError(`pnm: bad size ${width}×${height}`);
  return new TextEncoder().encode(`${magic}\n${width} ${height}\n255\n`);
}
