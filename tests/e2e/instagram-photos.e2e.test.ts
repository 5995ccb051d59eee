/**
 * Photos on Instagram: the photo is chosen at the first step of the create flow, before the
 * caption box exists; it is checked at once (hands and the text in it), and Share at the last step
 * warns with the hand or the words boxed.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, openSite, ROOT_DIR, serveSites, sitePosts, typeIn, waitForSitePosts, warmUp, type LaunchedBrowser, type SiteServer } from './harness';

const HOME = 'https://www.instagram.com/';
const PHOTOS = path.join(ROOT_DIR, 'tests/vision/photos');
let browser: LaunchedBrowser;
let server: SiteServer;
let page: Page;

const textButton = (p: Page, text: string) => p.locator('[role="dialog"] [role="button"]', { hasText: new RegExp(`^${text}$`) });
const caption = (p: Page) => p.locator('[role="dialog"] [contenteditable="true"]').first();

async function createWith(file: string) {
  await page?.close();
  page = await openSite(browser.context, HOME, 'main[role="main"]');
  await page.locator('a:has(svg[aria-label="Postingan baru"])').click();
  await page.locator('[role="dialog"] input[type="file"]').setInputFiles({ name: file, mimeType: file.endsWith('.png') ? 'image/png' : 'image/jpeg', buffer: readFileSync(path.join(PHOTOS, file)) });
  await textButton(page, 'Berikutnya').click();
  await textButton(page, 'Berikutnya').click();
  await caption(page).waitFor();
  await typeIn(page, caption(page), 'Kegiatan pelayanan hari ini.');
}

beforeAll(async () => {
  browser = await launchWithExtension({ locale: 'id' });
  server = await serveSites(browser.context);
  await warmUp(browser.context, { url: HOME });
});
afterAll(async () => browser?.close());

describe('photos in the Instagram create flow', () => {
  it('a thumbs-up photo: Share warns, names the photo, boxes the hand; nothing is published', async () => {
    await createWith('fingerpose-gif-frame15.png');
    await textButton(page, 'Bagikan').click();
    const dlg = page.getByRole('alertdialog');
    await dlg.waitFor();
    await expect.poll(() => dlg.locator('li.photo-finding').count(), { timeout: 30_000 }).toBe(1);
    expect(await dlg.innerText()).toContain('foto 1 (fingerpose-gif-frame15.png), tangan 1: jempol');
    await expect(dlg.locator('li.photo-finding canvas.thumb').count()).resolves.toBe(1);
    expect(await sitePosts(page)).toEqual([]);
  });

  it('a fist: shared, with its photo', async () => {
    await createWith('fingerpose-fullcurl.jpg');
    await textButton(page, 'Bagikan').click();
    const [p] = await waitForSitePosts(page, 1, 30_000);
    expect(p).toMatchObject({ kind: 'caption', files: ['fingerpose-fullcurl.jpg'] });
    await expect.poll(() => page.getByRole('alertdialog').count()).toBe(0);
  });

  it('a campaign poster: Share warns with "tulisan di foto", the words read and boxed on the thumbnail; nothing is published', async () => {
    await page?.close();
    page = await openSite(browser.context, HOME, 'main[role="main"]');
    await page.locator('a:has(svg[aria-label="Postingan baru"])').click();
    const poster = 'poster-coblos-nomor-2.jpg';
    await page.locator('[role="dialog"] input[type="file"]').setInputFiles({ name: poster, mimeType: 'image/jpeg', buffer: readFileSync(path.join(ROOT_DIR, 'tests/vision/text', poster)) });
    await textButton(page, 'Berikutnya').click();
    await textButton(page, 'Berikutnya').click();
    await caption(page).waitFor();
    await typeIn(page, caption(page), 'Kegiatan pelayanan hari ini.');
    await textButton(page, 'Bagikan').click();
    const dlg = page.getByRole('alertdialog');
    await dlg.waitFor();
    const item = dlg.locator('li.photo-finding[data-kind="text"]').first();
    await item.waitFor({ timeout: 60_000 });
    const text = await item.innerText();
    expect(text).toContain('tulisan di foto');
    expect(text).toContain(`foto 1 (${poster})`);
    expect((await item.locator('mark.read').innerText()).toLowerCase()).toContain('coblos');
    await expect(item.locator('canvas.thumb').isVisible()).resolves.toBe(true);
    expect((JSON.parse((await item.locator('canvas.thumb').getAttribute('data-boxes')) ?? '[]') as unknown[]).length).toBeGreaterThan(0);
    expect(await sitePosts(page)).toEqual([]);
  });

  it('made no network request of its own', () => {
    expect(server.foreign()).toEqual([]);
  });
});
