/**
 * X as it is served in 2025–26, as a person meets it: the repost happens in a menu item rendered in
 * #layers (retweetConfirm or repostConfirm), Follow sits in a hover card in #layers, the keyboard
 * shortcuts `l` and `t` act on the focused post, and Messages became Chat at /i/chat (left alone).
 * Indonesian UI.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { badgeTexts, openComposer, openSite, typeIn, useSuiteBrowser } from './harness';

const suite = useSuiteBrowser({ locale: 'id' });
let page: Page;

const warning = (p: Page) => p.getByRole('alertdialog');
type XEngagement = { action: string; tweetId?: string; handle?: string };
const xEngagements = (p: Page) => p.evaluate(() => (window as unknown as { __xEngagements: XEngagement[] }).__xEngagements);
const CAMPAIGN_TWEET = '1750000000000000009';
const NEUTRAL_TWEET = '1750000000000000001';
const NEUTRAL_HANDLE = 'kemenpanrb';
const posts = (p: Page) => p.locator('article[data-testid="tweet"]');
const campaignPost = (p: Page) => posts(p).filter({ hasText: 'Relawan Ganjar Mahfud' });

describe('X repost menu in #layers', () => {
  it('repostConfirm belongs to the post whose button opened the menu: a campaign post warns, a neutral one does not', async () => {
    page = await openComposer(suite.context, '/home?engage=1&menu=repost');
    // neutral post: the menu item reposts at once
    await posts(page).first().locator('[data-testid="retweet"]').click();
    await page.locator('#layers [data-testid="repostConfirm"]').click();
    expect(await warning(page).count()).toBe(0);
    expect(await xEngagements(page)).toEqual([{ action: 'repost', tweetId: NEUTRAL_TWEET }]);
    // campaign post: the same item warns; "Batalkan" leaves it unreposted
    await campaignPost(page).locator('[data-testid="retweet"]').click();
    await page.locator('#layers [data-testid="repostConfirm"]').click();
    const dlg = warning(page);
    await dlg.waitFor();
    expect(await dlg.innerText()).toContain('Ayo menangkan Ganjar Mahfud');
    await dlg.getByRole('button', { name: 'Batalkan' }).click();
    await dlg.waitFor({ state: 'detached' });
    expect(await xEngagements(page)).toEqual([{ action: 'repost', tweetId: NEUTRAL_TWEET }]);
    await page.close();
  });
});

describe('X keyboard shortcuts', () => {
  it('`l` on a focused campaign post warns; "Tetap lanjutkan" likes it once; `l` on a neutral post is quiet', async () => {
    page = await openComposer(suite.context, '/home?engage=1');
    await posts(page).first().focus();
    await page.keyboard.press('l');
    expect(await xEngagements(page)).toEqual([{ action: 'like', tweetId: NEUTRAL_TWEET }]);
    await campaignPost(page).focus();
    await page.keyboard.press('l');
    const dlg = warning(page);
    await dlg.waitFor();
    expect(await dlg.innerText()).toContain('Anda akan menyukai konten yang tampak seperti kampanye');
    expect(await xEngagements(page)).toHaveLength(1);
    await dlg.getByRole('button', { name: 'Tetap lanjutkan' }).click();
    await expect.poll(() => xEngagements(page)).toEqual([
      { action: 'like', tweetId: NEUTRAL_TWEET },
      { action: 'like', tweetId: CAMPAIGN_TWEET },
    ]);
    await page.close();
  });

  it('`t` opens the repost menu of the focused post; its item warns and "Tetap lanjutkan" reposts once', async () => {
    page = await openComposer(suite.context, '/home?engage=1');
    await campaignPost(page).focus();
    await page.keyboard.press('t');
    await page.locator('#layers [data-testid="retweetConfirm"]').click();
    const dlg = warning(page);
    await dlg.waitFor();
    // the click on the warning closes X's menu; the repost still reaches the right post, once
    await dlg.getByRole('button', { name: 'Tetap lanjutkan' }).click();
    await expect.poll(() => xEngagements(page)).toEqual([{ action: 'repost', tweetId: CAMPAIGN_TWEET }]);
    await page.waitForTimeout(300);
    expect(await xEngagements(page)).toHaveLength(1);
    await page.close();
  });

  it('letters typed in the composer are text, not shortcuts', async () => {
    page = await openComposer(suite.context, '/home?engage=1');
    await typeIn(page, page.locator('[data-testid="tweetTextarea_0"]'), 'lalu tetap');
    expect(await warning(page).count()).toBe(0);
    expect(await xEngagements(page)).toEqual([]);
    await page.close();
  });
});

describe('X hover card in #layers', () => {
  it('Follow in the hover card of a campaign account warns (the account hovered, not the post below); a neutral account follows at once', async () => {
    page = await openComposer(suite.context, '/home?engage=1');
    const card = page.locator('#layers [data-testid="HoverCard"]');
    await posts(page).first().locator('[data-testid="User-Name"] .name').hover();
    await card.locator('[data-testid$="-follow"]').click();
    expect(await warning(page).count()).toBe(0);
    await campaignPost(page).locator('[data-testid="User-Name"] .name').hover();
    await card.locator('[data-testid$="-follow"]').click();
    const dlg = warning(page);
    await dlg.waitFor();
    expect(await dlg.innerText()).toContain('Anda akan mengikuti akun');
    expect(await dlg.innerText()).toContain('Coblos nomor 3');
    await dlg.getByRole('button', { name: 'Batalkan' }).click();
    await dlg.waitFor({ state: 'detached' });
    expect(await xEngagements(page)).toEqual([{ action: 'follow', handle: NEUTRAL_HANDLE }]);
    // once per account: pressing Follow again goes through untouched
    await campaignPost(page).locator('[data-testid="User-Name"] .name').hover();
    await card.locator('[data-testid$="-follow"]').click();
    expect(await warning(page).count()).toBe(0);
    await expect.poll(() => xEngagements(page)).toEqual([
      { action: 'follow', handle: NEUTRAL_HANDLE },
      { action: 'follow', handle: 'relawan_gama' },
    ]);
    await page.close();
  });
});

describe('X Chat (/i/chat)', () => {
  it('is left alone, as DMs are: a campaign message is sent without a warning and the badge stays clean', async () => {
    page = await openSite(suite.context, 'https://x.com/i/chat', '[data-testid="dm-container"]');
    const box = page.locator('[data-testid="dm-composer-textarea"]');
    await box.click();
    await page.keyboard.type('Ayo coblos nomor 2 sekarang #PrabowoGibran2024');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => (window as unknown as { __xChat?: string[] }).__xChat ?? [])).toEqual([
      'Ayo coblos nomor 2 sekarang #PrabowoGibran2024',
    ]);
    expect(await warning(page).count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.getAttribute('data-jaga-netral-health'))).toBeNull();
    expect((await badgeTexts(suite.context)).filter((t) => t === '!')).toEqual([]);
    await page.close();
  });
});
