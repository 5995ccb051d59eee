/**
 * Photos on Instagram (issue #4): the photo is chosen at the first step of the create flow, before the
 * caption box exists; it is checked at once, and Share at the last step warns with the hand boxed.
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

  it('made no network request of its own', () => {
    expect(server.foreign()).toEqual([]);
  });
});
