/**
 * The size of a picture scaled to at most `side` on its long side, never enlarged, each side at
 * least one pixel: how every copy of a photo (the detector's view, the skin map, the text engine's
 * copies, the fingerprint's base, the bounded decode) is sized. Pure.
 */
export function fitWithin(width: number, height: number, side: number): { width: number; height: number } {
  const s = Math.min(1, side / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * s)), height: Math.max(1, Math.round(height * s)) };
}
