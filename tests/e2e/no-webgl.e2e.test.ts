/**
 * Chromium with no WebGL (no GPU and no software rasterizer, WebGL switched off, as where the GPU
 * is blocklisted and there is no software fallback): the hand engine cannot run (MediaPipe takes images only as WebGL textures),
 * and the warning says that the photo could not be checked on this computer, instead of a vague
 * engine failure. The post is held like any unchecked photo.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, openComposer, posts, ROOT_DIR, serveSites, typeInto, warmUp, type LaunchedBrowser } from './harness';

const TWO = 'fingerpose-gif-frame03.png';
let browser: LaunchedBrowser;

beforeAll(async () => {
  // --disable-3d-apis alone still leaves the offscreen document WebGL through SwiftShader
  browser = await launchWithExtension({ locale: 'id', args: ['--disable-3d-apis', '--disable-webgl', '--disable-webgl2', '--disable-software-rasterizer'] });
  await serveSites(browser.context);
  await warmUp(browser.context);
});

afterAll(async () => {
  await browser?.close();
});

describe('Chromium without WebGL', () => {
  it('the warning says the photo could not be checked on this computer, and the post is held', async () => {
    const page = await openComposer(browser.context, '/home');
    await typeInto(page, 'tweetTextarea_0', 'Dokumentasi rapat koordinasi anggaran hari ini.');
    await page
      .locator('[data-testid="toolBar"] input[data-testid="fileInput"]')
      .first()
      .setInputFiles([{ name: TWO, mimeType: 'image/png', buffer: readFileSync(path.join(ROOT_DIR, 'tests/vision/photos', TWO)) }]);
    await page.locator('[data-testid="tweetButtonInline"]').first().click();
    const item = page.getByRole('alertdialog').locator('li[data-problem="no-webgl"]');
    await item.waitFor({ timeout: 60_000 });
    expect(await item.innerText()).toContain('foto tidak dapat diperiksa di komputer ini');
    expect(await posts(page)).toEqual([]);
  });
});
