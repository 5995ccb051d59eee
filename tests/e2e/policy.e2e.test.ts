/**
 * Agency policy, for real: a policy file in Chromium's managed-policy folder
 * (/etc/chromium/policies/managed, as an agency's rollout would put it), the built extension loaded
 * unpacked, and the warning on the X composer in each mode. Policy changes are made while the
 * browser runs (Chromium re-reads the folder; no restart). A pack is served from 127.0.0.1 and
 * signed; a tampered copy is refused and the last good one stays.
 *
 * The extension is loaded under a test key (its own id) so the policy can't reach any other
 * Chromium on the machine, and the policy file is removed after the tests, pass or fail.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page, Worker } from 'playwright-core';
import { launchWithExtension, openComposer, openSite, posts, ROOT_DIR, serveSites, sitePosts, typeInto, waitForPosts, waitForSitePosts, warmUp, type LaunchedBrowser } from './harness';
import { extensionCopyWithTestKey, packServer, PolicyFile, serviceWorker } from './policy-support';
import { generateKeyPair, signPack } from '../../lib/policy/signature';

const PACK_TEXT = readFileSync(path.join(ROOT_DIR, 'tests/fixtures-policy/pilkada-uji.json'), 'utf8');
/** Flagged only through the agency's pack (a fictional candidate's campaign hashtag). */
const REGIONAL = 'Ayo menangkan #ZulMelati2029';
/** A caution from the national pack. */
const CAUTION = 'Nonton debat capres semalam, menurutku paslon 2 paling siap';
const AGENCY = { name: 'Pemerintah Kota Uji', contact: 'tik@uji.go.id' };

let ext: ReturnType<typeof extensionCopyWithTestKey>;
let policyFile: PolicyFile;
let server: Awaited<ReturnType<typeof packServer>>;
let browser: LaunchedBrowser;
let publicKey: string;
const files = new Map<string, Buffer | string>();
let page: Page | undefined;

interface State {
  effective: { mode: string; sites: Record<string, boolean>; agency?: { name: string }; locked: string[] };
  packs: { id: string }[];
  status: { source: string; url?: string; id?: string; active: boolean; error?: string; stale?: boolean; signed?: boolean; updatedAt?: number }[];
  updatedAt: number;
}

async function sw(): Promise<Worker> {
  return serviceWorker(browser.context, ext.id);
}

async function readState(): Promise<State | undefined> {
  const w = await sw();
  return w.evaluate(async () => (await (globalThis as any).chrome.storage.local.get('state')).state);
}

async function waitForState(what: string, ok: (s: State) => boolean, timeoutMs = 40_000): Promise<State> {
  const deadline = Date.now() + timeoutMs;
  let last: State | undefined;
  while (Date.now() < deadline) {
    last = await readState().catch(() => undefined);
    if (last && ok(last)) return last;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`policy state never reached: ${what}; last: ${JSON.stringify(last)?.slice(0, 600)}`);
}

const basePolicy = () => ({
  agency: AGENCY,
  packs: [{ url: `${server.origin}/packs/pilkada-uji.json` }],
  packPublicKey: publicKey,
});

async function composer(): Promise<Page> {
  await page?.close();
  page = await openComposer(browser.context, '/home');
  return page;
}

const dialog = (p: Page) => p.getByRole('alertdialog');
const clickPost = (p: Page) => p.locator('[data-testid="tweetButtonInline"]').first().click();

async function historyRows(): Promise<Record<string, unknown>[]> {
  const w = await sw();
  return w.evaluate(
    () =>
      new Promise<Record<string, unknown>[]>((resolve, reject) => {
        const req = indexedDB.open('jaga-netral-history');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const db = req.result;
          const all = db.transaction('warnings').objectStore('warnings').getAll();
          all.onsuccess = () => {
            resolve(all.result);
            db.close();
          };
          all.onerror = () => reject(all.error);
        };
      }),
  );
}

beforeAll(async () => {
  ext = extensionCopyWithTestKey();
  policyFile = new PolicyFile(ext.id);
  const keys = await generateKeyPair();
  publicKey = keys.publicKey;
  files.set('/packs/pilkada-uji.json', PACK_TEXT);
  files.set('/packs/pilkada-uji.json.sig', await signPack(new TextEncoder().encode(PACK_TEXT), keys.privateKey));
  server = await packServer(files);
  // the first policy is in place before the browser starts, as after a rollout
  policyFile.write({ ...basePolicy(), mode: 'block', locked: ['mode'] });
  browser = await launchWithExtension({ locale: 'id', extensionDir: ext.dir });
  await serveSites(browser.context, { passThrough: (u) => u.hostname === '127.0.0.1' });
  await warmUp(browser.context);
});

afterAll(async () => {
  policyFile?.remove();
  await browser?.close();
  await server?.close();
  ext?.cleanup();
});

describe('managed policy (Chromium, /etc/chromium/policies/managed)', () => {
  it('reaches the extension: mode, agency, and the signed pack from the agency server', async () => {
    const s = await waitForState('block mode with the URL pack', (s) => s.effective.mode === 'block' && s.packs.some((p) => p.id === 'pilkada-uji'));
    expect(s.effective.agency).toEqual(AGENCY);
    expect(s.effective.locked).toEqual(['mode']);
    expect(s.status.find((x) => x.source === 'url')).toMatchObject({ id: 'pilkada-uji', active: true, signed: true });
    expect(server.hits).toEqual(expect.arrayContaining(['/packs/pilkada-uji.json', '/packs/pilkada-uji.json.sig']));
  });

  it('block: a violation cannot be posted; the warning names the agency and its contact', async () => {
    const p = await composer();
    await typeInto(p, 'tweetTextarea_0', REGIONAL);
    await clickPost(p);
    const dlg = dialog(p);
    await dlg.waitFor();
    const text = await dlg.innerText();
    expect(text).toContain('#ZulMelati2029'); // found through the agency's pack
    expect(text).toContain('Instansi Anda tidak mengizinkan');
    expect(text).toContain('Instansi: Pemerintah Kota Uji · Kontak: tik@uji.go.id');
    expect(await dlg.locator('button[data-action="post"]').count()).toBe(0);
    // Enter on the focused "Ubah tulisan" and Ctrl+Enter from the editor can't post either
    await p.keyboard.press('Enter');
    await dlg.waitFor({ state: 'detached' });
    await p.locator('[data-testid="tweetTextarea_0"]').first().click();
    await p.keyboard.press('Control+Enter');
    await dlg.waitFor();
    await p.keyboard.press('Escape');
    await dlg.waitFor({ state: 'detached' });
    expect(await posts(p)).toEqual([]);
  });

  it('block: a caution still only warns, and can be posted anyway', async () => {
    const p = await composer();
    await typeInto(p, 'tweetTextarea_0', CAUTION);
    await clickPost(p);
    const post = dialog(p).locator('button[data-action="post"]');
    await post.click();
    const sent = await waitForPosts(p, 1);
    expect(sent.map((x) => x.texts)).toEqual([[CAUTION]]);
  });

  it('block: a campaign poster chosen as the Instagram profile photo never reaches the site; a clean one then uploads once', async () => {
    await page?.close();
    page = await openSite(browser.context, 'https://www.instagram.com/budi.santoso/', 'button[title="Ubah foto profil"]');
    const p = page;
    const upload = async (name: string) => {
      // the site's own "Ubah Foto Profil" dialog stays open while a held choice is refused
      if (!(await p.getByRole('dialog').count())) await p.locator('button[title="Ubah foto profil"]').click();
      const [chooser] = await Promise.all([p.waitForEvent('filechooser'), p.getByRole('dialog').getByRole('button', { name: 'Unggah Foto' }).click()]);
      await chooser.setFiles({ name, mimeType: 'image/jpeg', buffer: readFileSync(path.join(ROOT_DIR, 'tests/vision/text', name)) });
    };
    await upload('poster-coblos-nomor-2.jpg');
    const dlg = dialog(p);
    await dlg.locator('li.photo-finding[data-kind="text"]').first().waitFor({ timeout: 60_000 });
    expect(await dlg.innerText()).toContain('Instansi Anda tidak mengizinkan');
    expect(await dlg.locator('button[data-action="post"]').count()).toBe(0);
    await p.keyboard.press('Escape');
    await dlg.waitFor({ state: 'detached' });
    await p.waitForTimeout(500);
    expect(await sitePosts(p)).toEqual([]);
    await upload('greeting-idul-fitri.jpg');
    const [sent] = await waitForSitePosts(p, 1, 60_000);
    expect(sent).toMatchObject({ kind: 'profile-picture', text: 'greeting-idul-fitri.jpg' });
    await p.waitForTimeout(500);
    expect(await sitePosts(p)).toHaveLength(1);
  });

  it('a locked setting stays as the policy says; unlocked, the person’s choice wins', async () => {
    const w = await sw();
    const before = (await readState())!.updatedAt;
    await w.evaluate(() => (globalThis as any).chrome.storage.local.set({ settings: { mode: 'warn' } }));
    const s = await waitForState('recomputed after the settings change', (s) => s.updatedAt > before);
    expect(s.effective.mode).toBe('block');

    policyFile.write({ ...basePolicy(), mode: 'block' }); // no longer locked
    await waitForState('mode unlocked → the person’s warn', (s) => s.effective.mode === 'warn' && s.effective.locked.length === 0);
    await w.evaluate(() => (globalThis as any).chrome.storage.local.remove('settings'));
  });

  it('confirm: posting anyway needs a typed reason, which goes into the private history', async () => {
    policyFile.write({ ...basePolicy(), mode: 'confirm', locked: ['mode'] });
    await waitForState('confirm mode', (s) => s.effective.mode === 'confirm');
    const p = await composer();
    await typeInto(p, 'tweetTextarea_0', REGIONAL);
    await clickPost(p);
    const dlg = dialog(p);
    const post = dlg.locator('button[data-action="post"]');
    const reason = dlg.locator('textarea[data-field="reason"]');
    await expect(post.isDisabled()).resolves.toBe(true);
    expect(await dlg.innerText()).toContain('alasan');
    await reason.fill('ok');
    await expect(post.isDisabled()).resolves.toBe(true); // too short
    await reason.fill('Undangan resmi dari kantor');
    await expect(post.isDisabled()).resolves.toBe(false);
    await p.screenshot({ path: path.join(ROOT_DIR, 'tests/e2e/.artifacts/policy-confirm.png') });
    await post.click();
    const sent = await waitForPosts(p, 1);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.texts).toEqual([REGIONAL]);
    await p.waitForTimeout(300);
    expect(await posts(p)).toHaveLength(1); // once

    const rows = await historyRows();
    const last = rows.at(-1)!;
    expect(last).toMatchObject({ site: 'x', severity: 'violation', action: 'posted', reason: 'Undangan resmi dari kantor', rules: ['tagar-kampanye'] });
    expect(JSON.stringify(rows)).not.toContain('ZulMelati'); // no post text kept
    // block (Enter, then Esc), the caution posted anyway, and this one
    expect(rows.map((r) => [r.action, r.severity])).toEqual([
      ['blocked', 'violation'],
      ['blocked', 'violation'],
      ['posted', 'caution'],
      ['posted', 'violation'],
    ]);
  });

  it('warn: edit or post anyway, no reason asked', async () => {
    policyFile.write({ ...basePolicy(), mode: 'warn', locked: ['mode'] });
    await waitForState('warn mode', (s) => s.effective.mode === 'warn');
    const p = await composer();
    await typeInto(p, 'tweetTextarea_0', REGIONAL);
    await clickPost(p);
    const dlg = dialog(p);
    await dlg.waitFor();
    expect(await dlg.locator('textarea').count()).toBe(0);
    await dlg.locator('button[data-action="post"]').click();
    expect((await waitForPosts(p, 1)).map((x) => x.texts)).toEqual([[REGIONAL]]);
  });

  it('sites: where the policy turns it off, posts go out unchecked', async () => {
    policyFile.write({ ...basePolicy(), sites: ['facebook'], locked: ['sites'] });
    await waitForState('x off', (s) => s.effective.sites.x === false);
    const p = await composer();
    await typeInto(p, 'tweetTextarea_0', REGIONAL);
    await clickPost(p);
    expect((await waitForPosts(p, 1)).map((x) => x.texts)).toEqual([[REGIONAL]]);
    expect(await dialog(p).count()).toBe(0);
  });

  it('a tampered pack is refused with the reason and the last good copy stays', async () => {
    // Chrome drops keys its schema doesn't know; what passes its schema but not ours is reported
    policyFile.write({ ...basePolicy(), packs: [...basePolicy().packs, { url: 'http://pack.contoh.go.id/p.json' }], mode: 'block', locked: ['mode'] });
    await waitForState('back on', (s) => !!s.effective.sites.x && s.effective.mode === 'block');
    files.set('/packs/pilkada-uji.json', PACK_TEXT.replace('"#ZulMelati2029"', '"#ZulMelati2029", "#Disisipkan"'));
    // "Perbarui paket sekarang" on the options page forces a download
    const opts = await browser.context.newPage();
    await opts.goto(`chrome-extension://${ext.id}/options.html`);
    // the settings page says who manages it, what is locked, and what in the policy was wrong
    await opts.getByTestId('managed').filter({ hasText: 'Dikelola oleh Pemerintah Kota Uji' }).waitFor();
    expect(await opts.locator('select[data-setting="mode"]').isDisabled()).toBe(true);
    expect(await opts.locator('#status').innerText()).toContain('dikunci oleh instansi Anda');
    expect(await opts.locator('#status .problems').innerText()).toContain('$.packs[1].url only https:// addresses are allowed');
    expect(await opts.locator('input[data-site="x"]').isDisabled()).toBe(false);
    const before = (await readState())!.updatedAt;
    await opts.getByRole('button', { name: /Perbarui paket/ }).click();
    const s = await waitForState('refreshed', (s) => s.updatedAt > before);
    const url = s.status.find((x) => x.source === 'url')!;
    expect(url).toMatchObject({ id: 'pilkada-uji', active: true, stale: true });
    expect(url.error).toMatch(/signature does not match/);
    await opts.getByText(/signature does not match/).first().waitFor();
    await opts.close();
    // the good copy still flags the candidate; the inserted hashtag isn't there
    let p = await composer();
    await typeInto(p, 'tweetTextarea_0', REGIONAL);
    await clickPost(p);
    await dialog(p).waitFor();
    await p.keyboard.press('Escape');
    p = await composer();
    await typeInto(p, 'tweetTextarea_0', 'Menang #Disisipkan');
    await clickPost(p);
    expect((await waitForPosts(p, 1)).map((x) => x.texts)).toEqual([['Menang #Disisipkan']]);
    files.set('/packs/pilkada-uji.json', PACK_TEXT);
  });
});
