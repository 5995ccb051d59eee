/**
 * Firefox ESR (Debian's firefox-esr, over WebDriver BiDi), the built Firefox extension installed as
 * an add-on, the X fixture at https://x.com: a campaign post is warned and held, a neutral post goes
 * out untouched, "Tetap kirim" posts once with the draft as written, a photo with a two-finger pose
 * is checked by the hand engine (in the background page), and without WebGL the warning says the
 * photo could not be checked on this computer. Firefox sends every request (loopback included)
 * through the fixture proxy, whose record is the browser's whole network traffic: nothing but the
 * fixture's own files may appear there.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT_DIR, type XPost } from '../harness';
import { openWithExtension, useFirefox, type FirefoxSession, type FxPage } from './harness';

const COMPOSER = '[data-testid="tweetTextarea_0"]';
const POST = '[data-testid="tweetButtonInline"]';
const FILE_INPUT = '[data-testid="toolBar"] input[data-testid="fileInput"]';
const DIALOG = 'jaga-netral-ui >>> [role="alertdialog"]';
const CAMPAIGN = 'Ayo coblos nomor 2 tanggal 14 Februari!';
const NEUTRAL = 'Rapat koordinasi anggaran dimulai pukul sembilan pagi.';
const TWO = path.join(ROOT_DIR, 'tests/vision/photos/fingerpose-gif-frame03.png');

const posts = (p: FxPage) => p.eval<XPost[]>('window.__xPosts');
const dialogText = (p: FxPage) => p.waitFor<string>(`find(${JSON.stringify(DIALOG)})?.innerText`, 'the warning');
const noDialog = (p: FxPage) => p.eval<boolean>(`!find(${JSON.stringify(DIALOG)})`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Past MediaPipe's 60 s logger interval and the engine's 60 s idle release (a logger would have called by then). */
const AFTER_ENGINE_MS = 75_000;
let engineStartedAt = 0;

async function composer(ff: FirefoxSession, text: string): Promise<FxPage> {
  const page = await openWithExtension(ff, 'https://x.com/home', COMPOSER);
  await page.click(COMPOSER);
  await page.type(text);
  return page;
}

describe('Firefox: the X composer', () => {
  const suite = useFirefox();

  it('a campaign post is warned and held; "Ubah tulisan" returns to the draft as written', async () => {
    const page = await composer(suite.ff, CAMPAIGN);
    await page.click(POST);
    const text = await dialogText(page);
    expect(text).toContain('Tulisan ini bisa melanggar netralitas ASN');
    expect(text).toContain('coblos nomor 2');
    expect(await posts(page)).toEqual([]);
    await page.click(`${DIALOG} button[data-action="edit"]`);
    await page.waitFor(`!find(${JSON.stringify(DIALOG)})`, 'the warning to close');
    expect(await posts(page)).toEqual([]);
    expect(await page.eval<string>(`find(${JSON.stringify(COMPOSER)}).innerText.trim()`)).toBe(CAMPAIGN);
    await page.close();
  });

  it('a neutral post goes out at once, untouched, with no warning', async () => {
    const page = await composer(suite.ff, NEUTRAL);
    await page.click(POST);
    const sent = await page.waitFor<XPost[]>('window.__xPosts.length >= 1 && window.__xPosts', 'the post');
    expect(sent.map((p) => p.texts)).toEqual([[NEUTRAL]]);
    expect(await noDialog(page)).toBe(true);
    await page.close();
  });

  it('"Tetap kirim" posts once, through the site\'s own submit, with the draft as written', async () => {
    const page = await composer(suite.ff, CAMPAIGN);
    await page.click(POST);
    await dialogText(page);
    await page.click(`${DIALOG} button[data-action="post"]`);
    const sent = await page.waitFor<XPost[]>('window.__xPosts.length >= 1 && window.__xPosts', 'the post');
    await sleep(1_000); // a second submit would show by now
    expect((await posts(page)).map((p) => p.texts)).toEqual([[CAMPAIGN]]);
    expect(sent[0]!.via).toBe('click');
    await page.close();
  });

  it('a photo with a two-finger pose is checked on the device and named in the warning', async () => {
    const page = await composer(suite.ff, NEUTRAL);
    await page.setFiles(FILE_INPUT, [TWO]);
    engineStartedAt = Date.now();
    await page.waitFor(`!!find('jaga-netral-ui >>> button.marker.violation')`, 'the photo finding', 60_000);
    await page.click(POST);
    const text = await dialogText(page);
    expect(text).toContain('fingerpose-gif-frame03.png');
    expect(text).toContain('dua jari');
    expect(text).toContain('R04');
    expect(await posts(page)).toEqual([]);
    await page.close();
  });

  it("nothing left the browser but the fixture's own pages and scripts (Firefox's whole network record, through the proxy)", { timeout: AFTER_ENGINE_MS + 30_000 }, async () => {
    expect(engineStartedAt).toBeGreaterThan(0);
    const left = engineStartedAt + AFTER_ENGINE_MS - Date.now();
    if (left > 0) await sleep(left);
    expect(suite.ff.proxy.requests.length).toBeGreaterThan(0);
    expect(suite.ff.proxy.foreign()).toEqual([]);
    expect(suite.ff.proxy.requests.every((r) => /^GET https:\/\/x\.com\/(home|app\.js|favicon\.ico)$/.test(r))).toBe(true);
  });
});

describe('Firefox without WebGL (as on many office PCs)', () => {
  const suite = useFirefox({ webgl: false });

  it('the warning says the photo could not be checked on this computer, and the post is not sent', async () => {
    const page = await composer(suite.ff, NEUTRAL);
    await page.setFiles(FILE_INPUT, [TWO]);
    await page.click(POST);
    // Post waits (with progress on screen) while the photo is looked at, then names it as unchecked
    const text = await page.waitFor<string>(
      `(() => { const t = find(${JSON.stringify(DIALOG)})?.innerText ?? ''; return t.includes('FOTO YANG TIDAK DAPAT DIPERIKSA') && t; })()`,
      'the unchecked photo in the warning',
      60_000,
    );
    expect(text).toContain('FOTO YANG TIDAK DAPAT DIPERIKSA');
    expect(text).toContain('foto tidak dapat diperiksa di komputer ini');
    expect(text).toContain('WebGL');
    expect(await posts(page)).toEqual([]);
    await page.close();
  });
});
