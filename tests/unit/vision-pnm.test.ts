import { describe, expect, it } from 'vitest';
import { pgm, ppm } from '../../lib/vision/pnm';

const text = (b: Uint8Array, n: number) => new TextDecoder().decode(b.subarray(0, n));

describe('pictures for the text engine as PNM', () => {
  it('P6: a header with the size, then RGB with the alpha dropped', () => {
    const rgba = Uint8Array.from([1, 2, 3, 255, 4, 5, 6, 0, 7, 8, 9, 128]);
    const b = ppm(rgba, 3, 1);
    const head = 'P6\n3 1\n255\n';
    expect(text(b, head.length)).toBe(head);
    expect([...b.subarray(head.length)]).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('P5: a header with the size, then the grey bytes', () => {
    const b = pgm(Uint8Array.from([0, 255, 17, 9]), 2, 2);
    const head = 'P5\n2 2\n255\n';
    expect(text(b, head.length)).toBe(head);
    expect([...b.subarray(head.length)]).toEqual([0, 255, 17, 9]);
  });

  it('pixels that do not fit the size are refused, not written as a broken picture', () => {
    expect(() => ppm(new Uint8Array(12), 2, 2)).toThrow(/2×2/);
    expect(() => pgm(new Uint8Array(3), 2, 2)).toThrow(/2×2/);
    expect(() => pgm(new Uint8Array(0), 0, 0)).toThrow(/bad size/);
  });
});
