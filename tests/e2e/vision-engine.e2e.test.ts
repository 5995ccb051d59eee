/**
 * The hand engine in Chromium, on its own: the built model bundle (public/vision/, from the npm
 * packages) loads into MediaPipe Tasks and detects hands; small hands in a large photo are found
 * on tiles; a photo is read for text in full only when a glance at a small copy shows a word; bad
 * images come back with a reason, and the engine keeps working after them.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openHeadlessEngine, type HeadlessEngine } from '../../vision/headless';
import { ROOT_DIR } from './harness';

const PHOTOS = path.join(ROOT_DIR, 'tests/vision/photos');
const read = (f: string) => new Uint8Array(readFileSync(path.join(PHOTOS, f)));
let engine: HeadlessEngine;

/** Draws `photo` small into a large canvas in the page and returns it as JPEG bytes. */
async function composite(photo: Uint8Array, canvas: [number, number], at: [number, number], width: number): Promise<Uint8Array> {
  const b64 = await engine.page.evaluate(
    async ({ b64, canvas, at, width }) => {
      const bmp = await createImageBitmap(new Blob([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))]));
      const c = new OffscreenCanvas(canvas[0], canvas[1]);
      const ctx = c.getContext('2d')!;
      ctx.fillStyle = '#9aa7b5';
      ctx.fillRect(0, 0, canvas[0], canvas[1]);
      ctx.drawImage(bmp, at[0], at[1], width, (width * bmp.height) / bmp.width);
      const out = new Uint8Array(await (await c.convertToBlob({ type: 'image/jpeg', quality: 0.92 })).arrayBuffer());
      let s = '';
      for (const x of out) s += String.fromCharCode(x);
      return btoa(s);
    },
    { b64: Buffer.from(photo).toString('base64'), canvas, at, width },
  );
  return new Uint8Array(Buffer.from(b64, 'base64'));
}

type TextApi = {
  analyseAs(b64: string, v: { glance?: boolean }): Promise<{ text?: { text: string; words: { text: string; conf: number; box: [number, number, number, number] }[] } }>;
  closeText(): Promise<void>;
};
const textPhoto = (f: string) => Buffer.from(readFileSync(path.join(ROOT_DIR, 'tests/vision/text', f))).toString('base64');
/** One labelled text photo through the photo check, with the glance or read in full at once. */
const as = (f: string, glance: boolean) =>
  engine.page.evaluate(([b64, g]) => (globalThis as unknown as { jagaVision: TextApi }).jagaVision.analyseAs(b64, { glance: g }), [textPhoto(f), glance] as const);

beforeAll(async () => {
  engine = await openHeadlessEngine();
});
afterAll(async () => {
  await engine?.close();
});

describe('hand engine in Chromium (built bundle)', () => {
  it('loads the built hand_landmarker.task and reads an index finger', async () => {
    const loadMs = await engine.load();
    expect(loadMs).toBeGreaterThan(0);
    const a = await engine.analyse(read('fingerpose-nocurl.jpg'));
    expect(a.problem).toBeUndefined();
    expect(a.hands).toHaveLength(1);
    expect(a.hands[0]).toMatchObject({ gesture: 'one', fingers: ['index'], count: 1 });
    // the box holds the raised finger (upper middle of the 480×640 photo)
    const [x, y, w, h] = a.hands[0]!.box;
    expect(x).toBeLessThan(240);
    expect(x + w).toBeGreaterThan(240);
    expect(y).toBeLessThan(150);
    expect(h).toBeGreaterThan(300);
  });

  it('finds a small hand in a large photo on tiles', async () => {
    // the 480×640 photo shrunk to 230 px wide in a corner of a 3000×2000 picture
    const big = await composite(read('fingerpose-nocurl.jpg'), [3000, 2000], [2650, 1550], 230);
    const a = await engine.analyse(big);
    expect(a.width).toBe(1280); // analysed downscaled
    expect(a.hands.length).toBeGreaterThanOrEqual(1);
    expect(a.hands[0]!.gesture).toBe('one');
    const [x, y] = a.hands[0]!.box;
    expect(x).toBeGreaterThan(1100);
    expect(y).toBeGreaterThan(600);
  });

  it('finds a small hand in a large square photo on its 2×2 tiles', async () => {
    const big = await composite(read('fingerpose-nocurl.jpg'), [2400, 2400], [300, 1900], 230);
    const a = await engine.analyse(big);
    expect(a.width).toBe(1280);
    expect(a.hands.length).toBeGreaterThanOrEqual(1);
    expect(a.hands[0]!.gesture).toBe('one');
    const [x, y] = a.hands[0]!.box;
    expect(x).toBeLessThan(400);
    expect(y).toBeGreaterThan(900);
  });

  it('a phone photo stored sideways with an EXIF orientation is read upright, downscaled without distortion', async () => {
    // the portrait photo turned to landscape (2560×1920), with EXIF orientation 6 ("turn 90° clockwise to view")
    const b64 = await engine.page.evaluate(async (b64) => {
      const bmp = await createImageBitmap(new Blob([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))]));
      const c = new OffscreenCanvas(2560, 1920);
      const ctx = c.getContext('2d')!;
      ctx.translate(0, 1920);
      ctx.rotate(-Math.PI / 2); // stored = displayed turned 90° anticlockwise
      ctx.drawImage(bmp, 0, 0, 1920, 2560);
      const jpg = new Uint8Array(await (await c.convertToBlob({ type: 'image/jpeg', quality: 0.9 })).arrayBuffer());
      const tiff = [0x4d, 0x4d, 0, 0x2a, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 6, 0, 0, 0, 0, 0, 0];
      const app1 = [...new TextEncoder().encode('Exif\0\0'), ...tiff];
      const out = Uint8Array.from([0xff, 0xd8, 0xff, 0xe1, (app1.length + 2) >> 8, (app1.length + 2) & 255, ...app1, ...jpg.subarray(2)]);
      let s = '';
      for (const x of out) s += String.fromCharCode(x);
      return btoa(s);
    }, Buffer.from(read('fingerpose-nocurl.jpg')).toString('base64'));
    const a = await engine.analyse(new Uint8Array(Buffer.from(b64, 'base64')));
    expect([a.width, a.height]).toEqual([960, 1280]);
    expect(a.hands[0]).toMatchObject({ gesture: 'one', count: 1 });
    const [, , w, h] = a.hands[0]!.box;
    expect(h).toBeGreaterThan(w); // upright: the raised finger is vertical
  });

  it('text: a photo the glance shows no word on is not read in full; a poster is', async () => {
    // read in full, the busy picture's texture passes for a few words; the glance sees none
    expect((await as('photo-no-text-busy.jpg', false)).text?.text).not.toBe('');
    expect((await as('photo-no-text-busy.jpg', true)).text?.text).toBe('');
    const poster = await as('poster-coblos-nomor-2.jpg', true);
    expect(poster.text?.text).toMatch(/COBLOS NOMOR 2/);
    // read at 720 px, boxed in the 1080-px photo's pixels: "COBLOS" starts left of the middle
    expect(poster.text!.words[0]!.box[0]).toBeGreaterThan(0);
    expect(poster.text!.words[0]!.box[0] + poster.text!.words[0]!.box[2]).toBeLessThan(1080);
    expect(poster.text!.words[0]!.box[2]).toBeGreaterThan(200);
  });

  it('text: a photo the glance shows a word on is read in full, word for word as without the glance', async () => {
    // the busy poster reads differently at 360 px ("PILIH MUHAIMIN") than at 720 ("AYO PILI ANIES MUHAIM")
    for (const f of ['poster-pilih-amin-busy.jpg', 'meme-menangkan-prabowo.jpg']) {
      const full = await as(f, false);
      expect(full.text?.text).not.toBe('');
      expect((await as(f, true)).text).toEqual(full.text);
    }
  });

  it('text: a reading is the picture\'s alone, the same in a fresh worker as after other photos', async () => {
    const target = 'poster-pilih-amin-busy.jpg';
    await engine.page.evaluate(() => (globalThis as unknown as { jagaVision: TextApi }).jagaVision.closeText());
    const first = await as(target, false); // the first photo of a new worker
    // words the glance and the full reading of other photos leave behind, if Tesseract kept any
    for (const f of ['poster-coblos-nomor-2.jpg', 'meme-menangkan-prabowo.jpg', 'greeting-idul-fitri.jpg', 'photo-no-text-busy.jpg', 'twibbon-hashtag-amin.jpg']) await as(f, true);
    await as(target, true);
    const after = await as(target, false);
    expect(first.text!.words.length).toBeGreaterThan(2);
    expect(after.text).toEqual(first.text);
  });

  it("a photo's fingerprint is the one it has decoded on its own, whether it shares the hands' copy (a JPEG at its own size) or not (a PNG with transparency, a photo larger than the hands' copy)", async () => {
    const jpeg = new Uint8Array(readFileSync(path.join(ROOT_DIR, 'tests/vision/text/poster-coblos-nomor-2.jpg')));
    expect((await engine.analyse(jpeg)).fingerprint).toEqual(await engine.fingerprint(jpeg, 'photo'));
    // half transparent: a premultiplied copy (what the hands see) has other colours than the fingerprint's
    const b64 = await engine.page.evaluate(async () => {
      const c = new OffscreenCanvas(600, 600);
      const ctx = c.getContext('2d')!;
      for (let i = 0; i < 36; i++) {
        ctx.fillStyle = `hsla(${i * 40} 70% 50% / ${0.2 + (i % 5) * 0.15})`;
        ctx.fillRect((i % 6) * 100, Math.floor(i / 6) * 100, 100, 100);
      }
      const out = new Uint8Array(await (await c.convertToBlob({ type: 'image/png' })).arrayBuffer());
      let s = '';
      for (const x of out) s += String.fromCharCode(x);
      return btoa(s);
    });
    const png = new Uint8Array(Buffer.from(b64, 'base64'));
    expect((await engine.analyse(png)).fingerprint).toEqual(await engine.fingerprint(png, 'photo'));
    // larger than the hands' copy (1280 px): fingerprinted from its own pixels, not the scaled copy
    const big = await composite(jpeg, [2400, 1800], [300, 200], 1500);
    expect((await engine.analyse(big)).fingerprint).toEqual(await engine.fingerprint(big, 'photo'));
  });

  it('bad images come back with a reason; the next photo is still read', async () => {
    expect((await engine.analyse(new Uint8Array(0))).problem).toBe('empty');
    // a JPEG cut short (Chromium refuses to decode a truncated JPEG)
    const photoBytes = read('fingerpose-nocurl.jpg');
    expect((await engine.analyse(photoBytes.subarray(0, photoBytes.length - 100))).problem).toBe('corrupt');
    expect((await engine.analyse(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>'))).problem).toBe('svg');
    const garbage = new Uint8Array(5000).map((_, i) => (i * 31) % 256);
    garbage.set([0xff, 0xd8, 0xff, 0xc0, 0, 17, 8, 0, 10, 0, 10], 0); // a JPEG header, then noise
    expect((await engine.analyse(garbage)).problem).toBe('corrupt');
    const heic = new Uint8Array(64);
    heic.set(new TextEncoder().encode('ftypheic'), 4);
    expect((await engine.analyse(heic)).problem).toBe('heic');
    // an animated GIF (two 1×1 frames): decoded, first frame checked, and said so
    const gif = Uint8Array.from([
      ...new TextEncoder().encode('GIF89a'), 1, 0, 1, 0, 0x80, 0, 0, 0, 0, 0, 255, 255, 255,
      ...[0, 1].flatMap(() => [0x21, 0xf9, 4, 0, 10, 0, 0, 0, 0x2c, 0, 0, 0, 0, 1, 0, 1, 0, 0, 2, 2, 0x4c, 0x01, 0]),
      0x3b,
    ]);
    expect(await engine.analyse(gif)).toMatchObject({ width: 1, height: 1, hands: [], problem: 'animated' });
    const a = await engine.analyse(read('fingerpose-gif-frame03.png'));
    expect(a.hands[0]?.gesture).toBe('two');
  });
});
