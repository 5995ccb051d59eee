import { describe, expect, it } from 'vitest';
import { fitWithin } from '../../lib/vision/fit';

describe('a copy at most so large', () => {
  it('scales the long side down to the bound, keeping the shape', () => {
    expect(fitWithin(1280, 853, 640)).toEqual({ width: 640, height: 427 });
    expect(fitWithin(853, 1280, 720)).toEqual({ width: 480, height: 720 });
  });

  it('never enlarges, and never makes a side vanish', () => {
    expect(fitWithin(300, 200, 720)).toEqual({ width: 300, height: 200 });
    expect(fitWithin(5000, 2, 160)).toEqual({ width: 160, height: 1 });
  });
});
