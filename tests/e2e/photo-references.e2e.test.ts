/**
 * Agency reference images on the X fixture, for real: the agency's pack with two reference images
 * (fingerprints only, tests/vision/references/pack.json) arrives inline through a managed-policy
 * file, as a rollout would put it; a re-encoded copy of the poster and a photo with the twibbon
 * frame laid over it are warned about with the reference's label and ticket, an unrelated photo
 * is not. Writes into /etc/chromium/policies/managed: run under the shared lock
 * (flock /work/wt/policy.lock …), as tests/e2e/policy.e2e.test.ts.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, openComposer, ROOT_DIR, serveSites, typeInto, waitForPosts, warmUp, type LaunchedBrowser } from './harness';
import { extensionCopyWithTestKey, PolicyFile, serviceWorker } from './policy-support';

const REFS = path.join(ROOT_DIR, 'tests/vision/references');
const PACK = JSON.parse(readFileSync(path.join(REFS, 'pack.json'), 'utf8')) as { id: string };
const copy = (name: string) => ({ name, mimeType: 'image/jpeg', buffer: readFileSync(path.join(REFS, 'copies', name)) });
const NEUTRAL = 'Foto kegiatan hari ini.';

let ext: ReturnType<typeof extensionCopyWithTestKey>;
let policyFile: PolicyFile;
let browser: LaunchedBrowser;

const attach = (p: Page, files: { name: string; mimeType: string; buffer: Buffer }[]) =>
  p.locator('[data-testid="toolBar"] input[data-testid="fileInput"]').first().setInputFiles(files);
const clickPost = (p: Page) => p.locator('[data-testid="tweetButtonInline"]').first().click();

beforeAll(async () => {
  ext = extensionCopyWithTestKey();
  policyFile = new PolicyFile(ext.id);
  policyFile.write({ packs: [{ inline: PACK }] });
  browser = await launchWithExtension({ locale: 'id', extensionDir: ext.dir });
  await serveSites(browser.context);
  await warmUp(browser.context);
});

afterAll(async () => {
  policyFile?.remove();
  await browser?.close();
  ext?.cleanup();
});

describe('agency reference images (managed policy, X fixture)', () => {
  it('the policy’s pack with the reference images is in force', async () => {
    const sw = await serviceWorker(browser.context, ext.id);
    await expect
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      .poll(() => sw.evaluate(async () => ((await (globalThis as any).chrome.storage.local.get('state')).state?.packs ?? []).map((p: { id: string }) => p.id)), { timeout: 40_000 })
      .toContain(PACK.id);
  });

  it('a re-encoded poster and a photo in the twibbon frame: warned with the label and the ticket, the area boxed', async () => {
    const page = await openComposer(browser.context, '/home');
    await typeInto(page, 'tweetTextarea_0', NEUTRAL);
    await attach(page, [copy('poster-jpeg-q40.jpg'), copy('twibbon-over-photo-3.jpg')]);
    await page.locator('jaga-netral-ui button.marker.violation').waitFor({ state: 'visible', timeout: 60_000 });
    await clickPost(page);
    const dlg = page.getByRole('alertdialog');
    await dlg.waitFor({ state: 'visible' });
    const refs = dlg.locator('li.photo-finding[data-kind="reference"]');
    await expect.poll(() => refs.count(), { timeout: 60_000 }).toBe(2);
    const [poster, frame] = await refs.allInnerTexts();
    expect(poster).toContain('gambar rujukan instansi');
    expect(poster).toContain('"poster paslon contoh 2"');
    expect(poster).toContain('Paslon 02 Prabowo Subianto – Gibran Rakabuming Raka');
    expect(frame).toContain('bingkai "twibbon paslon contoh 2"');
    expect(frame).toContain('R05');
    const box = JSON.parse((await refs.nth(1).locator('canvas.thumb').getAttribute('data-boxes'))!) as number[][];
    expect(box).toHaveLength(1);
    await dlg.locator('button[data-action="edit"]').click();
    await page.close();
  });

  it('an unrelated photo is not matched: the post goes out', async () => {
    const page = await openComposer(browser.context, '/home');
    await typeInto(page, 'tweetTextarea_0', NEUTRAL);
    await attach(page, [{ name: 'kantor.jpg', mimeType: 'image/jpeg', buffer: readFileSync(path.join(ROOT_DIR, 'tests/vision/text/greeting-idul-fitri.jpg')) }]);
    await expect.poll(() => page.locator('jaga-netral-ui button.marker.checking').count(), { timeout: 60_000 }).toBe(0);
    await clickPost(page);
    const [post] = await waitForPosts(page, 1, 30_000);
    expect(post!.texts).toEqual([NEUTRAL]);
    await page.close();
  });
});
