/** Telling formats and sizes from the first bytes, before any decode. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sniffImage, triage } from '../../lib/vision/sniff';

const photo = (f: string) => new Uint8Array(readFileSync(new URL(`../vision/photos/${f}`, import.meta.url)));

function png(w: number, h: number, chunks: string[] = []): Uint8Array {
  const out: number[] = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  const chunk = (type: string, data: number[]) => {
    const len = data.length;
    out.push(len >>> 24, (len >>> 16) & 255, (len >>> 8) & 255, len & 255, ...[...type].map((c) => c.charCodeAt(0)), ...data, 0, 0, 0, 0);
  };
  const be = (n: number) => [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255];
  chunk('IHDR', [...be(w), ...be(h), 8, 6, 0, 0, 0]);
  for (const c of chunks) chunk(c, [0, 0, 0, 2, 0, 0, 0, 0]);
  chunk('IDAT', []);
  return new Uint8Array(out);
}

/** A minimal GIF with n frames of 1×1. */
function gif(frames: number): Uint8Array {
  const b = [...'GIF89a'].map((c) => c.charCodeAt(0));
  b.push(1, 0, 1, 0, 0x80, 0, 0, 0, 0, 0, 255, 255, 255); // 1×1, global table of 2 colours
  for (let i = 0; i < frames; i++) {
    b.push(0x21, 0xf9, 4, 0, 10, 0, 0, 0); // graphic control extension
    b.push(0x2c, 0, 0, 0, 0, 1, 0, 1, 0, 0, 2, 2, 0x4c, 0x01, 0); // image descriptor + data
  }
  b.push(0x3b);
  return new Uint8Array(b);
}

describe('sniffImage', () => {
  it('reads JPEG and PNG sizes from real photos', () => {
    expect(sniffImage(photo('fingerpose-nocurl.jpg'))).toEqual({ format: 'jpeg', width: 480, height: 640 });
    expect(sniffImage(photo('fingerpose-gif-frame03.png'))).toEqual({ format: 'png', width: 320, height: 240, animated: false });
  });

  it('tells animated GIF and APNG from still ones', () => {
    expect(sniffImage(gif(1))).toEqual({ format: 'gif', width: 1, height: 1, animated: false });
    expect(sniffImage(gif(3))).toMatchObject({ format: 'gif', animated: true });
    expect(sniffImage(png(10, 10, ['acTL']))).toMatchObject({ format: 'png', animated: true });
  });

  it('knows SVG, HEIC and WebP', () => {
    const enc = (s: string) => new TextEncoder().encode(s);
    expect(sniffImage(enc('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"/>')).format).toBe('svg');
    const heic = new Uint8Array(24);
    heic.set(enc('ftypheic'), 4);
    expect(sniffImage(heic).format).toBe('heic');
    const webp = new Uint8Array(30);
    webp.set(enc('RIFF'), 0);
    webp.set(enc('WEBPVP8X'), 8);
    webp.set([0x02, 0, 0, 0, 0x3f, 0x01, 0, 0xef, 0, 0], 20); // animated, 320×240
    expect(sniffImage(webp)).toEqual({ format: 'webp', width: 320, height: 240, animated: true });
  });
});

describe('triage', () => {
  it('stops what it cannot or should not decode, with the reason', () => {
    expect(triage(new Uint8Array(0))).toMatchObject({ ok: false, problem: 'empty' });
    expect(triage(png(20000, 20000))).toMatchObject({ ok: false, problem: 'too-large' });
    expect(triage(new TextEncoder().encode('<svg/>'))).toMatchObject({ ok: false, problem: 'svg' });
    expect(triage(new Uint8Array(100).fill(7))).toMatchObject({ ok: false, problem: 'unsupported-format' });
    expect(triage(png(0, 10))).toMatchObject({ ok: false, problem: 'corrupt' });
    const truncatedJpeg = photo('fingerpose-nocurl.jpg').subarray(0, 20);
    expect(triage(truncatedJpeg)).toMatchObject({ ok: false, problem: 'corrupt' });
  });

  it('lets ordinary photos through, and notes an animation', () => {
    expect(triage(photo('fingerpose-fullcurl.jpg'))).toMatchObject({ ok: true });
    expect(triage(gif(2))).toMatchObject({ ok: true, note: 'animated' });
    expect(triage(png(8000, 4000))).toMatchObject({ ok: true });
  });
});

describe('JPEG orientation', () => {
  /** A JPEG header with an EXIF orientation and a SOF0 of w×h (stored, before turning). */
  function jpeg(w: number, h: number, orientation: number, littleEndian = false): Uint8Array {
    const tiff: number[] = littleEndian
      ? [0x49, 0x49, 0x2a, 0, 8, 0, 0, 0, 1, 0, 0x12, 0x01, 3, 0, 1, 0, 0, 0, orientation, 0, 0, 0, 0, 0, 0, 0]
      : [0x4d, 0x4d, 0, 0x2a, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, orientation, 0, 0, 0, 0, 0, 0];
    const app1 = [...new TextEncoder().encode('Exif\0\0'), ...tiff];
    const len = app1.length + 2;
    return Uint8Array.from([0xff, 0xd8, 0xff, 0xe1, len >> 8, len & 255, ...app1, 0xff, 0xc0, 0, 17, 8, h >> 8, h & 255, w >> 8, w & 255, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
  }
  it('gives the size as displayed: a phone photo stored landscape and turned to portrait', () => {
    expect(sniffImage(jpeg(4032, 3024, 6))).toEqual({ format: 'jpeg', width: 3024, height: 4032, orientation: 6 });
    expect(sniffImage(jpeg(4032, 3024, 8, true))).toEqual({ format: 'jpeg', width: 3024, height: 4032, orientation: 8 });
    expect(sniffImage(jpeg(4032, 3024, 3))).toEqual({ format: 'jpeg', width: 4032, height: 3024, orientation: 3 });
    expect(sniffImage(jpeg(4032, 3024, 1))).toEqual({ format: 'jpeg', width: 4032, height: 3024 });
  });
});
