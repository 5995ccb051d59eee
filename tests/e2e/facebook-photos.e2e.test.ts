/**
 * Photos in Facebook's Create post dialog, end to end: a photo chosen with "Foto/video" is checked
 * as it is attached (hands, text in the photo), and Posting warns before a photo with a finding is
 * published — with the photo's thumbnail and the boxes on screen, the draft untouched after "Ubah",
 * the post published once after "Tetap kirim". A photo-only post (no text) is checked too; a clean
 * photo goes out as usual. A photo taken out of the draft again (the cross on its preview, or the
 * close of the whole media box) no longer counts; the others still do.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openSite, ROOT_DIR, sendAnywayOnce, sitePosts, typeIn, useSuiteBrowser, waitForSitePosts } from './harness';

const FEED = 'https://www.facebook.com/';
const file = (dir: string, name: string) => ({
  name,
  mimeType: name.endsWith('.png') ? 'image/png' : 'image/jpeg',
  buffer: readFileSync(path.join(ROOT_DIR, 'tests/vision', dir, name)),
});
const POSTER = file('text', 'poster-coblos-nomor-2.jpg'); // "COBLOS NOMOR 2" / "PRABOWO GIBRAN"
const GREETING = file('text', 'greeting-idul-fitri.jpg');
const TWO = file('photos', 'fingerpose-gif-frame03.png'); // peace sign: two fingers
const NEUTRAL = 'Dokumentasi kegiatan kantor hari ini.';

const suite = useSuiteBrowser({ locale: 'id', warmUpUrl: FEED });

const postEditor = (p: Page) => p.locator('[role="dialog"] [contenteditable="true"]').first();
const postButton = (p: Page) => p.locator('[role="dialog"] [role="button"][aria-label="Posting"]');
const warning = (p: Page) => p.getByRole('alertdialog');
const previewNames = (p: Page) => p.locator('[data-testid="fb-media"] .photo .name').allInnerTexts();
const violationMarker = (p: Page) => p.locator('jaga-netral-ui button.marker.violation');
/** The "Hapus" cross on the n-th preview (Facebook's per-photo remove). */
const removeCross = (p: Page, n: number) => p.locator('[data-testid="fb-media"] .photo').nth(n).locator('[role="button"][aria-label="Hapus"]');

async function composeWith(photos: ReturnType<typeof file>[], text?: string): Promise<Page> {
  const page = await openSite(suite.context, FEED, '[role="button"][aria-label="Buat postingan"]');
  await page.locator('[role="button"][aria-label="Buat postingan"]').click();
  await postEditor(page).waitFor();
  if (text) await typeIn(page, postEditor(page), text);
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.locator('[role="dialog"] [role="button"][aria-label="Foto/video"]').click()]);
  await chooser.setFiles(photos);
  await page.getByTestId('fb-media').waitFor();
  return page;
}

describe('photos in the Facebook post dialog', () => {
  it('a campaign poster: Posting warns with "tulisan di foto" and the boxed thumbnail; Ubah keeps the draft, Tetap kirim posts once', async () => {
    const page = await composeWith([POSTER], NEUTRAL);
    await postButton(page).click();
    const dlg = warning(page);
    await dlg.waitFor({ state: 'visible' });
    const item = dlg.locator('li.photo-finding[data-kind="text"]').first();
    await item.waitFor({ timeout: 60_000 });
    const text = await item.innerText();
    expect(text).toContain('tulisan di foto');
    expect(text).toContain(`foto 1 (${POSTER.name})`);
    const thumb = item.locator('canvas.thumb');
    await expect(thumb.isVisible()).resolves.toBe(true);
    expect((JSON.parse((await thumb.getAttribute('data-boxes')) ?? '[]') as unknown[]).length).toBeGreaterThan(0);
    expect(await sitePosts(page)).toEqual([]);

    await dlg.locator('button[data-action="edit"]').click();
    await expect.poll(() => dlg.count()).toBe(0);
    expect(await sitePosts(page)).toEqual([]);
    expect(await postEditor(page).innerText()).toBe(NEUTRAL);
    expect(await previewNames(page)).toEqual([POSTER.name]);

    await postButton(page).click();
    await dlg.waitFor({ state: 'visible' });
    await sendAnywayOnce(page, { site: 'facebook', kind: 'post', text: NEUTRAL, files: [POSTER.name] });
    await page.close();
  });

  it('a two-finger pose: the hand is named and boxed; nothing is published', async () => {
    const page = await composeWith([TWO], NEUTRAL);
    await postButton(page).click();
    const dlg = warning(page);
    await dlg.waitFor({ state: 'visible' });
    const item = dlg.locator('li.photo-finding[data-kind="pose"]').first();
    await item.waitFor({ timeout: 60_000 });
    expect(await item.innerText()).toContain(`foto 1 (${TWO.name}), tangan 1: dua jari`);
    await expect(item.locator('canvas.thumb').isVisible()).resolves.toBe(true);
    expect(await sitePosts(page)).toEqual([]);
    await page.close();
  });

  it('a photo-only post (no text) with a campaign poster is held too', async () => {
    const page = await composeWith([POSTER]);
    await postButton(page).click();
    const dlg = warning(page);
    await dlg.waitFor({ state: 'visible' });
    await dlg.locator('li.photo-finding[data-kind="text"]').first().waitFor({ timeout: 60_000 });
    expect(await sitePosts(page)).toEqual([]);
    await page.close();
  });

  it('a greeting card goes out as usual, once, with no warning left on screen', async () => {
    const page = await composeWith([GREETING], NEUTRAL);
    await postButton(page).click();
    const [post] = await waitForSitePosts(page, 1, 60_000);
    expect(post).toMatchObject({ kind: 'post', text: NEUTRAL, files: [GREETING.name] });
    await expect.poll(() => warning(page).count()).toBe(0);
    await page.waitForTimeout(500);
    expect(await sitePosts(page)).toHaveLength(1);
    await page.close();
  });
});

describe('photos taken out of the Facebook draft', () => {
  it('the campaign poster taken out with its cross: the marker clears, Posting goes out once with the other photo, unwarned', async () => {
    const page = await composeWith([POSTER, GREETING], NEUTRAL);
    await violationMarker(page).waitFor({ state: 'visible', timeout: 60_000 });
    await removeCross(page, 0).click();
    expect(await previewNames(page)).toEqual([GREETING.name]);
    await expect.poll(() => violationMarker(page).count(), { timeout: 10_000 }).toBe(0);
    await postButton(page).click();
    const [post] = await waitForSitePosts(page, 1, 60_000);
    expect(post).toMatchObject({ kind: 'post', text: NEUTRAL, files: [GREETING.name] });
    await page.waitForTimeout(600);
    expect(await sitePosts(page)).toHaveLength(1);
    expect(await warning(page).count()).toBe(0);
    await page.close();
  });

  it('only the clean photo taken out: the poster still counts, Posting warns and publishes nothing', async () => {
    const page = await composeWith([POSTER, GREETING], NEUTRAL);
    await removeCross(page, 1).click();
    expect(await previewNames(page)).toEqual([POSTER.name]);
    await postButton(page).click();
    const dlg = warning(page);
    await dlg.waitFor({ state: 'visible' });
    const item = dlg.locator('li.photo-finding[data-kind="text"]').first();
    await item.waitFor({ timeout: 60_000 });
    expect(await item.innerText()).toContain(`foto 1 (${POSTER.name})`);
    expect(await sitePosts(page)).toEqual([]);
    await page.close();
  });

  it('every photo taken out with the media box close ("Hapus" too): no photo warning, the text goes out once', async () => {
    const page = await composeWith([POSTER, TWO], NEUTRAL);
    await violationMarker(page).waitFor({ state: 'visible', timeout: 60_000 });
    await page.locator('[data-testid="fb-media"] .media-tools [role="button"][aria-label="Hapus"]').click();
    await expect.poll(() => page.getByTestId('fb-media').count()).toBe(0);
    await expect.poll(() => violationMarker(page).count(), { timeout: 10_000 }).toBe(0);
    await postButton(page).click();
    const [post] = await waitForSitePosts(page, 1, 30_000);
    expect(post).toMatchObject({ kind: 'post', text: NEUTRAL });
    expect(post!.files).toBeUndefined();
    await page.waitForTimeout(600);
    expect(await sitePosts(page)).toHaveLength(1);
    expect(await warning(page).count()).toBe(0);
    await page.close();
  });
});

describe('privacy', () => {
  it('made no network request of its own', () => {
    expect(suite.server.foreign()).toEqual([]);
  });
});
