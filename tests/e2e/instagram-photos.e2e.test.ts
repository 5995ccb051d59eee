/**
 * Photos on Instagram: the photo is chosen at the first step of the create flow, before the
 * caption box exists; it is checked at once (hands and the text in it), and Share at the last step
 * warns with the hand or the words boxed. A photo deleted from the crop step's gallery ("Hapus",
 * then "Buang" in "Buang foto?") no longer counts, nor do the photos of a post discarded with Back
 * ("Buang postingan?" → "Buang"); "Batal" keeps them counting. A gallery whose thumbnails were
 * dragged into a new order still takes out the photo deleted, not the one at its old place.
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

  describe('photos taken out of the draft', () => {
    const POSTER = { dir: 'text', name: 'poster-coblos-nomor-2.jpg' };
    const FIST = { dir: 'photos', name: 'fingerpose-fullcurl.jpg' };
    const THUMBS_UP = { dir: 'photos', name: 'fingerpose-gif-frame15.png' };
    const fileOf = (f: { dir: string; name: string }) => ({
      name: f.name,
      mimeType: f.name.endsWith('.png') ? 'image/png' : 'image/jpeg',
      buffer: readFileSync(path.join(ROOT_DIR, 'tests/vision', f.dir, f.name)),
    });
    const dialogButton = (p: Page, label: string) => p.locator(`[role="dialog"] [role="button"]:has(> svg[aria-label="${label}"])`);
    /** Answers Instagram's "Buang …?" question. */
    const answer = (p: Page, question: string, choice: 'Buang' | 'Batal' | 'Discard') =>
      p.locator(`[role="dialog"][aria-label="${question}"] button`, { hasText: new RegExp(`^${choice}$`) }).click();

    async function chooseAtFirstStep(files: { dir: string; name: string }[]) {
      await page.locator('[role="dialog"] input[type="file"]').setInputFiles(files.map(fileOf));
      await textButton(page, 'Berikutnya').waitFor();
    }
    async function startWith(files: { dir: string; name: string }[], url = HOME) {
      await page?.close();
      page = await openSite(browser.context, url, 'main[role="main"]');
      await page.locator('a:has(svg[aria-label="Postingan baru"])').click();
      await chooseAtFirstStep(files);
    }
    /** Deletes the n-th photo in the crop step's gallery, answering "Buang foto?". */
    async function deleteInGallery(n: number, choice: 'Buang' | 'Batal') {
      if (!(await page.locator('[role="dialog"] .thumb').count())) await dialogButton(page, 'Buka galeri').click();
      await page.locator('[role="dialog"] .thumb').nth(n).locator('[role="button"]:has(> svg[aria-label="Hapus"])').click();
      await answer(page, 'Buang foto?', choice);
    }
    /** Drags the from-th thumbnail of the crop step's gallery onto the to-th one's place: HTML5 drag and drop, or a pointer press that moves. */
    async function reorderInGallery(from: number, to: number, how: 'html5' | 'pointer' = 'html5') {
      const thumbs = page.locator('[role="dialog"] .thumb');
      if (!(await thumbs.count())) await dialogButton(page, 'Buka galeri').click();
      if (how === 'html5') return thumbs.nth(from).dragTo(thumbs.nth(to));
      const [a, b] = [await thumbs.nth(from).boundingBox(), await thumbs.nth(to).boundingBox()];
      await page.mouse.move(a!.x + a!.width / 2, a!.y + a!.height / 2);
      await page.mouse.down();
      await page.mouse.move(b!.x + b!.width / 2, b!.y + b!.height / 2, { steps: 8 });
      await page.mouse.up();
    }
    async function shareWithCaption() {
      await textButton(page, 'Berikutnya').click();
      await textButton(page, 'Berikutnya').click();
      await caption(page).waitFor();
      await typeIn(page, caption(page), 'Kegiatan pelayanan hari ini.');
      await textButton(page, 'Bagikan').click();
    }
    const shownPhotos = () => page.locator('[role="dialog"] .thumb').evaluateAll((ts) => ts.map((t) => t.getAttribute('title')));
    async function sharedOnceUnwarned(files: string[]) {
      const [p] = await waitForSitePosts(page, 1, 60_000);
      expect(p).toMatchObject({ kind: 'caption', files });
      await page.waitForTimeout(600);
      expect(await sitePosts(page)).toHaveLength(1);
      expect(await page.getByRole('alertdialog').count()).toBe(0);
    }
    async function warnedAbout(name: string) {
      const dlg = page.getByRole('alertdialog');
      await dlg.waitFor();
      const item = dlg.locator('li.photo-finding[data-kind="text"]').first();
      await item.waitFor({ timeout: 60_000 });
      expect(await item.innerText()).toContain(`foto 1 (${name})`);
      expect(await sitePosts(page)).toEqual([]);
    }

    it('the poster deleted in the gallery ("Buang"): shared once with the other photo, unwarned', async () => {
      await startWith([POSTER, FIST]);
      await deleteInGallery(0, 'Buang');
      expect(await shownPhotos()).toEqual([FIST.name]);
      await shareWithCaption();
      await sharedOnceUnwarned([FIST.name]);
    });

    it('only the clean photo deleted: the poster still counts, Share warns and publishes nothing', async () => {
      await startWith([POSTER, FIST]);
      await deleteInGallery(1, 'Buang');
      expect(await shownPhotos()).toEqual([POSTER.name]);
      await shareWithCaption();
      await warnedAbout(POSTER.name);
    });

    it('the gallery reordered by dragging, then the clean photo deleted: the poster still counts, Share warns', async () => {
      await startWith([POSTER, FIST]);
      await reorderInGallery(1, 0);
      expect(await shownPhotos()).toEqual([FIST.name, POSTER.name]);
      await deleteInGallery(0, 'Buang');
      expect(await shownPhotos()).toEqual([POSTER.name]);
      await shareWithCaption();
      await warnedAbout(POSTER.name);
    });

    it('the gallery reordered by dragging, then the poster deleted: shared once with the other photo, unwarned', async () => {
      await startWith([POSTER, FIST]);
      await reorderInGallery(1, 0);
      expect(await shownPhotos()).toEqual([FIST.name, POSTER.name]);
      await deleteInGallery(1, 'Buang');
      expect(await shownPhotos()).toEqual([FIST.name]);
      await shareWithCaption();
      await sharedOnceUnwarned([FIST.name]);
    });

    it('a gallery reordered by a pointer drag (no HTML5 drag and drop), then the clean photo deleted: the poster still counts', async () => {
      await startWith([POSTER, FIST], `${HOME}?variant=pointerdrag`);
      await reorderInGallery(0, 1, 'pointer');
      expect(await shownPhotos()).toEqual([FIST.name, POSTER.name]);
      await deleteInGallery(0, 'Buang');
      expect(await shownPhotos()).toEqual([POSTER.name]);
      await shareWithCaption();
      await warnedAbout(POSTER.name);
    });

    it('"Batal" at "Buang foto?": the poster stays and still counts', async () => {
      await startWith([POSTER, FIST]);
      await deleteInGallery(0, 'Batal');
      expect(await shownPhotos()).toEqual([POSTER.name, FIST.name]);
      await shareWithCaption();
      await warnedAbout(POSTER.name);
    });

    it('in English ("Delete", then "Discard" at "Discard photo?"): the poster deleted no longer counts', async () => {
      await page?.close();
      page = await openSite(browser.context, `${HOME}?lang=en`, 'main[role="main"]');
      await page.locator('a:has(svg[aria-label="New post"])').click();
      await page.locator('[role="dialog"] input[type="file"]').setInputFiles([POSTER, FIST].map(fileOf));
      await dialogButton(page, 'Open media gallery').click();
      await page.locator('[role="dialog"] .thumb').nth(0).locator('[role="button"]:has(> svg[aria-label="Delete"])').click();
      await answer(page, 'Discard photo?', 'Discard');
      expect(await shownPhotos()).toEqual([FIST.name]);
      await textButton(page, 'Next').click();
      await textButton(page, 'Next').click();
      await caption(page).waitFor();
      await typeIn(page, caption(page), 'Service day at the office.');
      await textButton(page, 'Share').click();
      await sharedOnceUnwarned([FIST.name]);
    });

    it('Back from the crop step discards the post ("Buang"): its photos no longer count; a clean one chosen next is shared unwarned', async () => {
      await startWith([POSTER, THUMBS_UP]);
      await dialogButton(page, 'Kembali').click();
      await answer(page, 'Buang postingan?', 'Buang');
      await page.locator('[role="dialog"] button', { hasText: 'Pilih dari komputer' }).waitFor();
      await chooseAtFirstStep([FIST]);
      await shareWithCaption();
      await sharedOnceUnwarned([FIST.name]);
    });
  });

  it('made no network request of its own', () => {
    expect(server.foreign()).toEqual([]);
  });
});
