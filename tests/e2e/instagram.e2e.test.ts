/**
 * Instagram, as a person meets it: the built extension in Chromium, the create-post flow (photo, then a
 * Lexical caption) and comment forms with Instagram's structure, served at https://www.instagram.com.
 * Indonesian UI labels (the fixture's default) unless the test says otherwise.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  badgeTexts,
  launchWithExtension,
  openSite,
  serveSites,
  sitePosts,
  typeIn,
  waitForSitePosts,
  warmUp,
  type LaunchedBrowser,
  type SiteServer,
} from './harness';

let browser: LaunchedBrowser;
let server: SiteServer;
let page: Page;

const HOME = 'https://www.instagram.com/';
const CAMPAIGN = 'Foto bareng relawan. Ayo coblos nomor 2! #PrabowoGibran2024';
const NEUTRAL = 'Pelayanan KTP elektronik di kecamatan hari ini ramai.';
// a 1×1 PNG
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

const warning = (p: Page) => p.getByRole('alertdialog');
const caption = (p: Page) => p.locator('[role="dialog"] [contenteditable="true"]').first();
const commentBox = (p: Page, item = 'i1') => p.locator(`[data-item="${item}"] form textarea`);
const textButton = (p: Page, scope: string, text: string) => p.locator(`${scope} [role="button"]`, { hasText: new RegExp(`^${text}$`) });

const open = async (url = HOME) => {
  await page?.close();
  page = await openSite(browser.context, url, 'main[role="main"]');
};

/** Create flow up to the caption step: choose a photo, Next (crop), Next (edit). */
async function toCaption(p: Page, next = 'Berikutnya') {
  await p.locator('a:has(svg[aria-label="Postingan baru"]), a:has(svg[aria-label="New post"])').click();
  await p.locator('[role="dialog"] input[type="file"]').setInputFiles({ name: 'foto.png', mimeType: 'image/png', buffer: PNG });
  await textButton(p, '[role="dialog"]', next).click();
  await textButton(p, '[role="dialog"]', next).click();
  await caption(p).waitFor();
}

beforeAll(async () => {
  browser = await launchWithExtension({ locale: 'id' });
  server = await serveSites(browser.context);
  await warmUp(browser.context, { url: HOME });
});
afterAll(async () => browser?.close());
beforeEach(async () => open());

describe('Instagram caption in the create-post flow', () => {
  it('warns before a campaign caption is shared; nothing is published', async () => {
    await toCaption(page);
    await typeIn(page, caption(page), CAMPAIGN);
    await textButton(page, '[role="dialog"]', 'Bagikan').click();
    const dlg = warning(page);
    await dlg.waitFor();
    expect(await dlg.innerText()).toContain('Tulisan ini bisa melanggar netralitas ASN');
    expect(await dlg.locator('mark').allInnerTexts()).toContain('#PrabowoGibran2024');
    expect(await sitePosts(page)).toEqual([]);
  });

  it('a neutral caption is shared untouched, with its photo', async () => {
    await toCaption(page);
    await typeIn(page, caption(page), NEUTRAL);
    await textButton(page, '[role="dialog"]', 'Bagikan').click();
    const [p] = await waitForSitePosts(page, 1);
    expect(p).toMatchObject({ kind: 'caption', text: NEUTRAL, files: ['foto.png'] });
    expect(await warning(page).count()).toBe(0);
  });

  it('"Tetap kirim" shares exactly once; Enter in a caption is a new line', async () => {
    await toCaption(page);
    await typeIn(page, caption(page), 'Hari ini\nSalam dua jari ✌️ Prabowo');
    expect(await sitePosts(page)).toEqual([]);
    await textButton(page, '[role="dialog"]', 'Bagikan').click();
    await warning(page).getByRole('button', { name: 'Tetap kirim' }).click();
    const [p] = await waitForSitePosts(page, 1);
    expect(p).toMatchObject({ kind: 'caption', text: 'Hari ini\nSalam dua jari ✌️ Prabowo' });
    await page.waitForTimeout(600);
    expect(await sitePosts(page)).toHaveLength(1);
  });

  it('"Ubah tulisan" keeps the caption and the caret', async () => {
    await toCaption(page);
    await typeIn(page, caption(page), 'Ayo coblos nomor 2 sekarang');
    for (let i = 0; i < 'sekarang'.length; i++) await page.keyboard.press('ArrowLeft');
    await textButton(page, '[role="dialog"]', 'Bagikan').click();
    await warning(page).getByRole('button', { name: 'Ubah tulisan' }).click();
    await warning(page).waitFor({ state: 'detached' });
    await page.keyboard.type('juga ');
    expect(await caption(page).innerText()).toBe('Ayo coblos nomor 2 juga sekarang');
    expect(await sitePosts(page)).toEqual([]);
  });
});

describe('Instagram comments and replies', () => {
  it('checks a comment sent with Enter; "Tetap kirim" sends it once', async () => {
    await typeIn(page, commentBox(page), 'Jangan pilih Anies ya');
    await page.keyboard.press('Enter');
    await warning(page).waitFor();
    expect(await sitePosts(page)).toEqual([]);
    expect(await commentBox(page).inputValue()).toBe('Jangan pilih Anies ya');
    await warning(page).getByRole('button', { name: 'Tetap kirim' }).click();
    const [p] = await waitForSitePosts(page, 1);
    expect(p).toMatchObject({ kind: 'comment', text: 'Jangan pilih Anies ya' });
    await page.waitForTimeout(600);
    expect(await sitePosts(page)).toHaveLength(1);
  });

  it('checks the "Kirim" button too; a neutral comment goes out at once', async () => {
    await typeIn(page, commentBox(page), 'Prabowo presidenku');
    await textButton(page, '[data-item="i1"] form', 'Kirim').click();
    await warning(page).waitFor();
    await page.keyboard.press('Escape');
    await warning(page).waitFor({ state: 'detached' });
    expect(await commentBox(page).inputValue()).toBe('Prabowo presidenku');
    await commentBox(page).fill('');
    await typeIn(page, commentBox(page), NEUTRAL);
    await page.keyboard.press('Enter');
    const [p] = await waitForSitePosts(page, 1);
    expect(p).toMatchObject({ kind: 'comment', text: NEUTRAL, via: 'keyboard' });
    expect(await warning(page).count()).toBe(0);
  });

  it('checks a reply (the @mention Instagram puts in the box)', async () => {
    await textButton(page, '[data-item="i1"]', 'Balas').click();
    await expect.poll(() => commentBox(page).inputValue()).toBe('@siti.aminah ');
    await commentBox(page).press('End');
    await page.keyboard.type('setuju, menangkan Ganjar Mahfud');
    await page.keyboard.press('Enter');
    await warning(page).waitFor();
    expect(await sitePosts(page)).toEqual([]);
  });
});

describe('Instagram in English and when the site changes', () => {
  it('English UI labels work the same', async () => {
    await open(`${HOME}?lang=en`);
    await toCaption(page, 'Next');
    await typeIn(page, caption(page), CAMPAIGN);
    await textButton(page, '[role="dialog"]', 'Share').click();
    await warning(page).waitFor();
    expect(await sitePosts(page)).toEqual([]);
  });

  it('a changed caption editor degrades safely: the post goes out, the badge says so', async () => {
    await open(`${HOME}?variant=changed`);
    await toCaption(page);
    await typeIn(page, caption(page), CAMPAIGN);
    await page.waitForFunction(() => document.documentElement.getAttribute('data-jaga-netral-health') === 'degraded');
    await textButton(page, '[role="dialog"]', 'Bagikan').click();
    const [p] = await waitForSitePosts(page, 1);
    expect(p).toMatchObject({ kind: 'caption', text: CAMPAIGN });
    expect(await warning(page).count()).toBe(0);
    await expect.poll(async () => (await badgeTexts(browser.context)).filter((t) => t === '!').length).toBe(1);
  });

  it('makes no request of its own', () => {
    expect(server.foreign()).toEqual([]);
    expect(server.requests.some((r) => r.includes('https://www.instagram.com/'))).toBe(true);
  });
});
