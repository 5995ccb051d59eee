/**
 * The whole loop on X, as a person meets it: the built extension in Debian's Chromium, a Draft.js
 * composer with X's structure served at https://x.com, typing, clicking, reading the warning.
 * The browser's UI language is Indonesian here (the extension's default); english-ui covers English.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  badgeTexts,
  editor,
  launchWithExtension,
  openComposer,
  openSite,
  posts,
  serveSites,
  typeIn,
  typeInto,
  waitForPosts,
  warmUp,
  type LaunchedBrowser,
  type SiteServer,
} from './harness';

let browser: LaunchedBrowser;
let server: SiteServer;
let page: Page;

const CAMPAIGN = 'Ayo coblos nomor 2 sekarang #PrabowoGibran2024';
const NEUTRAL = 'Rapat koordinasi anggaran bersama Pak Menteri Prabowo berjalan lancar.';

const warning = (p: Page) => p.getByRole('alertdialog');
const draftText = async (p: Page, testId = 'tweetTextarea_0') => (await (await editor(p, testId)).innerText()).replace(/\u200b/g, '');
const clickPost = async (p: Page) => (await postButton(p)).click();
async function postButton(p: Page) {
  const inDialog = p.locator('[role="dialog"] [data-testid="tweetButton"]');
  if (await inDialog.count()) return inDialog.first();
  return p.locator('[data-testid="tweetButtonInline"]').first();
}

beforeAll(async () => {
  browser = await launchWithExtension({ locale: 'id' });
  server = await serveSites(browser.context);
  await warmUp(browser.context);
});

afterAll(async () => {
  await browser?.close();
});

beforeEach(async () => {
  await page?.close();
  page = await openComposer(browser.context, '/home');
});

describe('X composer, Indonesian UI', () => {
  it('warns before a campaign post goes out, with rule, reason, source and the words marked', async () => {
    await typeInto(page, 'tweetTextarea_0', CAMPAIGN);
    await clickPost(page);

    const dlg = warning(page);
    await expect(dlg.isVisible()).resolves.toBe(true);
    await expect(dlg.getAttribute('aria-modal')).resolves.toBe('true');
    const text = await dlg.innerText();
    expect(text).toContain('Tulisan ini bisa melanggar netralitas ASN');
    expect(text).toContain('ajakan-coblos-nomor');
    expect(text).toContain('R02');
    expect(text).toContain('SKB 2022');
    expect(text).toContain('hukuman disiplin berat');
    expect(text).toContain('Ubah tulisan');
    expect(text).toContain('Tetap kirim');
    const marked = await dlg.locator('mark').allInnerTexts();
    expect(marked).toEqual(['coblos nomor 2', '#PrabowoGibran2024']);
    // focus is inside the warning, on the safe choice
    await expect(dlg.locator('button[data-action="edit"]').evaluate((b) => b === (b.getRootNode() as ShadowRoot).activeElement)).resolves.toBe(true);
    // nothing was published
    expect(await posts(page)).toEqual([]);
  });

  it('shows a marker while typing, before any submit', async () => {
    await typeInto(page, 'tweetTextarea_0', 'Jangan pilih Anies ya');
    const marker = page.locator('jaga-netral-ui button.marker');
    await marker.waitFor({ state: 'visible' });
    await expect(marker.getAttribute('data-count')).resolves.toBe('1');
    await expect(marker.getAttribute('aria-label')).resolves.toContain('1 temuan');
    expect(await warning(page).count()).toBe(0);
  });

  it('lets a neutral post through untouched, at once', async () => {
    await typeInto(page, 'tweetTextarea_0', NEUTRAL);
    await clickPost(page);
    const [post] = await waitForPosts(page, 1);
    expect(post!.texts).toEqual([NEUTRAL]);
    expect(post!.via).toBe('click');
    expect(await warning(page).count()).toBe(0);
    expect(await page.locator('jaga-netral-ui button.marker').count()).toBe(0);
  });

  it('"Tetap kirim" publishes exactly once, through the site\'s own submit', async () => {
    await typeInto(page, 'tweetTextarea_0', CAMPAIGN);
    await clickPost(page);
    const post = warning(page).getByRole('button', { name: 'Tetap kirim' });
    await post.click();
    const [p] = await waitForPosts(page, 1);
    expect(p!.texts).toEqual([CAMPAIGN]);
    // give any stray second submit time to show up
    await page.waitForTimeout(800);
    expect(await posts(page)).toHaveLength(1);
    expect(await warning(page).count()).toBe(0);
  });

  it('"Ubah tulisan" returns to the editor with text, caret and focus as they were', async () => {
    await typeInto(page, 'tweetTextarea_0', 'Ayo coblos nomor 2 sekarang');
    for (let i = 0; i < 'sekarang'.length; i++) await page.keyboard.press('ArrowLeft');
    await clickPost(page);
    await warning(page).getByRole('button', { name: 'Ubah tulisan' }).click();
    await warning(page).waitFor({ state: 'detached' });
    expect(await draftText(page)).toBe('Ayo coblos nomor 2 sekarang');
    const focused = await page.evaluate(() => document.activeElement?.getAttribute('data-testid'));
    expect(focused).toBe('tweetTextarea_0');
    await page.keyboard.type('juga ');
    expect(await draftText(page)).toBe('Ayo coblos nomor 2 juga sekarang');
    expect(await posts(page)).toEqual([]);
  });

  it('Esc means edit; Tab keeps focus inside the warning', async () => {
    await typeInto(page, 'tweetTextarea_0', CAMPAIGN);
    await clickPost(page);
    const dlg = warning(page);
    await dlg.waitFor();
    const active = () => page.evaluate(() => document.querySelector('jaga-netral-ui')?.shadowRoot?.activeElement?.getAttribute('data-action') ?? null);
    expect(await active()).toBe('edit');
    await page.keyboard.press('Tab');
    expect(await active()).toBe('post');
    await page.keyboard.press('Tab');
    expect(await active()).toBe('edit');
    await page.keyboard.press('Shift+Tab');
    expect(await active()).toBe('post');
    await page.keyboard.press('Escape');
    await dlg.waitFor({ state: 'detached' });
    expect(await draftText(page)).toBe(CAMPAIGN);
    expect(await posts(page)).toEqual([]);
  });

  it('catches Ctrl+Enter; a clean draft still posts by keyboard', async () => {
    await typeInto(page, 'tweetTextarea_0', 'Salam dua jari ✌️');
    await page.keyboard.press('Control+Enter');
    await warning(page).waitFor();
    expect(await posts(page)).toEqual([]);
    await warning(page).getByRole('button', { name: 'Tetap kirim' }).click();
    const [p] = await waitForPosts(page, 1);
    expect(p!.texts).toEqual(['Salam dua jari ✌️']);

    await typeInto(page, 'tweetTextarea_0', NEUTRAL);
    await page.keyboard.press('Control+Enter');
    const all = await waitForPosts(page, 2);
    expect(all[1]!.via).toBe('keyboard');
    expect(all[1]!.texts).toEqual([NEUTRAL]);
    expect(await warning(page).count()).toBe(0);
  });

  it('guards the reply dialog', async () => {
    await page.locator('article[data-testid="tweet"] [data-testid="reply"]').first().click();
    await page.locator('[role="dialog"] [data-testid="tweetTextarea_0"]').waitFor();
    await typeInto(page, 'tweetTextarea_0', 'Setuju! Menangkan Ganjar Mahfud');
    await clickPost(page);
    const dlg = warning(page);
    await dlg.waitFor();
    expect(await dlg.locator('mark').allInnerTexts()).toEqual(['Menangkan Ganjar Mahfud']);
    await dlg.getByRole('button', { name: 'Tetap kirim' }).click();
    const [p] = await waitForPosts(page, 1);
    expect(p!.kind).toBe('reply');
    expect(p!.texts).toEqual(['Setuju! Menangkan Ganjar Mahfud']);
  });

  it('guards the inline reply on a status page', async () => {
    page = await openComposer(browser.context, '/jokowi/status/1750000000000000001', { page });
    await typeInto(page, 'tweetTextarea_0', 'Debat capres semalam, Anies tampil lugas.');
    await page.locator('[data-testid="tweetButtonInline"]').click();
    const dlg = warning(page);
    await dlg.waitFor();
    expect(await dlg.innerText()).toContain('Periksa lagi sebelum mengirim'); // a caution, not a violation
    await page.keyboard.press('Escape');
    expect(await posts(page)).toEqual([]);
  });

  it('reads a thread as one: a finding in the second box holds "Post all"', async () => {
    page = await openComposer(browser.context, '/compose/post', { page });
    await typeInto(page, 'tweetTextarea_0', 'Utas tentang pelayanan publik hari ini.');
    await page.locator('[role="dialog"] [data-testid="addButton"]').click();
    await page.locator('[role="dialog"] [data-testid="tweetTextarea_1"]').waitFor();
    await typeInto(page, 'tweetTextarea_1', 'Jangan lupa coblos 03 ya');
    await clickPost(page);
    const dlg = warning(page);
    await dlg.waitFor();
    expect(await dlg.locator('mark').allInnerTexts()).toEqual(['Jangan lupa coblos 03']);
    await dlg.getByRole('button', { name: 'Tetap kirim' }).click();
    const [p] = await waitForPosts(page, 1);
    expect(p!.kind).toBe('thread');
    expect(p!.texts).toEqual(['Utas tentang pelayanan publik hari ini.', 'Jangan lupa coblos 03 ya']);
  });

  it('guards a quote post', async () => {
    page = await openComposer(browser.context, '/compose/post?quote=1', { page });
    await typeInto(page, 'tweetTextarea_0', 'Ini baru pemimpin! Prabowo presidenku');
    await clickPost(page);
    await warning(page).waitFor();
    expect(await warning(page).innerText()).toContain('pujian-calon');
    expect(await posts(page)).toEqual([]);
  });

  it('a changed page (editor not recognised) degrades safely: the post goes out, the toolbar badge says so', async () => {
    expect((await badgeTexts(browser.context)).filter((t) => t === '!')).toEqual([]);
    page = await openSite(browser.context, 'https://x.com/home?variant=changed', '[data-testid="postTextarea_0"]', { page });
    await typeIn(page, page.locator('[data-testid="postTextarea_0"]'), CAMPAIGN);
    await page.waitForFunction(() => document.documentElement.getAttribute('data-jaga-netral-health') === 'degraded');
    await page.locator('[data-testid="tweetButtonInline"]').click();
    const [p] = await waitForPosts(page, 1);
    expect(p!.texts).toEqual([CAMPAIGN]); // nothing held, nothing lost
    expect(await warning(page).count()).toBe(0);
    await expect.poll(async () => (await badgeTexts(browser.context)).filter((t) => t === '!').length).toBe(1);
  });

  it('ignores Ctrl+Enter while an IME is composing', async () => {
    await typeInto(page, 'tweetTextarea_0', CAMPAIGN);
    const press = (isComposing: boolean) =>
      page.locator('[data-testid="tweetTextarea_0"]').evaluate((el, composing) => {
        el.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', code: 'Enter', ctrlKey: true, isComposing: composing, bubbles: true, cancelable: true }));
      }, isComposing);
    await press(true);
    await page.waitForTimeout(300);
    expect(await warning(page).count()).toBe(0);
    await press(false); // the same keystroke after composition ends is a submit: held
    await warning(page).waitFor();
    await page.keyboard.press('Escape');
  });

  it('works on twitter.com too', async () => {
    await page.goto('https://twitter.com/home');
    await page.locator('[data-testid="tweetTextarea_0"]').waitFor();
    await page.waitForFunction(() => document.documentElement.getAttribute('data-jaga-netral') === 'active');
    await typeInto(page, 'tweetTextarea_0', 'Salam tiga jari! 👌');
    await page.locator('[data-testid="tweetButtonInline"]').click();
    await warning(page).waitFor();
    expect(await warning(page).locator('mark').allInnerTexts()).toEqual(['Salam tiga jari']);
    expect(await posts(page)).toEqual([]);
  });

  it('makes no request of its own: nothing left the machine', () => {
    expect(server.foreign()).toEqual([]);
    expect(server.requests.some((r) => r.includes('https://x.com/'))).toBe(true);
  });
});
