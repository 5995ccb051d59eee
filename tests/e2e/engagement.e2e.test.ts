/**
 * Engagement (SKB 2022: liking, sharing, commenting on and following campaign accounts counts too):
 * Like / Share / Repost / Follow on content the rule engine rates as campaigning warns once per item;
 * neutral content stays quiet. One browser, the three sites' fixtures, Indonesian UI.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { engagements, openComposer, openSite, useSuiteBrowser } from './harness';

const browser = useSuiteBrowser({ locale: 'id' });
let page: Page;

const warning = (p: Page) => p.getByRole('alertdialog');
const xEngagements = (p: Page) => p.evaluate(() => (window as unknown as { __xEngagements: { action: string; tweetId: string }[] }).__xEngagements);
const CAMPAIGN_TWEET = '1750000000000000009';

describe('X', () => {
  it('Like on a campaign post warns once; "Batalkan" cancels it; neutral posts stay quiet', async () => {
    page = await openComposer(browser.context, '/home?engage=1');
    const tweets = page.locator('article[data-testid="tweet"]');
    await tweets.first().locator('[data-testid="like"]').click();
    expect(await warning(page).count()).toBe(0);
    const campaign = tweets.filter({ hasText: 'Relawan Ganjar Mahfud' });
    await campaign.locator('[data-testid="like"]').click();
    const dlg = warning(page);
    await dlg.waitFor();
    expect(await dlg.innerText()).toContain('Anda akan menyukai konten yang tampak seperti kampanye');
    expect(await dlg.locator('mark').count()).toBeGreaterThan(0);
    await dlg.getByRole('button', { name: 'Batalkan' }).click();
    await dlg.waitFor({ state: 'detached' });
    expect((await xEngagements(page)).map((e) => e.tweetId)).toEqual(['1750000000000000001']);
    // once per item: the second press goes through untouched
    await campaign.locator('[data-testid="like"]').click();
    expect(await warning(page).count()).toBe(0);
    expect(await xEngagements(page)).toEqual([
      { action: 'like', tweetId: '1750000000000000001' },
      { action: 'like', tweetId: CAMPAIGN_TWEET },
    ]);
    await page.close();
  });

  it('Repost: the menu opens untouched; its Repost item warns, and "Tetap lanjutkan" reposts once', async () => {
    page = await openComposer(browser.context, '/home?engage=1');
    const campaign = page.locator('article[data-testid="tweet"]').filter({ hasText: 'Relawan Ganjar Mahfud' });
    await campaign.locator('[data-testid="retweet"]').click();
    // the menu (Repost, Quote) opens in #layers; nothing is reposted yet, so nothing to warn about
    await page.locator('#layers [data-testid="retweetConfirm"]').waitFor();
    expect(await warning(page).count()).toBe(0);
    await page.locator('#layers [data-testid="retweetConfirm"]').click();
    await warning(page).getByRole('button', { name: 'Tetap lanjutkan' }).click();
    await expect.poll(() => xEngagements(page)).toEqual([{ action: 'repost', tweetId: CAMPAIGN_TWEET }]);
    await page.close();
  });
});

describe('Facebook', () => {
  it('Like on a campaign page\'s post warns; "Tetap lanjutkan" likes once; Follow on the same item is not asked again', async () => {
    page = await openSite(browser.context, 'https://www.facebook.com/', '[role="main"]');
    await page.locator('[data-item="p1"] [role="button"][aria-label="Suka"]').first().click();
    expect(await warning(page).count()).toBe(0);
    await page.locator('[data-item="p2"] [role="button"][aria-label="Suka"]').click();
    await warning(page).getByRole('button', { name: 'Tetap lanjutkan' }).click();
    await page.locator('[data-item="p2"] [role="button"][aria-label="Ikuti"]').click();
    expect(await warning(page).count()).toBe(0);
    expect(await engagements(page)).toEqual([
      { action: 'like', item: 'p1' },
      { action: 'like', item: 'p2' },
      { action: 'follow', item: 'p2' },
    ]);
    await page.close();
  });

  it('Share on a campaign post warns before the share dialog opens', async () => {
    page = await openSite(browser.context, 'https://www.facebook.com/', '[role="main"]');
    await page.locator('[data-item="p2"] [role="button"][aria-label="Bagikan"]').click();
    await warning(page).waitFor();
    expect(await warning(page).innerText()).toContain('Anda akan membagikan konten');
    expect(await page.locator('[role="dialog"]').count()).toBe(0);
    await warning(page).getByRole('button', { name: 'Tetap lanjutkan' }).click();
    await page.locator('[role="dialog"] [contenteditable="true"]').waitFor();
    await page.close();
  });
});

describe('Instagram', () => {
  it('Follow on a campaign account warns; "Batalkan" leaves it unfollowed; Like on neutral content is quiet', async () => {
    page = await openSite(browser.context, 'https://www.instagram.com/', 'main[role="main"]');
    await page.locator('[data-item="i1"] [role="button"]:has(svg[aria-label="Suka"])').click();
    expect(await warning(page).count()).toBe(0);
    await page.locator('[data-item="i2"] header [role="button"]', { hasText: 'Ikuti' }).click();
    const dlg = warning(page);
    await dlg.waitFor();
    expect(await dlg.innerText()).toContain('Anda akan mengikuti akun');
    await dlg.getByRole('button', { name: 'Batalkan' }).click();
    expect(await engagements(page)).toEqual([{ action: 'like', item: 'i1' }]);
    await page.close();
  });
});
