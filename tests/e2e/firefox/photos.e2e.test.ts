/**
 * Firefox ESR, the built Firefox extension as an add-on: photos read for their text (Tesseract in
 * the background page) and the profile-picture flows, on the Facebook and Instagram fixtures. A
 * campaign poster in the Create post dialog is warned about as "tulisan di foto"; a poster chosen
 * as Facebook's cover is held at "Simpan perubahan"; on Instagram, which uploads a profile photo the
 * moment it is chosen, the choice is held until the person decides and then handed to the site
 * once; a greeting card goes through once, unwarned. A poster taken out of the Create post draft
 * again (the cross on its preview) no longer counts.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT_DIR, type SitePost } from '../harness';
import { openWithExtension, useFirefox, type FxPage } from './harness';

const TEXT = path.join(ROOT_DIR, 'tests/vision/text');
const POSTER = path.join(TEXT, 'poster-coblos-nomor-2.jpg');
const GREETING = path.join(TEXT, 'greeting-idul-fitri.jpg');
const DIALOG = 'jaga-netral-ui >>> [role="alertdialog"]';
const TEXT_FINDING = `${DIALOG} li.photo-finding[data-kind="text"]`;

const posts = (p: FxPage) => p.eval<SitePost[]>('window.__posts');
const noDialog = (p: FxPage) => p.eval<boolean>(`!find(${JSON.stringify(DIALOG)})`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const waitForPosts = (p: FxPage, n: number) => p.waitFor<SitePost[]>(`window.__posts.length >= ${n} && window.__posts`, `${n} post(s)`, 60_000);
const textFinding = (p: FxPage) => p.waitFor<string>(`find(${JSON.stringify(TEXT_FINDING)})?.innerText`, 'the text-in-photo finding', 60_000);

describe('Firefox: photos on Facebook and Instagram', () => {
  const suite = useFirefox();

  it('a campaign poster in the Facebook Create post dialog: "tulisan di foto", nothing published', async () => {
    const page = await openWithExtension(suite.ff, 'https://www.facebook.com/', '[role="button"][aria-label="Buat postingan"]');
    await page.click('[role="button"][aria-label="Buat postingan"]');
    await page.click('[role="dialog"] [contenteditable="true"]');
    await page.type('Dokumentasi kegiatan kantor hari ini.');
    await page.setFiles('[role="dialog"] input[type="file"]', [POSTER]);
    await page.waitFor(`!!find('[data-testid="fb-media"]')`, 'the photo preview');
    await page.click('[role="dialog"] [role="button"][aria-label="Posting"]');
    const text = await textFinding(page);
    expect(text).toContain('tulisan di foto');
    expect(text).toContain('poster-coblos-nomor-2.jpg');
    expect(await posts(page)).toEqual([]);
    await page.close();
  });

  it('a poster taken out of the Facebook draft with its cross no longer counts: the other photo is posted once, unwarned', async () => {
    const page = await openWithExtension(suite.ff, 'https://www.facebook.com/', '[role="button"][aria-label="Buat postingan"]');
    await page.click('[role="button"][aria-label="Buat postingan"]');
    await page.click('[role="dialog"] [contenteditable="true"]');
    await page.type('Dokumentasi kegiatan kantor hari ini.');
    await page.setFiles('[role="dialog"] input[type="file"]', [POSTER, GREETING]);
    await page.waitFor(`document.querySelectorAll('[data-testid="fb-media"] .photo').length === 2`, 'two photo previews');
    await page.click('[data-testid="fb-media"] .photo:first-child [role="button"][aria-label="Hapus"]');
    await page.waitFor(`document.querySelectorAll('[data-testid="fb-media"] .photo').length === 1`, 'the poster preview gone');
    await page.click('[role="dialog"] [role="button"][aria-label="Posting"]');
    const [post] = await waitForPosts(page, 1);
    expect(post).toMatchObject({ site: 'facebook', kind: 'post', files: ['greeting-idul-fitri.jpg'] });
    await sleep(1_000);
    expect(await posts(page)).toHaveLength(1);
    expect(await noDialog(page)).toBe(true);
    await page.close();
  });

  it('a campaign poster as the Facebook cover: held at "Simpan perubahan", saved once on "Tetap kirim"', async () => {
    const page = await openWithExtension(suite.ff, 'https://www.facebook.com/budi.santoso', '[role="button"][aria-label="Edit foto sampul"]');
    await page.click('[role="button"][aria-label="Edit foto sampul"]');
    // the page's hidden picker, as "Unggah foto" would fill it (Firefox's own file dialog is not drivable)
    await page.setFiles('[data-pagelet="ProfileCover"] input[type="file"]', [POSTER]);
    await page.click('[role="button"][aria-label="Simpan perubahan"]');
    expect(await textFinding(page)).toContain('tulisan di foto');
    expect(await posts(page)).toEqual([]);
    await page.click(`${DIALOG} button[data-action="post"]`);
    const [post] = await waitForPosts(page, 1);
    expect(post).toMatchObject({ site: 'facebook', kind: 'cover-photo', text: 'poster-coblos-nomor-2.jpg' });
    await sleep(1_000); // a second save would show by now
    expect(await posts(page)).toHaveLength(1);
    await page.close();
  });

  it('Instagram profile photo: a poster is not uploaded until the person decides, then once', async () => {
    const page = await openWithExtension(suite.ff, 'https://www.instagram.com/budi.santoso/', 'button[title="Ubah foto profil"]');
    await page.setFiles('form[enctype="multipart/form-data"] input[type="file"]', [POSTER]);
    expect(await textFinding(page)).toContain('tulisan di foto');
    await sleep(500);
    expect(await posts(page)).toEqual([]);
    await page.click(`${DIALOG} button[data-action="post"]`);
    const [post] = await waitForPosts(page, 1);
    expect(post).toMatchObject({ site: 'instagram', kind: 'profile-picture', text: 'poster-coblos-nomor-2.jpg' });
    await sleep(1_000);
    expect(await posts(page)).toHaveLength(1);
    await page.close();
  });

  it('Instagram profile photo: a greeting card uploads once, after its check, unwarned', async () => {
    const page = await openWithExtension(suite.ff, 'https://www.instagram.com/budi.santoso/', 'button[title="Ubah foto profil"]');
    await page.setFiles('form[enctype="multipart/form-data"] input[type="file"]', [GREETING]);
    const [post] = await waitForPosts(page, 1);
    expect(post).toMatchObject({ kind: 'profile-picture', text: 'greeting-idul-fitri.jpg' });
    await page.waitFor(`!find(${JSON.stringify(DIALOG)})`, 'no warning left');
    await sleep(1_000);
    expect(await posts(page)).toHaveLength(1);
    expect(await noDialog(page)).toBe(true);
    await page.close();
  });

  it("reading the photos' text fetched nothing: Firefox's record holds only the fixtures' pages and scripts", () => {
    expect(suite.ff.proxy.requests.length).toBeGreaterThan(0);
    expect(suite.ff.proxy.foreign()).toEqual([]);
    expect(suite.ff.proxy.requests.every((r) => /^GET https:\/\/www\.(facebook|instagram)\.com\//.test(r))).toBe(true);
  });
});
