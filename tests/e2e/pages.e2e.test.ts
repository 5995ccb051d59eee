/**
 * The popup and the settings page in the built extension (Chromium, Indonesian UI, no agency policy):
 * warnings on X go into the private history, the popup tells this tab's state and today's count,
 * the settings page shows packs and history, exports and clears it, adds local candidates that
 * then count on X, switches language, and its "Coba" box shows what would be flagged.
 * Screenshots in tests/e2e/.artifacts/ (copied to docs/ by hand for the README).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { launchWithExtension, openComposer, posts, ROOT_DIR, serveSites, typeInto, waitForPosts, warmUp, type LaunchedBrowser, type SiteServer } from './harness';
import { serviceWorker } from './policy-support';

const ID = 'mekapaehnloejpjllmbgdepkmodmjhin';
const CAMPAIGN = 'Ayo coblos nomor 2 sekarang #PrabowoGibran2024';
const LOCAL = 'Mari dukung Rahmat Hidayatullah jadi bupati';
const CSV = 'election,region,number,candidate,running_mate,aliases\nPilkada 2029,Kabupaten Uji,4,Rahmat Hidayatullah,Dewi Lestari,Kang Rahmat';

let browser: LaunchedBrowser;
let server: SiteServer;
let x: Page;

const dialog = (p: Page) => p.getByRole('alertdialog');
const clickPost = (p: Page) => p.locator('[data-testid="tweetButtonInline"]').first().click();

async function openExtensionPage(name: 'popup' | 'options', size = { width: 900, height: 900 }): Promise<Page> {
  const p = await browser.context.newPage();
  await p.setViewportSize(size);
  await p.goto(`chrome-extension://${ID}/${name}.html`);
  return p;
}

async function popupFor(tab: Page): Promise<Page> {
  await tab.bringToFront();
  const p = await openExtensionPage('popup', { width: 360, height: 260 });
  await p.getByTestId('tab-status').waitFor();
  return p;
}

beforeAll(async () => {
  browser = await launchWithExtension({ locale: 'id' });
  server = await serveSites(browser.context);
  await warmUp(browser.context);
  await serviceWorker(browser.context, ID);
  // two warnings: one edited, one posted anyway
  x = await openComposer(browser.context, '/home');
  await typeInto(x, 'tweetTextarea_0', CAMPAIGN);
  await clickPost(x);
  await dialog(x).locator('button[data-action="edit"]').click();
  await clickPost(x);
  await dialog(x).locator('button[data-action="post"]').click();
  await waitForPosts(x, 1);
});

afterAll(async () => {
  await browser?.close();
});

describe('popup', () => {
  it('on X: protection active, today’s warnings, a link to the settings', async () => {
    const p = await popupFor(x);
    await p.getByTestId('today').filter({ hasText: 'Peringatan hari ini: 2' }).waitFor();
    expect(await p.getByTestId('tab-status').innerText()).toBe('Jaga Netral aktif di X');
    expect(await p.getByTestId('tab-status').getAttribute('data-state')).toBe('ok');
    expect(await p.getByTestId('open-options').getAttribute('href')).toBe(`chrome-extension://${ID}/options.html`);
    expect(await p.locator('body').innerText()).toContain('Tersimpan hanya di perangkat ini');
    await p.screenshot({ path: path.join(ROOT_DIR, 'tests/e2e/.artifacts/popup.png') });
    await p.close();
  });

  it('on an X page whose markup changed (editor not recognised): degraded', async () => {
    const t = await browser.context.newPage();
    await t.goto('https://x.com/home?variant=changed', { waitUntil: 'domcontentloaded' });
    const box = t.locator('[data-testid="postTextarea_0"]');
    await box.click();
    await t.keyboard.type('Rapat pagi');
    await t.waitForFunction(() => document.documentElement.getAttribute('data-jaga-netral-health') === 'degraded');
    const p = await popupFor(t);
    expect(await p.getByTestId('tab-status').getAttribute('data-state')).toBe('degraded');
    expect(await p.getByTestId('tab-status').innerText()).toContain('perlindungan di X berkurang');
    await p.close();
    await t.close();
  });

  it('on a page Jaga Netral does not cover: says so', async () => {
    const t = await browser.context.newPage();
    await t.goto('about:blank');
    const p = await popupFor(t);
    expect(await p.getByTestId('tab-status').getAttribute('data-state')).toBe('idle');
    await p.close();
    await t.close();
  });
});

describe('settings page', () => {
  let o: Page;
  beforeAll(async () => {
    o = await openExtensionPage('options');
    await o.locator('#packs tr[data-pack="nasional-2024"]').waitFor();
  });

  it('says nothing is sent anywhere, that no agency manages it, and lists the packs', async () => {
    expect(await o.getByTestId('privacy').innerText()).toContain('Tidak ada yang dikirim ke mana pun');
    expect(await o.getByTestId('managed').innerText()).toContain('Tidak ada kebijakan instansi');
    const row = await o.locator('#packs tr[data-pack="nasional-2024"]').innerText();
    expect(row).toContain('Bawaan (nasional)');
    expect(row).toContain('Aktif');
    expect(await o.locator('select[data-setting="mode"]').isDisabled()).toBe(false);
  });

  it('shows the private history without the post text, and exports it', async () => {
    const table = o.getByTestId('history');
    await table.waitFor();
    const text = await table.innerText();
    expect(text).toContain('Mengubah tulisan');
    expect(text).toContain('Tetap mengirim');
    expect(text).toContain('ajakan-coblos-nomor');
    expect(text).not.toContain('coblos nomor 2'); // excerpts are off by default
    const [csvDownload] = await Promise.all([o.waitForEvent('download'), o.getByRole('button', { name: 'Ekspor CSV' }).click()]);
    const csv = await readFile((await csvDownload.path())!, 'utf8');
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toBe('time,site,kind,severity,rules,action,reason,excerpt');
    expect(lines.slice(1).map((l) => l.split(',')[5])).toEqual(['"posted"', '"edited"']);
    const [jsonDownload] = await Promise.all([o.waitForEvent('download'), o.getByRole('button', { name: 'Ekspor JSON' }).click()]);
    const json = JSON.parse(await readFile((await jsonDownload.path())!, 'utf8'));
    expect(json.warnings.map((w: { action: string }) => w.action)).toEqual(['posted', 'edited']);
  });

  it('Coba: shows exactly what would be flagged and why', async () => {
    await o.locator('textarea[data-field="try"]').fill(CAMPAIGN);
    const result = o.getByTestId('try-result');
    await expect(result.getAttribute('data-verdict')).resolves.toBe('violation');
    const rules = await result.locator('li[data-rule]').evaluateAll((els) => els.map((e) => e.getAttribute('data-rule')));
    expect(rules).toEqual(['ajakan-coblos-nomor', 'tagar-kampanye']);
    expect(await result.innerText()).toContain('SKB 2022');
    await o.locator('#try').scrollIntoViewIfNeeded();
    await o.screenshot({ path: path.join(ROOT_DIR, 'tests/e2e/.artifacts/options.png'), fullPage: true });
  });

  it('Coba: a photo shows the hand pose it would be flagged for', async () => {
    const file = (name: string) => ({ name, mimeType: 'image/png', buffer: readFileSync(path.join(ROOT_DIR, 'tests/vision/photos', name)) });
    await o.locator('input[data-field="try-photo"]').setInputFiles(file('fingerpose-gif-frame03.png')); // peace sign
    const result = o.getByTestId('try-photo-result');
    await result.and(o.locator(':not([data-state="checking"])')).waitFor({ timeout: 90_000 });
    expect(await result.getAttribute('data-state')).toBe('violation');
    expect(await result.innerText()).toContain('Foto ini bisa melanggar netralitas ASN');
    expect(await result.innerText()).toContain('dua jari');
    expect(await result.innerText()).toContain('R04');
    await o.locator('#try').screenshot({ path: path.join(ROOT_DIR, 'tests/e2e/.artifacts/options-try-photo.png') });
  }, 120_000);

  it('a local candidate added here is flagged on X; a bad list is refused with the reason', async () => {
    const mine = o.locator('textarea[data-field="mine"]');
    await mine.fill('election,region\nPilkada,Uji');
    await o.getByRole('button', { name: 'Tambahkan' }).click();
    await o.locator('#mine [role="alert"]').waitFor();
    await mine.fill(CSV);
    await o.getByRole('button', { name: 'Tambahkan' }).click();
    await o.locator('#packs tr', { hasText: 'Tambahan Anda' }).waitFor();
    await o.locator('textarea[data-field="try"]').fill(LOCAL);
    await expect(o.getByTestId('try-result').getAttribute('data-verdict')).resolves.not.toBe('ok');

    const p = await openComposer(browser.context, '/home');
    await typeInto(p, 'tweetTextarea_0', LOCAL);
    await clickPost(p);
    await dialog(p).waitFor();
    expect(await dialog(p).innerText()).toContain('Rahmat Hidayatullah');
    await p.keyboard.press('Escape');
    expect(await posts(p)).toEqual([]);
    await p.close();
  });

  it('turning X off here lets posts through unchecked, and the popup says off', async () => {
    await o.bringToFront();
    await o.locator('input[data-site="x"]').uncheck();
    const p = await openComposer(browser.context, '/home');
    await p.waitForTimeout(300);
    const pop = await popupFor(p);
    expect(await pop.getByTestId('tab-status').getAttribute('data-state')).toBe('off');
    await pop.close();
    await typeInto(p, 'tweetTextarea_0', CAMPAIGN);
    await clickPost(p);
    expect((await waitForPosts(p, 1))[0]!.texts).toEqual([CAMPAIGN]);
    await p.close();
    await o.bringToFront();
    await o.locator('input[data-site="x"]').check();
  });

  it('language: English on request, in the settings and in the warning on X', async () => {
    await o.locator('select[data-setting="lang"]').selectOption('en');
    await o.getByRole('heading', { name: 'Jaga Netral — Settings' }).waitFor();
    expect(await o.getByTestId('privacy').innerText()).toContain('Nothing is sent anywhere');
    const p = await openComposer(browser.context, '/home');
    await typeInto(p, 'tweetTextarea_0', CAMPAIGN);
    await clickPost(p);
    const text = await dialog(p).innerText();
    expect(text).toContain('Edit post');
    expect(text).toContain('Post anyway');
    await p.keyboard.press('Escape');
    await p.close();
    await o.bringToFront();
    await o.locator('select[data-setting="lang"]').selectOption('auto');
    await o.getByRole('heading', { name: 'Jaga Netral — Pengaturan' }).waitFor();
  });

  it('an engagement warning (Like on campaign content) goes into the history too', async () => {
    const p = await openComposer(browser.context, '/home?engage=1');
    await p.locator('article[data-testid="tweet"]').filter({ hasText: 'Relawan Ganjar Mahfud' }).locator('[data-testid="like"]').click();
    await dialog(p).getByRole('button', { name: 'Batalkan' }).click();
    await p.close();
    await o.bringToFront();
    await o.reload();
    await o.getByTestId('history').locator('tr', { hasText: 'Like · Membatalkan' }).waitFor();
  });

  it('clear all empties the history', async () => {
    o.once('dialog', (d) => void d.accept());
    await o.getByRole('button', { name: 'Hapus semua riwayat' }).click();
    await o.getByTestId('history-empty').waitFor();
    expect(server.foreign()).toEqual([]); // and nothing went anywhere
  });
});
