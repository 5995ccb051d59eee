/**
 * Instagram as it is served in 2025–26, as a person meets it: permalink pages (/p/…, /reel/…) with no
 * article, header or h1 (the author and caption are the comment list's first entry, after its time),
 * the post modal over the feed, Reels comments in an <input>, the comment "Kirim" that appears only once
 * text is typed, and hidden copies of the caption editor. Indonesian UI.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { cancelEngagement, engagements, openSite, sendAnywayOnce, sitePosts, typeIn, useSuiteBrowser, waitForSitePosts } from './harness';

const HOME = 'https://www.instagram.com/';
const suite = useSuiteBrowser({ locale: 'id', warmUpUrl: HOME });
let page: Page;

const CAMPAIGN = 'Ayo coblos nomor 2! #PrabowoGibran2024';
const NEUTRAL = 'Pelayanan KTP elektronik di kecamatan hari ini ramai.';
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const warning = (p: Page) => p.getByRole('alertdialog');
const textButton = (p: Page, scope: string, text: string) => p.locator(`${scope} [role="button"]`, { hasText: new RegExp(`^${text}$`) });
const icon = (p: Page, scope: string, label: string) => p.locator(`${scope} [role="button"]:has(svg[aria-label="${label}"])`);
const open = async (url: string) => {
  await page?.close();
  page = await openSite(suite.context, url, 'main[role="main"]');
};

describe('Instagram permalink page (/p/…)', () => {
  it('Follow on a campaign post warns, judged by the caption entry; "Batalkan" leaves it unfollowed; Like is not asked again', async () => {
    await open(`${HOME}p/C2relawan/`);
    await textButton(page, 'main', 'Ikuti').click();
    const dlg = warning(page);
    await dlg.waitFor();
    const text = await dlg.innerText();
    expect(text).toContain('Anda akan mengikuti akun');
    expect(text).toContain('coblos nomor 1');
    await dlg.getByRole('button', { name: 'Batalkan' }).click();
    await dlg.waitFor({ state: 'detached' });
    expect(await engagements(page)).toEqual([]);
    await icon(page, 'main', 'Suka').click();
    expect(await warning(page).count()).toBe(0);
    expect(await engagements(page)).toEqual([{ action: 'like', item: 'i2' }]);
  });

  it('a neutral post: Like, Share and Follow go through untouched', async () => {
    await open(`${HOME}p/C1kominfo/`);
    await icon(page, 'main', 'Suka').click();
    await icon(page, 'main', 'Bagikan').click();
    await textButton(page, 'main', 'Ikuti').click();
    expect(await warning(page).count()).toBe(0);
    expect(await engagements(page)).toEqual([
      { action: 'like', item: 'i1' },
      { action: 'share', item: 'i1' },
      { action: 'follow', item: 'i1' },
    ]);
  });

  it('the comment "Kirim" that appears only after typing is guarded; a neutral comment goes out by it', async () => {
    await open(`${HOME}p/C1kominfo/`);
    const box = page.locator('main form textarea');
    await typeIn(page, box, CAMPAIGN);
    await textButton(page, 'main form', 'Kirim').click();
    await warning(page).waitFor();
    expect(await sitePosts(page)).toEqual([]);
    await warning(page).getByRole('button', { name: 'Ubah tulisan' }).click();
    await box.fill('');
    await typeIn(page, box, NEUTRAL);
    await textButton(page, 'main form', 'Kirim').click();
    const [p] = await waitForSitePosts(page, 1);
    expect(p).toMatchObject({ kind: 'comment', text: NEUTRAL, via: 'click' });
  });
});

describe('Instagram reel (/reel/…)', () => {
  it('Like on a campaign reel warns; "Tetap lanjutkan" likes it once', async () => {
    await open(`${HOME}reel/C2relawan/`);
    await icon(page, 'main', 'Suka').click();
    await warning(page).getByRole('button', { name: 'Tetap lanjutkan' }).click();
    await expect.poll(() => engagements(page)).toEqual([{ action: 'like', item: 'i2' }]);
  });

  it('a campaign comment in the Reels <input> is held on Enter; "Tetap kirim" sends it once', async () => {
    await open(`${HOME}reel/C1kominfo/`);
    const box = page.locator('main form input');
    await box.click();
    await page.keyboard.type(CAMPAIGN);
    await page.keyboard.press('Enter');
    const dlg = warning(page);
    await dlg.waitFor();
    expect(await dlg.locator('mark').allInnerTexts()).toEqual(['coblos nomor 2', '#PrabowoGibran2024']);
    expect(await sitePosts(page)).toEqual([]);
    expect(await box.inputValue()).toBe(CAMPAIGN);
    await sendAnywayOnce(page, { kind: 'comment', text: CAMPAIGN });
  });
});

describe('Instagram post modal over the feed', () => {
  it('Like inside the modal of a campaign post warns; its comment box is still guarded', async () => {
    await open(HOME);
    await page.locator('[data-item="i2"] a.time-link').click();
    const modal = '[role="dialog"]';
    await page.locator(`${modal} form textarea`).waitFor();
    await icon(page, modal, 'Suka').click();
    await cancelEngagement(page, 'Anda akan menyukai konten yang tampak seperti kampanye');
    await typeIn(page, page.locator(`${modal} form textarea`), CAMPAIGN);
    await page.keyboard.press('Enter');
    await warning(page).waitFor();
    expect(await sitePosts(page)).toEqual([]);
  });
});

describe('Instagram caption with a hidden copy of the editor', () => {
  async function toCaption(p: Page) {
    await p.locator('a:has(svg[aria-label="Postingan baru"])').click();
    await p.locator('[role="dialog"] input[type="file"]').setInputFiles({ name: 'foto.png', mimeType: 'image/png', buffer: PNG });
    await textButton(p, '[role="dialog"]', 'Berikutnya').click();
    await textButton(p, '[role="dialog"]', 'Berikutnya').click();
  }
  const visibleCaption = (p: Page) => p.locator('[role="dialog"] .lexical-wrap [contenteditable="true"]');

  it('reads the visible caption: a neutral caption is shared untouched despite the stale campaign copy', async () => {
    await open(`${HOME}?variant=hiddencopy`);
    await toCaption(page);
    await typeIn(page, visibleCaption(page), NEUTRAL);
    await textButton(page, '[role="dialog"]', 'Bagikan').click();
    const [p] = await waitForSitePosts(page, 1);
    expect(p).toMatchObject({ kind: 'caption', text: NEUTRAL });
    expect(await warning(page).count()).toBe(0);
  });

  it('a campaign caption in the visible editor is held, with its own words marked', async () => {
    await open(`${HOME}?variant=hiddencopy`);
    await toCaption(page);
    await typeIn(page, visibleCaption(page), CAMPAIGN);
    await textButton(page, '[role="dialog"]', 'Bagikan').click();
    await warning(page).waitFor();
    expect(await warning(page).locator('mark').allInnerTexts()).toEqual(['coblos nomor 2', '#PrabowoGibran2024']);
    expect(await sitePosts(page)).toEqual([]);
  });
});
