/**
 * The agency's policy in Firefox: /etc/firefox/policies/policies.json (3rdparty.Extensions), read by
 * Firefox at start, in force from the first post of a brand-new profile: block offers no "Tetap
 * kirim", confirm asks for a reason, and a site the agency switched off is left alone. Firefox reads policies.json only when
 * it starts, so each case is a new browser (a policy change in Firefox needs a restart; in Chrome it
 * does not, see tests/e2e/policy.e2e.test.ts).
 *
 * Writes /etc/firefox/policies/policies.json (put back as it was afterwards): run under the shared
 * lock (flock /work/wt/policy.lock npx vitest run --project e2e tests/e2e/firefox/policy.e2e.test.ts).
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT_DIR, type SitePost, type XPost } from '../harness';
import { FirefoxPolicyFile, launchFirefox, openWithExtension, type FirefoxSession, type FxPage } from './harness';

const COMPOSER = '[data-testid="tweetTextarea_0"]';
const DIALOG = 'jaga-netral-ui >>> [role="alertdialog"]';
const CAMPAIGN = 'Ayo coblos nomor 2 tanggal 14 Februari!';
const AGENCY = { name: 'Pemerintah Kota Uji', contact: 'tik@uji.go.id' };

let policy: FirefoxPolicyFile;
let ff: FirefoxSession | undefined;

beforeAll(() => {
  policy = new FirefoxPolicyFile();
});

afterAll(async () => {
  await ff?.close();
  policy?.remove();
});

/** A new profile with `p` in policies.json; the extension installed; a campaign post on the first page it guards. */
async function firstPost(p: Record<string, unknown>): Promise<{ page: FxPage; ms: number }> {
  policy.write({ agency: AGENCY, ...p });
  ff = await launchFirefox({ install: false });
  const installed = Date.now();
  await ff.install();
  const page = await openWithExtension(ff, 'https://x.com/home', COMPOSER);
  await page.click(COMPOSER);
  await page.type(CAMPAIGN);
  await page.click('[data-testid="tweetButtonInline"]');
  const ms = Date.now() - installed;
  console.log(`[firefox-policy] ${JSON.stringify(p)}: the first post ${ms} ms after the extension was installed`);
  return { page, ms };
}

describe('Firefox: the agency policy from policies.json, from the first post of a new profile', () => {
  it('block: the first campaign post cannot be sent, no "Tetap kirim"', async () => {
    const { page } = await firstPost({ mode: 'block' });
    const text = await page.waitFor<string>(`find(${JSON.stringify(`${DIALOG} [data-policy="block"]`)}) && find(${JSON.stringify(DIALOG)}).innerText`, 'the block warning');
    expect(text).toContain('Instansi Anda tidak mengizinkan');
    expect(text).toContain(AGENCY.name);
    expect(await page.eval<boolean>(`!!find(${JSON.stringify(`${DIALOG} button[data-action="post"]`)})`)).toBe(false);
    expect(await page.eval<XPost[]>('window.__xPosts')).toEqual([]);
    expect(ff!.proxy.foreign()).toEqual([]);
    await ff!.close();
    ff = undefined;
  });

  it('block: a campaign poster chosen as the Instagram profile photo never reaches the site', async () => {
    policy.write({ agency: AGENCY, mode: 'block' });
    ff = await launchFirefox();
    const page = await openWithExtension(ff, 'https://www.instagram.com/budi.santoso/', 'button[title="Ubah foto profil"]');
    await page.setFiles('form[enctype="multipart/form-data"] input[type="file"]', [path.join(ROOT_DIR, 'tests/vision/text/poster-coblos-nomor-2.jpg')]);
    const text = await page.waitFor<string>(
      `find(${JSON.stringify(`${DIALOG} li.photo-finding[data-kind="text"]`)}) && find(${JSON.stringify(DIALOG)}).innerText`,
      'the photo finding in the block warning',
      60_000,
    );
    expect(text).toContain('Instansi Anda tidak mengizinkan');
    expect(await page.eval<boolean>(`!!find(${JSON.stringify(`${DIALOG} button[data-action="post"]`)})`)).toBe(false);
    await page.press(['\uE00C']); // Escape
    await page.waitFor(`!find(${JSON.stringify(DIALOG)})`, 'the warning to close');
    await new Promise((r) => setTimeout(r, 1_000));
    expect(await page.eval<SitePost[]>('window.__posts')).toEqual([]);
    await ff.close();
    ff = undefined;
  });

  it('confirm: the first campaign post asks for a reason before "Tetap kirim"', async () => {
    const { page } = await firstPost({ mode: 'confirm' });
    await page.waitFor(`!!find(${JSON.stringify(`${DIALOG} textarea[data-field="reason"]`)})`, 'the reason box');
    expect(await page.eval<boolean>(`find(${JSON.stringify(`${DIALOG} button[data-action="post"]`)}).disabled`)).toBe(true);
    expect(await page.eval<XPost[]>('window.__xPosts')).toEqual([]);
    await ff!.close();
    ff = undefined;
  });

  it('a site the agency switched off: the first post goes out, no warning', async () => {
    const { page } = await firstPost({ mode: 'block', sites: ['facebook', 'instagram'] });
    const sent = await page.waitFor<XPost[]>('window.__xPosts.length >= 1 && window.__xPosts', 'the post');
    expect(sent.map((p) => p.texts)).toEqual([[CAMPAIGN]]);
    expect(await page.eval<boolean>(`!find(${JSON.stringify(DIALOG)})`)).toBe(true);
    await ff!.close();
    ff = undefined;
  });
});
