/**
 * A fix without a release, for real: Facebook's markup changes (the fixture's ?variant=changed drops
 * role=textbox and data-lexical-editor from every editor), protection degrades safely (the post goes
 * out, the toolbar badge says "!"), then the agency puts a `siteSelectors` override into its managed
 * policy file (/etc/chromium/policies/managed) and the open tab is protected again, without a browser
 * restart; the settings page shows the override, what it replaced, and the site's health. The same section
 * in an agency pack (inline in the policy) patches the adapter as well.
 *
 * Writes a policy file: run under the shared lock (flock /work/wt/policy.lock …).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, openSite, serveSites, sitePosts, tabBadges, typeIn, waitForSitePosts, warmUp, type LaunchedBrowser } from './harness';
import { extensionCopyWithTestKey, PolicyFile, waitForExtensionState } from './policy-support';
import { facebookSelectors } from '../../sites/facebook';

const FEED = 'https://www.facebook.com/?variant=changed';
const CAMPAIGN = 'Ayo coblos nomor 2 sekarang #PrabowoGibran2024';
const OVERRIDE = '[contenteditable="true"]';

let ext: ReturnType<typeof extensionCopyWithTestKey>;
let policyFile: PolicyFile;
let browser: LaunchedBrowser;
let page: Page;

const warning = (p: Page) => p.getByRole('alertdialog');
async function writeInPostDialog(p: Page, text: string) {
  await p.locator('[role="button"][aria-label="Buat postingan"]').click();
  const box = p.locator('[role="dialog"] [contenteditable="true"]').first();
  await box.waitFor();
  await typeIn(p, box, text);
}
/** The toolbar badges of every tab (the Facebook fixture is the only site tab open). */
const badges = async () => (await tabBadges(browser.context)).map((t) => t.badge);

beforeAll(async () => {
  ext = extensionCopyWithTestKey();
  policyFile = new PolicyFile(ext.id);
  browser = await launchWithExtension({ locale: 'id', extensionDir: ext.dir });
  await serveSites(browser.context);
  await warmUp(browser.context, { url: 'https://www.facebook.com/' });
  // the agency's policy arrives while the browser runs
  policyFile.write({ agency: { name: 'Pemerintah Kota Uji' } });
});
afterAll(async () => {
  await browser?.close();
  policyFile?.remove();
  ext?.cleanup();
});

describe('selector overrides from the managed policy', () => {
  it('a renamed attribute degrades (badge "!", the post goes out); an override in the policy file restores protection in the open tab', async () => {
    await waitForExtensionState(browser.context, ext.id, 'the first policy', (s: { effective: { managed: boolean } }) => s.effective.managed);
    page = await openSite(browser.context, FEED, '[role="main"]');
    await writeInPostDialog(page, CAMPAIGN);
    await page.waitForFunction(() => document.documentElement.getAttribute('data-jaga-netral-health') === 'degraded');
    await expect.poll(async () => (await badges()).filter((b) => b === '!').length).toBe(1);
    // fails safe: nothing held, nothing lost
    await page.locator('[role="dialog"] [role="button"][aria-label="Posting"]').click();
    await waitForSitePosts(page, 1);
    expect(await warning(page).count()).toBe(0);

    policyFile.write({ agency: { name: 'Pemerintah Kota Uji' }, siteSelectors: { facebook: { editor: OVERRIDE } } });
    await waitForExtensionState(
      browser.context,
      ext.id,
      'the override in force',
      (s: { siteSelectors?: { facebook?: { editor?: { selector: string } } } }) => s.siteSelectors?.facebook?.editor?.selector === OVERRIDE,
    );
    // the same tab, no reload: the guard was started again with the patched adapter
    await expect.poll(() => page.evaluate(() => document.documentElement.getAttribute('data-jaga-netral-health'))).toBeNull();
    await expect.poll(async () => (await badges()).filter((b) => b === '!').length).toBe(0);
    await writeInPostDialog(page, CAMPAIGN);
    await page.locator('[role="dialog"] [role="button"][aria-label="Posting"]').click();
    const dlg = warning(page);
    await dlg.waitFor();
    expect(await dlg.locator('mark').allInnerTexts()).toEqual(['coblos nomor 2', '#PrabowoGibran2024']);
    expect(await sitePosts(page)).toHaveLength(1);
    expect(await page.evaluate(() => document.documentElement.getAttribute('data-jaga-netral-health'))).toBeNull();
  });

  it('the settings page shows the override, the built-in selector it replaced, its source, and what was recognised on Facebook', async () => {
    const opts = await browser.context.newPage();
    await opts.goto(`chrome-extension://${ext.id}/options.html`);
    const row = opts.locator('[data-override="facebook.editor"]');
    await row.waitFor();
    expect(await row.getAttribute('data-state')).toBe('applied');
    const text = await row.innerText();
    expect(text).toContain(OVERRIDE);
    expect(text).toContain(facebookSelectors.editor);
    expect(text).toContain('kebijakan instansi');
    const fb = opts.locator('.site-health[data-site="facebook"]');
    await expect.poll(() => fb.locator('[data-thing="composer"]').getAttribute('data-state')).toBe('recognised');
    expect(await fb.locator('[data-thing="submit"]').getAttribute('data-state')).toBe('recognised');
    // the degraded visit was met before the fix, and the fix recognised the composer after it
    expect(await fb.locator('[data-gap="editor"]').count()).toBe(0);
    await opts.close();
  });

  it('the same section in an agency pack (inline in the policy) patches the adapter too, and the settings page names the pack', async () => {
    const pack = {
      format: 'jaga-netral/rule-pack',
      schemaVersion: 1,
      id: 'tambalan-fb',
      version: '1.0.0',
      name: { id: 'Tambalan Facebook' },
      siteSelectors: { facebook: { editor: '[contenteditable="true"].notranslate' } },
    };
    policyFile.write({ agency: { name: 'Pemerintah Kota Uji' }, packs: [{ inline: pack }] });
    await waitForExtensionState(
      browser.context,
      ext.id,
      'the pack override in force',
      (s: { siteSelectors?: { facebook?: { editor?: { source: string } } } }) => s.siteSelectors?.facebook?.editor?.source === 'tambalan-fb',
    );
    page = await openSite(browser.context, FEED, '[role="main"]');
    await writeInPostDialog(page, CAMPAIGN);
    await page.locator('[role="dialog"] [role="button"][aria-label="Posting"]').click();
    await warning(page).waitFor();
    expect(await sitePosts(page)).toEqual([]);
    const opts = await browser.context.newPage();
    await opts.goto(`chrome-extension://${ext.id}/options.html`);
    const row = opts.locator('[data-override="facebook.editor"]');
    await row.waitFor();
    expect(await row.innerText()).toContain('tambalan-fb');
    await opts.close();
  });
});
