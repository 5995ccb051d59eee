/**
 * Facebook, as a person meets it: the built extension in Chromium, Lexical editors with Facebook's
 * structure served at https://www.facebook.com, Indonesian UI labels (the fixture's default) unless
 * the test says otherwise.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  badgeTexts,
  openPopup,
  tabBadges,
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

const FEED = 'https://www.facebook.com/';
const CAMPAIGN = 'Ayo coblos nomor 2 sekarang #PrabowoGibran2024';
const NEUTRAL = 'Rapat koordinasi anggaran bersama Pak Menteri Prabowo berjalan lancar.';

const warning = (p: Page) => p.getByRole('alertdialog');
const postEditor = (p: Page) => p.locator('[role="dialog"] [contenteditable="true"]').first();
const commentBox = (p: Page) => p.locator('[role="textbox"][aria-label^="Tulis komentar"]');
const replyBox = (p: Page) => p.locator('[role="textbox"][aria-label^="Balas"]');
const open = async (url = FEED) => {
  await page?.close();
  page = await openSite(browser.context, url, '[role="main"]');
};
async function openPostDialog(p: Page) {
  await p.locator('[role="button"][aria-label="Buat postingan"], [role="button"][aria-label="Create post"]').click();
  await postEditor(p).waitFor();
}
const postButton = (p: Page, label = 'Posting') => p.locator(`[role="dialog"] [role="button"][aria-label="${label}"]`);

beforeAll(async () => {
  browser = await launchWithExtension({ locale: 'id' });
  server = await serveSites(browser.context);
  await warmUp(browser.context, { url: FEED });
});
afterAll(async () => browser?.close());
beforeEach(async () => open());

describe('Facebook post dialog (Lexical), Indonesian UI', () => {
  it('warns before a campaign post goes out; nothing is published', async () => {
    await openPostDialog(page);
    await typeIn(page, postEditor(page), CAMPAIGN);
    await postButton(page).click();
    const dlg = warning(page);
    await dlg.waitFor();
    const text = await dlg.innerText();
    expect(text).toContain('Tulisan ini bisa melanggar netralitas ASN');
    expect(text).toContain('SKB 2022');
    expect(await dlg.locator('mark').allInnerTexts()).toEqual(['coblos nomor 2', '#PrabowoGibran2024']);
    expect(await sitePosts(page)).toEqual([]);
    // the site's dialog and draft are still there
    expect(await postEditor(page).innerText()).toBe(CAMPAIGN);
  });

  it('lets a neutral post through untouched', async () => {
    await openPostDialog(page);
    await typeIn(page, postEditor(page), NEUTRAL);
    await postButton(page).click();
    const [p] = await waitForSitePosts(page, 1);
    expect(p).toMatchObject({ kind: 'post', text: NEUTRAL, via: 'click' });
    expect(await warning(page).count()).toBe(0);
  });

  it('reads every paragraph: Enter is a new line in the post dialog, not a submit', async () => {
    await openPostDialog(page);
    await typeIn(page, postEditor(page), 'Selamat pagi semua.\nJangan lupa coblos 03 ya');
    expect(await sitePosts(page)).toEqual([]);
    await postButton(page).click();
    await warning(page).waitFor();
    expect(await warning(page).locator('mark').allInnerTexts()).toEqual(['Jangan lupa coblos 03']);
  });

  it('"Tetap kirim" posts exactly once, through the site\'s own button', async () => {
    await openPostDialog(page);
    await typeIn(page, postEditor(page), CAMPAIGN);
    await postButton(page).click();
    await warning(page).getByRole('button', { name: 'Tetap kirim' }).click();
    const [p] = await waitForSitePosts(page, 1);
    expect(p).toMatchObject({ kind: 'post', text: CAMPAIGN });
    await page.waitForTimeout(600);
    expect(await sitePosts(page)).toHaveLength(1);
  });

  it('"Ubah tulisan" keeps the draft, the caret and focus', async () => {
    await openPostDialog(page);
    await typeIn(page, postEditor(page), 'Ayo coblos nomor 2 sekarang');
    for (let i = 0; i < 'sekarang'.length; i++) await page.keyboard.press('ArrowLeft');
    await postButton(page).click();
    await warning(page).getByRole('button', { name: 'Ubah tulisan' }).click();
    await warning(page).waitFor({ state: 'detached' });
    await page.keyboard.type('juga ');
    expect(await postEditor(page).innerText()).toBe('Ayo coblos nomor 2 juga sekarang');
    expect(await sitePosts(page)).toEqual([]);
  });

  it('guards the share dialog where text is added', async () => {
    await page.locator('[data-item="p1"] [role="button"][aria-label="Bagikan"]').click();
    await postEditor(page).waitFor();
    await typeIn(page, postEditor(page), 'Prabowo presidenku!');
    await page.locator('[role="dialog"] [role="button"][aria-label="Bagikan sekarang"]').click();
    await warning(page).waitFor();
    expect(await sitePosts(page)).toEqual([]);
    await warning(page).getByRole('button', { name: 'Tetap kirim' }).click();
    const [p] = await waitForSitePosts(page, 1);
    expect(p).toMatchObject({ kind: 'share', text: 'Prabowo presidenku!' });
  });
});

describe('Facebook "Edit postingan" dialog (an own post, edited on the profile)', () => {
  const ORIGINAL = 'Alhamdulillah, pelayanan KTP di kecamatan hari ini lancar.';
  const openEdit = async () => {
    await open('https://www.facebook.com/budi.santoso');
    await page.locator('[role="button"][aria-label="Tindakan untuk postingan ini"]').click();
    await page.getByRole('menuitem', { name: 'Edit postingan' }).click();
    const box = page.locator('[role="dialog"][aria-label="Edit postingan"] [contenteditable="true"]');
    await expect.poll(() => box.innerText()).toBe(ORIGINAL);
    await box.click();
    await page.keyboard.press('Control+End');
    return box;
  };
  const save = () => page.locator('[role="dialog"][aria-label="Edit postingan"] [role="button"][aria-label="Simpan"]').click();

  it('campaign words added to a published post: Simpan warns; Ubah keeps the edit as typed; nothing is saved', async () => {
    const box = await openEdit();
    await page.keyboard.type(' Ayo coblos nomor 2 ya!');
    await save();
    const dlg = warning(page);
    await dlg.waitFor();
    expect(await dlg.locator('mark').allInnerTexts()).toContain('coblos nomor 2');
    expect(await sitePosts(page)).toEqual([]);
    await dlg.locator('button[data-action="edit"]').click();
    await dlg.waitFor({ state: 'detached' });
    expect(await box.innerText()).toBe(`${ORIGINAL} Ayo coblos nomor 2 ya!`);
    expect(await sitePosts(page)).toEqual([]);
  });

  it('a neutral edit saves once, unwarned', async () => {
    await openEdit();
    await page.keyboard.type(' Terima kasih petugas.');
    await save();
    const [p] = await waitForSitePosts(page, 1);
    expect(p).toMatchObject({ kind: 'edit', text: `${ORIGINAL} Terima kasih petugas.`, via: 'click' });
    expect(await warning(page).count()).toBe(0);
    await page.waitForTimeout(500);
    expect(await sitePosts(page)).toHaveLength(1);
  });
});

describe('Facebook comments and replies (Enter sends)', () => {
  it('checks a comment sent with Enter, read before Facebook clears the box', async () => {
    await typeIn(page, commentBox(page), CAMPAIGN);
    await page.keyboard.press('Enter');
    await warning(page).waitFor();
    expect(await sitePosts(page)).toEqual([]);
    expect(await commentBox(page).innerText()).toBe(CAMPAIGN); // not cleared: the site never saw the Enter
    await warning(page).getByRole('button', { name: 'Tetap kirim' }).click();
    const [p] = await waitForSitePosts(page, 1);
    expect(p).toMatchObject({ kind: 'comment', text: CAMPAIGN });
    await page.waitForTimeout(600);
    expect(await sitePosts(page)).toHaveLength(1);
  });

  it('Shift+Enter is a new line; a neutral comment goes out with Enter at once', async () => {
    await typeIn(page, commentBox(page), 'Terima kasih');
    await page.keyboard.press('Shift+Enter');
    await page.keyboard.type('infonya sangat membantu');
    expect(await sitePosts(page)).toEqual([]);
    await page.keyboard.press('Enter');
    const [p] = await waitForSitePosts(page, 1);
    expect(p).toMatchObject({ kind: 'comment', text: 'Terima kasih\ninfonya sangat membantu', via: 'keyboard' });
    expect(await warning(page).count()).toBe(0);
  });

  it('a reply box with no send button: "Tetap kirim" re-sends by key, once; "Ubah tulisan" keeps it', async () => {
    await page.locator('[role="button"][aria-label="Balas"]').click();
    await replyBox(page).waitFor();
    await typeIn(page, replyBox(page), 'Jangan pilih Anies ya');
    await page.keyboard.press('Enter');
    await warning(page).waitFor();
    await page.keyboard.press('Escape'); // = Ubah tulisan
    await warning(page).waitFor({ state: 'detached' });
    expect(await replyBox(page).innerText()).toBe('Jangan pilih Anies ya');
    await page.keyboard.press('Enter');
    await warning(page).getByRole('button', { name: 'Tetap kirim' }).click();
    const [p] = await waitForSitePosts(page, 1);
    expect(p).toMatchObject({ kind: 'reply', text: 'Jangan pilih Anies ya', via: 'keyboard' });
    await page.waitForTimeout(600);
    expect(await sitePosts(page)).toHaveLength(1);
  });

  it('checks a comment in a post opened as a dialog (with its own Share and Like buttons)', async () => {
    await page.locator('[data-item="p1"] a.time').click();
    const box = page.locator('[role="dialog"] [role="textbox"][aria-label^="Komentari sebagai"]');
    await box.waitFor();
    await typeIn(page, box, 'Salam dua jari ✌️ Prabowo');
    await page.keyboard.press('Enter');
    await warning(page).waitFor();
    expect(await sitePosts(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await warning(page).waitFor({ state: 'detached' });
    await page.keyboard.press('Shift+Enter');
    await page.keyboard.type('Eh, maaf, salah tulis.');
    expect(await sitePosts(page)).toEqual([]); // Shift+Enter stayed a new line, not a send
    await page.locator('[role="dialog"] #focused-state-composer-submit [role="button"]').click();
    await warning(page).getByRole('button', { name: 'Tetap kirim' }).click();
    const [p] = await waitForSitePosts(page, 1);
    expect(p).toMatchObject({ kind: 'comment', text: 'Salam dua jari ✌️ Prabowo\nEh, maaf, salah tulis.', via: 'click' });
  });

  it('leaves Messenger chat boxes alone (not covered, by design)', async () => {
    const chat = page.locator('[data-pagelet="ChatTab"] [contenteditable="true"]');
    await typeIn(page, chat, CAMPAIGN);
    await page.keyboard.press('Enter');
    const [p] = await waitForSitePosts(page, 1);
    expect(p).toMatchObject({ kind: 'message', text: CAMPAIGN });
    expect(await warning(page).count()).toBe(0);
  });
});

describe('Facebook in other UI languages and when the site changes', () => {
  it('English UI labels work the same', async () => {
    await open(`${FEED}?lang=en`);
    await openPostDialog(page);
    await typeIn(page, postEditor(page), CAMPAIGN);
    await postButton(page, 'Post').click();
    await warning(page).waitFor();
    expect(await sitePosts(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await page.locator('[role="dialog"] [role="button"][aria-label="Close"]').click();
    await typeIn(page, page.locator('[role="textbox"][aria-label^="Write a comment"]'), 'Pilih Prabowo!');
    await page.keyboard.press('Enter');
    await warning(page).waitFor();
    expect(await sitePosts(page)).toEqual([]);
  });

  it('a changed page (editor not recognised) degrades safely: the site works, the badge says so', async () => {
    expect((await badgeTexts(browser.context)).filter((t) => t === '!')).toEqual([]);
    await open(`${FEED}?variant=changed`);
    await openPostDialog(page);
    await typeIn(page, postEditor(page), CAMPAIGN);
    await page.waitForFunction(() => document.documentElement.getAttribute('data-jaga-netral-health') === 'degraded');
    await postButton(page).click();
    const [p] = await waitForSitePosts(page, 1);
    expect(p).toMatchObject({ kind: 'post', text: CAMPAIGN }); // nothing held, nothing lost
    expect(await warning(page).count()).toBe(0);
    await expect.poll(async () => (await badgeTexts(browser.context)).filter((t) => t === '!').length).toBe(1);
    // the popup says so for that tab
    const degradedTab = (await tabBadges(browser.context)).find((t) => t.badge === '!')!.tabId;
    const popup = await openPopup(browser.context, degradedTab);
    expect(await popup.locator('[role="status"]').getAttribute('data-state')).toBe('degraded');
    expect(await popup.locator('[role="status"]').innerText()).toContain('perlindungan di Facebook berkurang');
    await popup.close();
    // a normal page in the same tab clears the mark
    await open(FEED);
    await expect.poll(async () => (await badgeTexts(browser.context)).filter((t) => t === '!').length).toBe(0);
    const okTab = (await tabBadges(browser.context)).find((t) => t.title.includes('Facebook'))!.tabId;
    const popup2 = await openPopup(browser.context, okTab);
    expect(await popup2.locator('[role="status"]').getAttribute('data-state')).toBe('ok');
    expect(await popup2.locator('[role="status"]').innerText()).toBe('Jaga Netral aktif di Facebook');
    await popup2.close();
  });

  it('a post button the extension does not know degrades safely too', async () => {
    await open(`${FEED}?variant=nosubmit`);
    await openPostDialog(page);
    await typeIn(page, postEditor(page), NEUTRAL);
    await page.waitForFunction(() => document.documentElement.getAttribute('data-jaga-netral-health') === 'degraded');
    await postButton(page, 'Terbitkan').click();
    const [p] = await waitForSitePosts(page, 1);
    expect(p).toMatchObject({ kind: 'post', text: NEUTRAL });
    await expect.poll(async () => (await badgeTexts(browser.context)).filter((t) => t === '!').length).toBe(1);
  });

  it('makes no request of its own', () => {
    expect(server.foreign()).toEqual([]);
    expect(server.requests.some((r) => r.includes('https://www.facebook.com/'))).toBe(true);
  });
});
