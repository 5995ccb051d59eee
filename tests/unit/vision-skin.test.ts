import { describe, expect, it } from 'vitest';
import { isSkin, mayHoldHand, MIN_SKIN_CELLS, skinIn, skinMap } from '../../lib/vision/skin';

/** An RGBA picture of w × h filled with one colour, with an optional rectangle of another. */
function picture(w: number, h: number, fill: number[], rect?: { x: number; y: number; w: number; h: number; rgb: number[] }) {
  const px = new Uint8ClampedArray(w * h * 4);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const inRect = rect && x >= rect.x && x < rect.x + rect.w && y >= rect.y && y < rect.y + rect.h;
      const [r, g, b] = inRect ? rect!.rgb : fill;
      px.set([r!, g!, b!, 255], (y * w + x) * 4);
    }
  return px;
}

describe('skin colour', () => {
  it('takes light, medium and dark skin tones, in light and in shade', () => {
    for (const rgb of [
      [236, 198, 176],
      [224, 172, 140],
      [198, 134, 98],
      [141, 85, 60],
      [92, 58, 42],
      [62, 40, 30],
    ])
      expect(isSkin(rgb[0]!, rgb[1]!, rgb[2]!), rgb.join(',')).toBe(true);
  });

  it('refuses print colours, greys, greens and blues, and the darkest shadows', () => {
    for (const rgb of [
      [198, 40, 40], // banner red
      [240, 120, 30], // orange
      [240, 200, 40], // yellow
      [128, 128, 128],
      [255, 255, 255],
      [60, 160, 80],
      [40, 90, 200],
      [20, 12, 10],
    ])
      expect(isSkin(rgb[0]!, rgb[1]!, rgb[2]!), rgb.join(',')).toBe(false);
  });
});

describe('skin map', () => {
  const W = 160;
  const H = 100;
  // a 6 × 6 patch of skin in the lower right quarter of a blue picture
  const map = skinMap(picture(W, H, [40, 90, 200], { x: 120, y: 70, w: 6, h: 6, rgb: [198, 134, 98] }), W, H);

  it('counts the skin cells in any part of the picture', () => {
    expect(map.colourful).toBe(true);
    expect(skinIn(map, { x: 0, y: 0, w: 1, h: 1 })).toBe(36);
    expect(skinIn(map, { x: 0.5, y: 0.5, w: 0.5, h: 0.5 })).toBe(36);
    expect(skinIn(map, { x: 0, y: 0, w: 0.5, h: 0.5 })).toBe(0);
    expect(skinIn(map, { x: 0.75, y: 0.7, w: 0.0125, h: 0.01 })).toBe(2);
  });

  it('runs only the tiles that could hold a hand', () => {
    expect(mayHoldHand(map, { x: 0.3, y: 0.3, w: 0.7, h: 0.7 })).toBe(true);
    expect(mayHoldHand(map, { x: 0, y: 0, w: 0.7, h: 0.6 })).toBe(false);
  });

  it('a tile needs more than a speck of skin colour', () => {
    const speck = skinMap(picture(W, H, [40, 90, 200], { x: 10, y: 10, w: 2, h: 2, rgb: [198, 134, 98] }), W, H);
    expect(skinIn(speck, { x: 0, y: 0, w: 1, h: 1 })).toBeLessThan(MIN_SKIN_CELLS);
    expect(mayHoldHand(speck, { x: 0, y: 0, w: 1, h: 1 })).toBe(false);
  });

  it('counts a patch of skin, not the one-cell rims smooth lettering leaves on a warm colour', () => {
    // the 6 × 6 patch: all but its four corners have three skin neighbours
    expect(skinIn(map, { x: 0, y: 0, w: 1, h: 1 }, true)).toBe(32);
    // white letters on orange: anti-aliased edges are skin-coloured, one cell wide, around every letter
    const px = picture(W, H, [230, 90, 30]);
    const rim = (x: number, y: number) => px.set([236, 178, 150, 255], (y * W + x) * 4);
    for (let i = 0; i < 12; i++) {
      const [x0, y0] = [5 + (i % 6) * 25, 10 + Math.floor(i / 6) * 45];
      for (let x = x0; x < x0 + 18; x++) rim(x, y0), rim(x, y0 + 30);
      for (let y = y0; y <= y0 + 30; y++) rim(x0, y), rim(x0 + 17, y);
    }
    const rims = skinMap(px, W, H);
    const tile = { x: 0, y: 0, w: 1, h: 1 };
    expect(skinIn(rims, tile)).toBeGreaterThan(100 * MIN_SKIN_CELLS);
    expect(mayHoldHand(rims, tile, false)).toBe(true);
    expect(skinIn(rims, tile, true)).toBeLessThan(MIN_SKIN_CELLS);
    expect(mayHoldHand(rims, tile)).toBe(false);
  });

  it('a picture with almost no colour (black and white) runs every tile', () => {
    const grey = skinMap(picture(W, H, [120, 120, 120]), W, H);
    expect(grey.colourful).toBe(false);
    expect(mayHoldHand(grey, { x: 0, y: 0, w: 0.5, h: 0.5 })).toBe(true);
  });
});
