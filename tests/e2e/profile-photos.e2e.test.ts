/**
 * Profile pictures on X and Facebook, end to end: a picture chosen in the site's profile dialog is
 * checked when chosen, and Save warns before a picture with a finding is published; a clean picture
 * saves as usual. The X fixture records each save in window.__xProfileSaves, the Facebook fixture in
 * window.__posts (kind "profile-picture").
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

describe('privacy', () => {
  it('made no network request of its own', () => {
    expect(suite.server.foreign()).toEqual([]);
  });
});
