/**
 * Photos on the X composer, end to end: the built extension in Chromium, photos
 * attached through the fixture's file input, checked at attach time by the real hand engine
 * (MediaPipe in the offscreen document, models built from npm packages), the warning with the
 * hand boxed, the bounded wait at Post, bad images, and the engine's restart.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page, Worker } from 'playwright-core';
import { attachXPhotos as attach, clickXPost as clickPost, launchWithExtension, openComposer, photoCheckingMarker as checkingMarker, posts, ROOT_DIR, serveSites, typeInto, waitForPosts, warmUp, type LaunchedBrowser, type SiteServer } from './harness';

const PHOTOS = path.join(ROOT_DIR, 'tests/vision/photos');
const photo = (name: string) => ({ name, mimeType: name.endsWith('.png') ? 'image/png' : 'image/jpeg', buffer: readFileSync(path.join(PHOTOS, name)) });
const TWO = 'fingerpose-gif-frame03.png'; // peace sign: two fingers
const FIST = 'fingerpose-fullcurl.jpg'; // clenched fist: allowed
const NEUTRAL = 'Dokumentasi rapat koordinasi anggaran hari ini.';

let browser: LaunchedBrowser;
let server: SiteServer;
let page: Page;

const warning = (p: Page) => p.getByRole('alertdialog');

async function serviceWorker(): Promise<Worker> {
  const sw = browser.context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
  return sw ?? (await browser.context.waitForEvent('serviceworker'));
}

beforeAll(async () => {
  browser = await launchWithExtension({ locale: 'id' });
  server = await serveSites(browser.context);
  await warmUp(browser.context);
});

afterAll(async () => {
  await browser?.close();
});

beforeEach(async () => {
  await page?.close();
  page = await openComposer(browser.context, '/home');
});

describe('photos on the X composer', () => {
  it('a peace-sign photo: checked at attach time, then the warning names the photo and boxes the hand', async () => {
    await typeInto(page, 'tweetTextarea_0', NEUTRAL);
    await attach(page, [photo(TWO)]);
    // the small "memeriksa foto…" state shows while the engine works, then gives way to the finding
    await checkingMarker(page).waitFor({ state: 'visible' });
    await expect(checkingMarker(page).innerText()).resolves.toContain('memeriksa foto');
    const marker = page.locator('jaga-netral-ui button.marker.violation');
    await marker.waitFor({ state: 'visible', timeout: 30_000 });

    await clickPost(page);
    const dlg = warning(page);
    await dlg.waitFor({ state: 'visible' });
    const text = await dlg.innerText();
    expect(text).toContain('Tulisan ini bisa melanggar netralitas ASN');
    expect(text).toContain(`foto 1 (${TWO}), tangan 1: dua jari (peace)`);
    expect(text).toContain('nomor 2');
    expect(text).toContain('R04');
    const item = dlg.locator('li.photo-finding').first();
    await expect(item.getAttribute('data-gesture')).resolves.toBe('two');
    // the thumbnail with the hand's box: a canvas, with the box inside the photo where the hand is
    const thumb = item.locator('canvas.thumb');
    const boxes = JSON.parse((await thumb.getAttribute('data-boxes'))!) as number[][];
    expect(boxes).toHaveLength(1);
    const [x, y, w, h] = boxes[0]!;
    // the hand in this 320×240 frame is right of centre, upper half
    expect(x! + w! / 2).toBeGreaterThan(160);
    expect(x! + w! / 2).toBeLessThan(290);
    expect(y! + h! / 2).toBeLessThan(180);
    const size = await thumb.evaluate((c: HTMLCanvasElement) => [c.width, c.height]);
    expect(size).toEqual([320, 240]);
    // the red box is drawn: a pixel on its top edge is red
    const px = await thumb.evaluate((c: HTMLCanvasElement, b: number[]) => Array.from(c.getContext('2d')!.getImageData(b[0]! + b[2]! / 2, b[1]!, 1, 1).data), boxes[0]!);
    expect(px[0]).toBeGreaterThan(180);
    expect(px[1]).toBeLessThan(90);

    await dlg.locator('button[data-action="edit"]').click();
    expect(await posts(page)).toEqual([]);
    await clickPost(page);
    await dlg.waitFor({ state: 'visible' });
    await dlg.locator('button[data-action="post"]').click();
    const [post] = await waitForPosts(page, 1);
    expect(post!.texts).toEqual([NEUTRAL]);
  });

  it('Post pressed while the check runs: visible progress, then a clean photo (a fist) goes out by itself', async () => {
    await typeInto(page, 'tweetTextarea_0', NEUTRAL);
    // record whether the progress ever showed in the warning (observers fire before the next task)
    await page.evaluate(() => {
      const w = window as unknown as { __sawProgress: boolean };
      w.__sawProgress = false;
      const seen = (root: ParentNode) => root.querySelector('[role="alertdialog"] [role="status"]') && (w.__sawProgress = true);
      const watch = (root: ShadowRoot) => {
        seen(root);
        new MutationObserver(() => seen(root)).observe(root, { subtree: true, childList: true });
      };
      const host = document.querySelector('jaga-netral-ui');
      if (host?.shadowRoot) watch(host.shadowRoot);
      else
        new MutationObserver((_, obs) => {
          const h = document.querySelector('jaga-netral-ui');
          if (h?.shadowRoot) {
            obs.disconnect();
            watch(h.shadowRoot);
          }
        }).observe(document.documentElement, { childList: true });
    });
    await attach(page, [photo(FIST)]);
    await clickPost(page); // at once: the check (decode, encode, engine) is still running
    await expect(page.evaluate(() => (window as unknown as { __sawProgress: boolean }).__sawProgress)).resolves.toBe(true);
    // the check settles clean (a fist is allowed): the post goes out by itself, once
    const [post] = await waitForPosts(page, 1, 30_000);
    expect(post!.texts).toEqual([NEUTRAL]);
    await expect.poll(() => warning(page).count()).toBe(0);
  });

  it('bad images: empty, corrupt, SVG and huge get a clear note; nothing crashes, the post is not lost', async () => {
    await typeInto(page, 'tweetTextarea_0', NEUTRAL);
    // a PNG header claiming 20000×20000 (never decoded), random bytes named .jpg, an SVG, 0 bytes
    const huge = Buffer.alloc(33);
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]).copy(huge);
    huge.writeUInt32BE(20000, 16);
    huge.writeUInt32BE(20000, 20);
    const corrupt = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 251));
    await attach(page, [
      { name: 'kosong.jpg', mimeType: 'image/jpeg', buffer: Buffer.alloc(0) },
      { name: 'rusak.jpg', mimeType: 'image/jpeg', buffer: corrupt },
      { name: 'logo.svg', mimeType: 'image/svg+xml', buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>') },
      { name: 'raksasa.png', mimeType: 'image/png', buffer: huge },
      { name: 'jpeg-rusak.jpg', mimeType: 'image/jpeg', buffer: Buffer.concat([readFileSync(path.join(PHOTOS, FIST)).subarray(0, 2000)]) },
    ]);
    await clickPost(page);
    const dlg = warning(page);
    await dlg.waitFor({ state: 'visible' });
    const unchecked = dlg.locator('.unchecked li');
    await expect.poll(() => unchecked.count(), { timeout: 30_000 }).toBe(5);
    const problems = await unchecked.evaluateAll((els) => els.map((e) => e.getAttribute('data-problem')));
    // the last one is a JPEG cut short: the browser refuses to decode it
    expect(problems).toEqual(['empty', 'unsupported-format', 'svg', 'too-large', 'corrupt']);
    const text = await dlg.innerText();
    expect(text).toContain('berkas kosong (0 byte)');
    expect(text).toContain('gambar SVG tidak diperiksa');
    expect(text).toContain('ukuran gambar terlalu besar');
    await dlg.locator('button[data-action="post"]').click();
    const [post] = await waitForPosts(page, 1);
    expect(post!.texts).toEqual([NEUTRAL]);
  });

  it('if the engine dies, the next photo starts a fresh one and is checked', async () => {
    await typeInto(page, 'tweetTextarea_0', NEUTRAL);
    await attach(page, [photo(FIST)]);
    await expect.poll(() => checkingMarker(page).count(), { timeout: 30_000 }).toBe(0);
    const sw = await serviceWorker();
    // kill the engine's document, as a crash would
    const closed = await sw.evaluate(async () => {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      const chrome = (globalThis as any).chrome;
      const c = await chrome.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'] });
      if (!c.length) return false;
      await chrome.offscreen.closeDocument();
      return true;
    });
    expect(closed).toBe(true);
    await attach(page, [photo(TWO)]);
    await page.locator('jaga-netral-ui button.marker.violation').waitFor({ state: 'visible', timeout: 30_000 });
  });

  it('photos dropped or pasted into the editor are checked too', async () => {
    await typeInto(page, 'tweetTextarea_0', NEUTRAL);
    const b64 = readFileSync(path.join(PHOTOS, TWO)).toString('base64');
    for (const kind of ['drop', 'paste'] as const) {
      await page.evaluate(
        ({ b64, kind, name }) => {
          const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
          const dt = new DataTransfer();
          dt.items.add(new File([bytes], name, { type: 'image/png' }));
          const editor = document.querySelector('[data-testid="tweetTextarea_0"]')!;
          const e =
            kind === 'drop'
              ? new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true })
              : new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true });
          editor.dispatchEvent(e);
        },
        { b64, kind, name: `${kind}.png` },
      );
    }
    const marker = page.locator('jaga-netral-ui button.marker.violation');
    await marker.waitFor({ state: 'visible', timeout: 30_000 });
    await expect.poll(() => marker.getAttribute('data-count'), { timeout: 30_000 }).toBe('2');
    await clickPost(page);
    const text = await warning(page).innerText();
    expect(text).toContain('foto 1 (drop.png), tangan 1: dua jari');
    expect(text).toContain('foto 2 (paste.png), tangan 1: dua jari');
  });

  it('a photo removed from the draft no longer counts: the post goes out without a warning', async () => {
    await typeInto(page, 'tweetTextarea_0', NEUTRAL);
    await attach(page, [photo(FIST), photo(TWO)]);
    const marker = page.locator('jaga-netral-ui button.marker.violation');
    await marker.waitFor({ state: 'visible', timeout: 30_000 });
    // the peace sign is the second photo: its "Remove media" cross is the second
    await page.locator('[data-testid="attachments"] [data-testid="removeMedia"]').nth(1).click();
    await expect.poll(() => marker.count(), { timeout: 10_000 }).toBe(0);
    await clickPost(page);
    const [post] = await waitForPosts(page, 1, 30_000);
    expect(post!.texts).toEqual([NEUTRAL]);
    expect(await warning(page).count()).toBe(0);
  });

  it('made no network request of its own', () => {
    expect(server.foreign()).toEqual([]);
  });
});
