/**
 * Facebook as it is served in 2025–26, as a person meets it: the two-step Create post dialog of Pages
 * ("Berikutnya" → "Pengaturan postingan" → "Posting"), feed posts that are div[aria-posinset] without
 * role=article (author and text in Facebook's rendering roles, the text cut by "Lihat selengkapnya"),
 * and the post viewer dialog with its Like / Share buttons next to a comment box. Indonesian UI.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { cancelEngagement, engagements, openSite, sendAnywayOnce, sitePosts, typeIn, useSuiteBrowser, waitForSitePosts } from './harness';

const FEED = 'https://www.facebook.com/';
const suite = useSuiteBrowser({ locale: 'id', warmUpUrl: FEED });
let page: Page;

const CAMPAIGN = 'Ayo coblos nomor 2 sekarang #PrabowoGibran2024';
const NEUTRAL = 'Rapat koordinasi anggaran bersama Pak Menteri Prabowo berjalan lancar.';
const warning = (p: Page) => p.getByRole('alertdialog');
const dialogButton = (p: Page, label: string) => p.locator(`[role="dialog"] [role="button"][aria-label="${label}"]`);
const open = async (query: string) => {
  await page?.close();
  page = await openSite(suite.context, `${FEED}${query}`, '[role="main"]');
};
async function writePost(p: Page, text: string) {
  await p.locator('[role="button"][aria-label="Buat postingan"]').click();
  const box = p.locator('[role="dialog"] [contenteditable="true"]').first();
  await box.waitFor();
  await typeIn(p, box, text);
}

describe('Facebook two-step post dialog', () => {
  it('holds a campaign draft at "Berikutnya"; "Tetap kirim" continues to the settings step and the post is published once', async () => {
    await open('?composer=twostep');
    await writePost(page, CAMPAIGN);
    await dialogButton(page, 'Berikutnya').click();
    const dlg = warning(page);
    await dlg.waitFor();
    expect(await dlg.locator('mark').allInnerTexts()).toEqual(['coblos nomor 2', '#PrabowoGibran2024']);
    // held: still at the editor step, draft untouched
    expect(await page.locator('[role="dialog"] [contenteditable="true"]').innerText()).toBe(CAMPAIGN);
    await dlg.getByRole('button', { name: 'Tetap kirim' }).click();
    await page.getByRole('heading', { name: 'Pengaturan postingan' }).waitFor();
    await dialogButton(page, 'Posting').click();
    const [p] = await waitForSitePosts(page, 1);
    expect(p).toMatchObject({ kind: 'post', text: CAMPAIGN, via: 'click' });
    await page.waitForTimeout(600);
    expect(await warning(page).count()).toBe(0);
    expect(await sitePosts(page)).toHaveLength(1);
  });

  it('a neutral draft passes both steps untouched', async () => {
    await open('?composer=twostep');
    await writePost(page, NEUTRAL);
    await dialogButton(page, 'Berikutnya').click();
    await page.getByRole('heading', { name: 'Pengaturan postingan' }).waitFor();
    expect(await warning(page).count()).toBe(0);
    await dialogButton(page, 'Posting').click();
    const posts = await waitForSitePosts(page, 1);
    expect(posts).toMatchObject([{ kind: 'post', text: NEUTRAL }]);
    expect(await warning(page).count()).toBe(0);
  });

  it('reached without a click on "Berikutnya" (keyboard), the final "Posting" is held with the text written at the editor step', async () => {
    await open('?composer=twostep');
    await writePost(page, CAMPAIGN);
    await dialogButton(page, 'Berikutnya').focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Pengaturan postingan' }).waitFor();
    await dialogButton(page, 'Posting').click();
    const dlg = warning(page);
    await dlg.waitFor();
    expect(await dlg.locator('mark').allInnerTexts()).toEqual(['coblos nomor 2', '#PrabowoGibran2024']);
    expect(await sitePosts(page)).toEqual([]);
    await sendAnywayOnce(page, { kind: 'post', text: CAMPAIGN });
  });
});

describe('Facebook feed posts without role=article', () => {
  it('Like on a campaign post warns with the post\'s own text (not its author, not "Lihat selengkapnya"); a neutral post is quiet', async () => {
    await open('?feed=live');
    await page.locator('[data-item="f1"] [role="button"][aria-label="Suka"]').click();
    expect(await warning(page).count()).toBe(0);
    await page.locator('[data-item="f2"] [role="button"][aria-label="Suka"]').click();
    const dlg = warning(page);
    await dlg.waitFor();
    const text = await dlg.innerText();
    expect(text).toContain('Anda akan menyukai konten yang tampak seperti kampanye');
    expect(text).toContain('Ayo coblos nomor 2');
    expect(text).not.toContain('Lihat selengkapnya');
    await dlg.getByRole('button', { name: 'Tetap lanjutkan' }).click();
    await expect.poll(() => engagements(page)).toEqual([
      { action: 'like', item: 'f1' },
      { action: 'like', item: 'f2' },
    ]);
    // Follow on the same post is the same item: not asked again
    await page.locator('[data-item="f2"] [role="button"][aria-label="Ikuti"]').click();
    expect(await warning(page).count()).toBe(0);
    expect(await engagements(page)).toHaveLength(3);
  });
});

describe('Facebook post viewer (a dialog with a comment box)', () => {
  for (const [name, query, item] of [
    ['today\'s feed', '?feed=live', 'f2'],
    ['the older feed', '', 'p2'],
  ] as const) {
    it(`Like inside the viewer of a campaign post warns; the comment box there is still guarded (${name})`, async () => {
      await open(query);
      await page.locator(`[data-item="${item}"] a.time`).click();
      const viewer = page.locator('[role="dialog"]');
      await viewer.locator('[role="textbox"]').waitFor();
      await viewer.locator('[role="button"][aria-label="Suka"]').click();
      await cancelEngagement(page, 'Anda akan menyukai konten yang tampak seperti kampanye');
      await typeIn(page, viewer.locator('[role="textbox"]'), CAMPAIGN);
      await page.keyboard.press('Enter');
      await warning(page).waitFor();
      expect(await sitePosts(page)).toEqual([]);
    });
  }
});
