/**
 * The learned stage on X: praise of a named candidate as the leader to be, which no rule catches,
 * is warned about with the model's finding and the words that drove it; neutral news with a
 * candidate's name goes out untouched; an attack that names no one is held at caution, the warning
 * saying no name was recognised; the settings page's Coba box shows the same finding.
 * Screenshots: tests/e2e/.artifacts/x-model.png, options-try-model.png.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import path from 'node:path';
import { launchWithExtension, openComposer, posts, ROOT_DIR, serveSites, typeInto, waitForPosts, warmUp, type LaunchedBrowser } from './harness';

const PRAISE = 'Pak Ganjar sosok yang pantas jadi presiden, sudah terbukti kerja nyata, teruskan!';
const NEWS = 'Ganjar Pranowo menghadiri peresmian jembatan di Semarang, Kamis (12/10).';
const VEILED = 'Mereka itu pengkhianat rakyat, ingat itu di bilik suara nanti';

let browser: LaunchedBrowser;

beforeAll(async () => {
  browser = await launchWithExtension({ locale: 'id' });
  await serveSites(browser.context);
  await warmUp(browser.context);
});
afterAll(async () => browser?.close());

/** Types `text` into X's composer and presses Post: the page and the warning that holds the post. */
async function heldBy(text: string) {
  const page = await openComposer(browser.context, '/home');
  await typeInto(page, 'tweetTextarea_0', text);
  await page.locator('[data-testid="tweetButtonInline"]').click();
  const dlg = page.getByRole('alertdialog');
  await dlg.waitFor();
  return { page, dlg };
}

it('warns about praise no rule catches, with the model finding and its driving words marked', async () => {
  const { page, dlg } = await heldBy(PRAISE);
  const item = dlg.locator('li[data-rule="model-dukungan"]');
  expect(await item.count()).toBe(1);
  const text = await item.innerText();
  expect(text).toContain('model pembelajaran mesin');
  expect(text).toContain('Kata yang paling menentukan');
  expect(text).toContain('R02');
  expect(text).toContain('SKB 2022');
  // the actor and every driving word are marked in the draft, as they stand in it
  const actor = await dlg.locator('mark.actor').allInnerTexts();
  expect(actor).toEqual(['Pak Ganjar']);
  const drivers = await dlg.locator('mark.driver').allInnerTexts();
  expect(drivers.length).toBeGreaterThan(0);
  for (const d of drivers) expect(PRAISE).toContain(d);
  expect(await item.locator('q.driver').allInnerTexts()).toEqual(drivers);
  expect(await posts(page)).toEqual([]);
  await page.screenshot({ path: path.join(ROOT_DIR, 'tests/e2e/.artifacts/x-model.png') });
  await dlg.getByRole('button', { name: 'Ubah tulisan' }).click();
  expect(await posts(page)).toEqual([]);
});

it('holds at caution an attack that names no one, saying no name was recognised, its words marked', async () => {
  const { page, dlg } = await heldBy(VEILED);
  const item = dlg.locator('li[data-rule^="model-"]');
  expect(await item.count()).toBe(1);
  expect(await item.innerText()).toContain('tidak menyebut nama calon');
  expect(await dlg.locator('mark.actor').count()).toBe(0);
  const drivers = await dlg.locator('mark.driver').allInnerTexts();
  expect(drivers.length).toBeGreaterThan(0);
  for (const d of drivers) expect(VEILED).toContain(d);
  expect(await posts(page)).toEqual([]);
  await dlg.getByRole('button', { name: 'Ubah tulisan' }).click();
  expect(await posts(page)).toEqual([]);
});

it('lets neutral news with a candidate’s name through, unheld', async () => {
  const page = await openComposer(browser.context, '/home');
  await typeInto(page, 'tweetTextarea_0', NEWS);
  await page.locator('[data-testid="tweetButtonInline"]').click();
  const [p] = await waitForPosts(page, 1);
  expect(p!.texts).toEqual([NEWS]);
  expect(await page.getByRole('alertdialog').count()).toBe(0);
});

it('the Coba box shows the same model finding, its words marked', async () => {
  const o = await browser.context.newPage();
  await o.goto('chrome-extension://mekapaehnloejpjllmbgdepkmodmjhin/options.html');
  await o.locator('textarea[data-field="try"]').fill(PRAISE);
  const result = o.getByTestId('try-result');
  await o.locator('[data-testid="try-result"][data-model="ready"]').waitFor();
  expect(await result.getAttribute('data-verdict')).toBe('violation');
  const item = result.locator('li[data-rule="model-dukungan"]');
  expect(await item.count()).toBe(1);
  const drivers = await item.locator('q.driver').allInnerTexts();
  expect(drivers.length).toBeGreaterThan(0);
  expect(await result.locator('mark.driver').allInnerTexts()).toEqual(drivers);
  expect(await result.locator('mark.actor').allInnerTexts()).toEqual(['Pak Ganjar']);
  await o.locator('#try').screenshot({ path: path.join(ROOT_DIR, 'tests/e2e/.artifacts/options-try-model.png') });
  await o.close();
});
