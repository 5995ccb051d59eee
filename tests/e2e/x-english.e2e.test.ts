/** The warning speaks English when the browser's UI language is English. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchWithExtension, openComposer, posts, serveSites, typeInto, waitForPosts, warmUp, type LaunchedBrowser } from './harness';

let browser: LaunchedBrowser;

beforeAll(async () => {
  browser = await launchWithExtension({ locale: 'en-US' });
  await serveSites(browser.context);
  await warmUp(browser.context);
});
afterAll(async () => browser?.close());

it('shows the warning in English, and "Post anyway" posts once', async () => {
  const page = await openComposer(browser.context, '/home');
  await typeInto(page, 'tweetTextarea_0', 'Pilih Prabowo! ✌️');
  await page.locator('[data-testid="tweetButtonInline"]').click();
  const dlg = page.getByRole('alertdialog');
  await dlg.waitFor();
  expect(await dlg.getAttribute('lang')).toBe('en');
  const text = await dlg.innerText();
  expect(text).toContain('This post may break civil-service neutrality');
  expect(text).toContain('Legal basis');
  expect(text).toContain('severe disciplinary penalty');
  expect(text).toMatch(/hand emoji next to a candidate/i);
  expect(text).not.toContain('Ubah tulisan');
  await dlg.getByRole('button', { name: 'Post anyway' }).click();
  const [p] = await waitForPosts(page, 1);
  expect(p!.texts).toEqual(['Pilih Prabowo! ✌️']);
  await page.waitForTimeout(500);
  expect(await posts(page)).toHaveLength(1);
});
