/**
 * Profile and cover pictures on X, Facebook and Instagram, end to end: a picture chosen in the
 * site's profile flow is checked when chosen, and warned about before it is published — at Save
 * (X's Edit profile, Facebook's profile picture dialog and its cover photo bar) or, on Instagram,
 * where the upload starts the moment the file is chosen, at the choice itself; a clean picture goes
 * out as usual, once. The X fixture records each save in window.__xProfileSaves, the Facebook and
 * Instagram fixtures in window.__posts (kind "profile-picture" or "cover-photo").
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openSite, ROOT_DIR, sitePosts, tabBadges, useSuiteBrowser, waitForSitePosts } from './harness';

const TEXT = path.join(ROOT_DIR, 'tests/vision/text');
const photo = (name: string) => ({ name, mimeType: 'image/jpeg', buffer: readFileSync(path.join(TEXT, name)) });

const suite = useSuiteBrowser({ locale: 'id' });

const saves = (p: Page) => p.evaluate(() => (window as unknown as { __xProfileSaves: { avatar: string | null }[] }).__xProfileSaves);
const openProfile = () => openSite(suite.context, 'https://x.com/settings/profile', '[data-testid="Profile_Save_Button"]');
const avatarInput = (p: Page) => p.locator('[data-testid="editProfileAvatar"] input[type="file"]');
const save = (p: Page) => p.locator('[data-testid="Profile_Save_Button"]').click();

describe('profile pictures on X', () => {
  it('a campaign poster as the new avatar: Save warns first; Edit keeps the dialog, Post anyway saves once', async () => {
    const page = await openProfile();
    await avatarInput(page).setInputFiles(photo('poster-coblos-nomor-2.jpg'));
    await save(page);
    const dlg = page.getByRole('alertdialog');
    await dlg.waitFor({ state: 'visible' });
    const item = dlg.locator('li.photo-finding[data-kind="text"]').first();
    await item.waitFor({ timeout: 60_000 });
    expect(await item.innerText()).toContain('tulisan di foto');
    expect(await saves(page)).toEqual([]);
    await dlg.locator('button[data-action="edit"]').click();
    expect(await saves(page)).toEqual([]);
    await expect(page.locator('[data-testid="Profile_Save_Button"]').isVisible()).resolves.toBe(true);

    await save(page);
    await dlg.waitFor({ state: 'visible' });
    await dlg.locator('button[data-action="post"]').click();
    await expect.poll(() => saves(page)).toHaveLength(1);
    expect((await saves(page))[0]!.avatar).toBe('poster-coblos-nomor-2.jpg');
    // a dialog without a text box is not taken for a broken composer: protection is not marked degraded
    expect((await tabBadges(suite.context)).map((b) => b.badge)).not.toContain('!');
    await page.close();
  });

  it('a greeting card as the new avatar saves as usual, with no warning left on screen', async () => {
    const page = await openProfile();
    await avatarInput(page).setInputFiles(photo('greeting-idul-fitri.jpg'));
    await save(page);
    await expect.poll(() => saves(page), { timeout: 60_000 }).toHaveLength(1);
    await expect.poll(() => page.getByRole('alertdialog').count()).toBe(0);
    await page.close();
  });
});

describe('profile pictures on Facebook', () => {
  it('a campaign poster in the "Perbarui foto profil" dialog: Simpan warns first, nothing is published until the person chooses', async () => {
    const page = await openSite(suite.context, 'https://www.facebook.com/', '[role="button"][aria-label="Perbarui foto profil"]');
    await page.locator('[role="button"][aria-label="Perbarui foto profil"]').click();
    const dialog = page.locator('[role="dialog"][aria-label="Perbarui foto profil"]');
    await dialog.locator('input[type="file"]').setInputFiles(photo('poster-coblos-nomor-2.jpg'));
    await dialog.locator('[role="button"][aria-label="Simpan"]').click();
    const warn = page.getByRole('alertdialog');
    await warn.waitFor({ state: 'visible' });
    await warn.locator('li.photo-finding[data-kind="text"]').first().waitFor({ timeout: 60_000 });
    expect(await sitePosts(page)).toEqual([]);
    await warn.locator('button[data-action="post"]').click();
    const [post] = await waitForSitePosts(page, 1, 30_000);
    expect(post).toMatchObject({ site: 'facebook', kind: 'profile-picture', text: 'poster-coblos-nomor-2.jpg' });
    await page.close();
  });

  it('a greeting card saves as usual', async () => {
    const page = await openSite(suite.context, 'https://www.facebook.com/', '[role="button"][aria-label="Perbarui foto profil"]');
    await page.locator('[role="button"][aria-label="Perbarui foto profil"]').click();
    const dialog = page.locator('[role="dialog"][aria-label="Perbarui foto profil"]');
    await dialog.locator('input[type="file"]').setInputFiles(photo('greeting-idul-fitri.jpg'));
    await dialog.locator('[role="button"][aria-label="Simpan"]').click();
    const [post] = await waitForSitePosts(page, 1, 60_000);
    expect(post).toMatchObject({ kind: 'profile-picture', text: 'greeting-idul-fitri.jpg' });
    await expect.poll(() => page.getByRole('alertdialog').count()).toBe(0);
    await page.close();
  });
});

/** Picks a file through the site's own picker, opened by a click as a person would. */
async function choose(page: Page, opener: ReturnType<Page['locator']>, name: string): Promise<void> {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), opener.click()]);
  await chooser.setFiles(photo(name));
}

describe('cover photo on Facebook', () => {
  const openProfilePage = async () => {
    const page = await openSite(suite.context, 'https://www.facebook.com/budi.santoso', '[role="button"][aria-label="Edit foto sampul"]');
    await page.locator('[role="button"][aria-label="Edit foto sampul"]').click();
    await choose(page, page.getByRole('menuitem', { name: 'Unggah foto' }), 'poster-coblos-nomor-2.jpg');
    return page;
  };

  it('a campaign poster as the cover: "Simpan perubahan" warns first; Ubah keeps the new cover unsaved, Tetap kirim saves it once', async () => {
    const page = await openProfilePage();
    const saveChanges = page.locator('[role="button"][aria-label="Simpan perubahan"]');
    await saveChanges.click();
    const warn = page.getByRole('alertdialog');
    await warn.waitFor({ state: 'visible' });
    const item = warn.locator('li.photo-finding[data-kind="text"]').first();
    await item.waitFor({ timeout: 60_000 });
    expect(await item.innerText()).toContain('tulisan di foto');
    expect(await sitePosts(page)).toEqual([]);
    await warn.locator('button[data-action="edit"]').click();
    await expect.poll(() => warn.count()).toBe(0);
    expect(await sitePosts(page)).toEqual([]);
    await expect(page.getByTestId('cover-preview').innerText()).resolves.toBe('poster-coblos-nomor-2.jpg');

    await saveChanges.click();
    await warn.waitFor({ state: 'visible' });
    await warn.locator('button[data-action="post"]').click();
    const [post] = await waitForSitePosts(page, 1, 30_000);
    expect(post).toMatchObject({ site: 'facebook', kind: 'cover-photo', text: 'poster-coblos-nomor-2.jpg' });
    await page.waitForTimeout(500);
    expect(await sitePosts(page)).toHaveLength(1);
    await page.close();
  });

  it('a greeting card as the cover saves as usual; a poster chosen and cancelled before no longer counts', async () => {
    const page = await openProfilePage();
    await page.locator('[role="button"][aria-label="Batal"]').click();
    await page.locator('[role="button"][aria-label="Edit foto sampul"]').click();
    await choose(page, page.getByRole('menuitem', { name: 'Unggah foto' }), 'greeting-idul-fitri.jpg');
    await page.locator('[role="button"][aria-label="Simpan perubahan"]').click();
    const [post] = await waitForSitePosts(page, 1, 60_000);
    expect(post).toMatchObject({ kind: 'cover-photo', text: 'greeting-idul-fitri.jpg' });
    await expect.poll(() => page.getByRole('alertdialog').count()).toBe(0);
    expect(await sitePosts(page)).toHaveLength(1);
    await page.close();
  });
});

describe('profile photo on Instagram (uploaded as soon as it is chosen)', () => {
  const openProfilePage = () => openSite(suite.context, 'https://www.instagram.com/budi.santoso/', 'button[title="Ubah foto profil"]');
  const upload = async (page: Page, name: string) => {
    await page.locator('button[title="Ubah foto profil"]').click();
    await choose(page, page.getByRole('dialog').getByRole('button', { name: 'Unggah Foto' }), name);
  };

  it('a campaign poster: the upload waits for the warning; Ubah drops the choice, Tetap kirim uploads it once', async () => {
    const page = await openProfilePage();
    await upload(page, 'poster-coblos-nomor-2.jpg');
    const warn = page.getByRole('alertdialog');
    await warn.waitFor({ state: 'visible' });
    await warn.locator('li.photo-finding[data-kind="text"]').first().waitFor({ timeout: 60_000 });
    expect(await sitePosts(page)).toEqual([]);
    await warn.locator('button[data-action="edit"]').click();
    await expect.poll(() => warn.count()).toBe(0);
    await page.waitForTimeout(500);
    expect(await sitePosts(page)).toEqual([]);

    // the same file again: the picker was emptied, so choosing it is a new choice
    await choose(page, page.getByRole('dialog').getByRole('button', { name: 'Unggah Foto' }), 'poster-coblos-nomor-2.jpg');
    await warn.waitFor({ state: 'visible' });
    await warn.locator('li.photo-finding[data-kind="text"]').first().waitFor({ timeout: 60_000 });
    await warn.locator('button[data-action="post"]').click();
    const [post] = await waitForSitePosts(page, 1, 30_000);
    expect(post).toMatchObject({ site: 'instagram', kind: 'profile-picture', text: 'poster-coblos-nomor-2.jpg' });
    await page.waitForTimeout(500);
    expect(await sitePosts(page)).toHaveLength(1);
    await page.close();
  });

  it('a greeting card uploads once, after its check, with no warning left on screen', async () => {
    const page = await openProfilePage();
    await upload(page, 'greeting-idul-fitri.jpg');
    const [post] = await waitForSitePosts(page, 1, 60_000);
    expect(post).toMatchObject({ kind: 'profile-picture', text: 'greeting-idul-fitri.jpg' });
    await expect.poll(() => page.getByRole('alertdialog').count()).toBe(0);
    await page.waitForTimeout(500);
    expect(await sitePosts(page)).toHaveLength(1);
    await page.close();
  });

  it('the new-post picker is not taken for the profile photo: a photo chosen there is judged at Share, as before', async () => {
    const page = await openSite(suite.context, 'https://www.instagram.com/', 'svg[aria-label="Postingan baru"]');
    await page.locator('svg[aria-label="Postingan baru"]').click();
    await choose(page, page.getByRole('dialog').getByRole('button', { name: 'Pilih dari komputer' }), 'poster-coblos-nomor-2.jpg');
    // the site got the choice at once (the crop step opened) and nothing was published
    await page.getByRole('dialog').getByRole('heading', { name: 'Pangkas' }).waitFor();
    expect(await page.getByRole('alertdialog').count()).toBe(0);
    expect(await sitePosts(page)).toEqual([]);
    await page.close();
  });
});

describe('privacy', () => {
  it('made no network request of its own', () => {
    expect(suite.server.foreign()).toEqual([]);
  });
});
