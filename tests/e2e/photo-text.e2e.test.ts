/**
 * Text in photos, end to end: the built extension in Chromium reads the words of an attached
 * photo (Tesseract in the offscreen document's worker, files inside the extension), judges them
 * with the same rules as typed text, and boxes the words on the warning's thumbnail. A greeting
 * card goes out untouched. The settings page's Coba box says the same. The photos are the
 * rendered, labelled set in tests/vision/text.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { serviceWorker } from './policy-support';
import { attachXPhotos as attach, clickXPost as clickPost, openComposer, photoCheckingMarker as checkingMarker, posts, ROOT_DIR, typeInto, useSuiteBrowser, waitForPosts } from './harness';

const TEXT = path.join(ROOT_DIR, 'tests/vision/text');
const photo = (name: string) => ({ name, mimeType: name.endsWith('.png') ? 'image/png' : 'image/jpeg', buffer: readFileSync(path.join(TEXT, name)) });
const POSTER = 'poster-coblos-nomor-2.jpg'; // "COBLOS NOMOR 2" / "PRABOWO GIBRAN"
const GREETING = 'greeting-idul-fitri.jpg';
const NEUTRAL = 'Dokumentasi kegiatan kantor hari ini.';

const suite = useSuiteBrowser({ locale: 'id' });

const warning = (p: Page) => p.getByRole('alertdialog');

const offscreenDocuments = async () => {
  const sw = await serviceWorker(suite.context, 'mekapaehnloejpjllmbgdepkmodmjhin');
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return sw.evaluate(async () => ((await (globalThis as any).chrome.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'] })) as unknown[]).length);
};

describe('text in photos', () => {
  it('the engine starts when the composer gets focus, before any photo is chosen', async () => {
    const page = await openComposer(suite.context, '/home');
    expect(await offscreenDocuments()).toBe(0);
    await page.locator('[data-testid="tweetTextarea_0"]').first().click();
    await expect.poll(offscreenDocuments, { timeout: 30_000 }).toBe(1);
    await page.close();
  });

  it('a campaign poster on X: "tulisan di foto", the words read, and the words boxed on the thumbnail', async () => {
    const page = await openComposer(suite.context, '/home');
    await typeInto(page, 'tweetTextarea_0', NEUTRAL);
    await attach(page, [photo(POSTER)]);
    await page.locator('jaga-netral-ui button.marker.violation').waitFor({ state: 'visible', timeout: 60_000 });

    await clickPost(page);
    const dlg = warning(page);
    await dlg.waitFor({ state: 'visible' });
    const item = dlg.locator('li.photo-finding[data-kind="text"][data-rule="ajakan-coblos-nomor"]');
    await item.waitFor();
    const text = await item.innerText();
    expect(text).toContain('tulisan di foto');
    expect(text).toContain(`foto 1 (${POSTER})`);
    expect((await item.locator('mark.read').innerText()).toLowerCase()).toBe('coblos nomor 2');
    expect(text).toContain('R02');
    // the boxes: the words' places in the photo, drawn in red on the thumbnail that is on screen
    const thumb = item.locator('canvas.thumb');
    await expect(thumb.isVisible()).resolves.toBe(true);
    const boxes = JSON.parse((await thumb.getAttribute('data-boxes'))!) as number[][];
    expect(boxes).toHaveLength(3); // COBLOS, NOMOR, 2
    // the photo went to the engine at 1080×1080; the title line sits above the middle, across it
    const left = Math.min(...boxes.map((b) => b[0]!));
    const right = Math.max(...boxes.map((b) => b[0]! + b[2]!));
    expect(left).toBeLessThan(300);
    expect(right).toBeGreaterThan(780);
    for (const [, y, , h] of boxes) {
      expect(y!).toBeGreaterThan(250);
      expect(y! + h!).toBeLessThan(540);
    }
    const px = await thumb.evaluate((c: HTMLCanvasElement, b: number[]) => {
      const s = c.width / 1080;
      return Array.from(c.getContext('2d')!.getImageData(Math.round((b[0]! + b[2]! / 2) * s), Math.round(b[1]! * s), 1, 1).data);
    }, boxes[0]!);
    expect(px[0]).toBeGreaterThan(180); // red stroke on the box's top edge
    expect(px[1]).toBeLessThan(90);
    await dlg.screenshot({ path: path.join(ROOT_DIR, 'tests/e2e/.artifacts/x-photo-text.png') });

    // Edit: back to the draft, nothing sent
    await dlg.locator('button[data-action="edit"]').click();
    expect(await posts(page)).toEqual([]);
    await page.close();
  });

  it('a greeting card is read and stays quiet: the post goes out with no warning', async () => {
    const page = await openComposer(suite.context, '/home');
    await typeInto(page, 'tweetTextarea_0', NEUTRAL);
    await attach(page, [photo(GREETING)]);
    await expect.poll(() => checkingMarker(page).count(), { timeout: 60_000 }).toBe(0);
    await clickPost(page);
    const [post] = await waitForPosts(page, 1, 30_000);
    expect(post!.texts).toEqual([NEUTRAL]);
    expect(await warning(page).count()).toBe(0);
    await page.close();
  });

  it('Coba box: the poster is flagged for its text, the greeting card is not', async () => {
    const o = await suite.context.newPage();
    await o.goto(`chrome-extension://mekapaehnloejpjllmbgdepkmodmjhin/options.html`);
    const input = o.locator('input[data-field="try-photo"]');
    const result = o.getByTestId('try-photo-result');
    await input.setInputFiles(photo(POSTER));
    await result.and(o.locator(':not([data-state="checking"])')).waitFor({ timeout: 90_000 });
    expect(await result.getAttribute('data-state')).toBe('violation');
    const li = result.locator('li[data-kind="text"][data-rule="ajakan-coblos-nomor"]');
    expect((await li.innerText()).toLowerCase()).toContain('coblos nomor 2');
    expect(await li.innerText()).toContain('tulisan di foto');
    // the words boxed on the photo, on screen
    const thumb = li.locator('canvas.thumb');
    await expect(thumb.isVisible()).resolves.toBe(true);
    expect(JSON.parse((await thumb.getAttribute('data-boxes'))!)).toHaveLength(3);
    await o.locator('#try').screenshot({ path: path.join(ROOT_DIR, 'tests/e2e/.artifacts/options-try-photo-text.png') });

    await input.setInputFiles(photo(GREETING));
    await result.and(o.locator('[data-state]:not([data-state="checking"])')).waitFor({ timeout: 90_000 });
    await expect.poll(() => result.getAttribute('data-state'), { timeout: 90_000 }).toBe('ok');
    await o.close();
  }, 180_000);

  it('made no network request of its own', () => {
    expect(suite.server.foreign()).toEqual([]);
  });
});
