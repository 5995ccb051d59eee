/**
 * Where a hand could be: skin-coloured pixels on a small copy of the photo. The hand engine's
 * retry on tiles (small people in a large photo) costs one detector run per tile, and most photos
 * hold no hand at all; a tile with no skin colour in it can hold no hand, so it is not run.
 *
 * Skin is told by its chroma alone (Chai & Ngan's box in YCbCr: 77 ≤ Cb ≤ 127, 133 ≤ Cr ≤ 173),
 * which holds across light and dark skin because skin tones differ mostly in brightness, not in
 * chroma; red above green and blue, and saturation under 0.7 (print colours of posters and
 * banners are fuller); the darkest shadows (Y < 24) are left out, where chroma is noise. A photo with
 * almost no colour (black and white, sepia-free greys) tells nothing this way: there every tile runs.
 *
 * A tile is run for its patches of skin, not for lone cells: a cell counts when at least three of
 * its four neighbours are skin too. Lettering drawn smoothly over a warm colour (white on orange)
 * leaves rims of skin-coloured cells one cell wide along every letter, enough to send a poster's
 * every tile to the detector, and a hand, even a small one, has a palm several cells across.
 */

/** Long side of the copy the map is made from. */
export const SKIN_MAP_SIDE = 160;
/** Skin cells a tile needs before the detector is run on it (a hand of ~5% of the photo's side covers ~20). */
export const MIN_SKIN_CELLS = 6;

export interface SkinMap {
  w: number;
  h: number;
  /** Prefix sums of skin cells, (w + 1) × (h + 1): any rectangle's count in four reads. */
  sums: Uint32Array;
  /** The same for cells in a patch of skin (at least three of their four neighbours skin too). */
  patch: Uint32Array;
  /** Whether the photo has colour enough for the map to mean anything. */
  colourful: boolean;
}

export function isSkin(r: number, g: number, b: number): boolean {
  const y = 0.299 * r + 0.587 * g + 0.114 * b;
  // skin is red-dominant and never a print colour's full saturation
  if (y < 24 || r <= g || r <= b || r - Math.min(g, b) > 0.7 * r) return false;
  const cb = 128 - 0.168736 * r - 0.331264 * g + 0.5 * b;
  const cr = 128 + 0.5 * r - 0.418688 * g - 0.081312 * b;
  return cb >= 77 && cb <= 127 && cr >= 133 && cr <= 173;
}

/** The map of an RGBA picture (`w` × `h`, as from getImageData). */
export function skinMap(rgba: Uint8ClampedArray | Uint8Array, w: number, h: number): SkinMap {
  const skin = new Uint8Array(w * h);
  let coloured = 0;
  for (let i = 0; i < w * h; i++) {
    const r = rgba[i * 4]!;
    const g = rgba[i * 4 + 1]!;
    const b = rgba[i * 4 + 2]!;
    if (Math.max(r, g, b) - Math.min(r, g, b) > 24) coloured++;
    if (isSkin(r, g, b)) skin[i] = 1;
  }
  const at = (x: number, y: number) => (x >= 0 && y >= 0 && x < w && y < h ? skin[y * w + x]! : 0);
  const sums = new Uint32Array((w + 1) * (h + 1));
  const patch = new Uint32Array((w + 1) * (h + 1));
  for (let y = 0; y < h; y++) {
    let row = 0;
    let rowPatch = 0;
    for (let x = 0; x < w; x++) {
      if (skin[y * w + x]) {
        row++;
        if (at(x - 1, y) + at(x + 1, y) + at(x, y - 1) + at(x, y + 1) >= 3) rowPatch++;
      }
      const k = (y + 1) * (w + 1) + x + 1;
      sums[k] = sums[k - w - 1]! + row;
      patch[k] = patch[k - w - 1]! + rowPatch;
    }
  }
  return { w, h, sums, patch, colourful: coloured > w * h * 0.05 };
}

/** Skin cells inside a view given in fractions of the photo (x, y, w, h in 0…1); `patches`: only those in a patch of skin. */
export function skinIn(map: SkinMap, view: { x: number; y: number; w: number; h: number }, patches = false): number {
  const x0 = Math.max(0, Math.min(map.w, Math.floor(view.x * map.w)));
  const y0 = Math.max(0, Math.min(map.h, Math.floor(view.y * map.h)));
  const x1 = Math.max(x0, Math.min(map.w, Math.ceil((view.x + view.w) * map.w)));
  const y1 = Math.max(y0, Math.min(map.h, Math.ceil((view.y + view.h) * map.h)));
  const W = map.w + 1;
  const s = patches ? map.patch : map.sums;
  return s[y1 * W + x1]! - s[y0 * W + x1]! - s[y1 * W + x0]! + s[y0 * W + x0]!;
}

/** Whether a tile is worth a detector run (`patches` false: any skin cells count, for comparison). */
export function mayHoldHand(map: SkinMap, view: { x: number; y: number; w: number; h: number }, patches = true): boolean {
  return !map.colourful || skinIn(map, view, patches) >= MIN_SKIN_CELLS;
}
