/**
 * The agency's policy from the first second (Chromium): a brand-new profile, the policy already in
 * /etc/chromium/policies/managed (as after a rollout), and a campaign post on the very first page,
 * as soon as the composer is there. Block offers no "Tetap kirim", confirm asks for a reason, and a
 * site the agency switched off is left alone — while the agency's pack server has not answered yet
 * (it answers after 30 s), so nothing the extension downloads can delay the policy.
 *
 * Writes a policy into /etc/chromium/policies/managed: run under the shared lock
 * (flock /work/wt/policy.lock npx vitest run --project e2e tests/e2e/policy-first-second.e2e.test.ts).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, openComposer, posts, serveSites, typeInto, type LaunchedBrowser } from './harness';
import { extensionCopyWithTestKey, PolicyFile, serviceWorker } from './policy-support';

const CAMPAIGN = 'Ayo coblos nomor 2 tanggal 14 Februari!';
const AGENCY = { name: 'Pemerintah Kota Uji', contact: 'tik@uji.go.id' };
const dialog = (p: Page) => p.getByRole('alertdialog');

let ext: ReturnType<typeof extensionCopyWithTestKey>;
let policyFile: PolicyFile;
let slow: Server;
let slowUrl: string;
const held = new Set<import('node:http').ServerResponse>();

beforeAll(async () => {
  ext = extensionCopyWithTestKey();
  policyFile = new PolicyFile(ext.id);
  // an agency pack server that takes 30 s to answer
  slow = createServer((_req, res) => {
    held.add(res);
    setTimeout(() => res.writeHead(503, { 'access-control-allow-origin': '*' }).end(), 30_000).unref();
  });
  await new Promise<void>((r) => slow.listen(0, '127.0.0.1', r));
  slowUrl = `http://127.0.0.1:${(slow.address() as AddressInfo).port}/pack.json`;
});

afterAll(async () => {
  policyFile?.remove();
  for (const res of held) res.destroy();
  slow?.closeAllConnections();
  await new Promise((r) => slow?.close(r));
  ext?.cleanup();
});

/** A new profile with `policy` in force from the start; the first X page, a campaign post at once. */
async function firstPost(policy: Record<string, unknown>): Promise<{ browser: LaunchedBrowser; page: Page; ms: number; modes: string[] }> {
  policyFile.write({ agency: AGENCY, packs: [{ url: slowUrl }], ...policy });
  const browser = await launchWithExtension({ locale: 'id', extensionDir: ext.dir });
  await serveSites(browser.context, { passThrough: (u) => u.hostname === '127.0.0.1' });
  // what the background's state says over the first seconds (for the record)
  const modes: string[] = [];
  const started = Date.now();
  const sw = await serviceWorker(browser.context, ext.id);
  const managedMs = sw.evaluate(async () => {
    const t = performance.now();
    await (globalThis as any).chrome.storage.managed.get();
    return Math.round(performance.now() - t);
  });
  const watch = (async () => {
    while (Date.now() - started < 8_000) {
      const s = await sw.evaluate(async () => (await (globalThis as any).chrome.storage.local.get('state')).state?.effective?.mode).catch(() => 'gone');
      const last = modes[modes.length - 1]?.split('@')[0];
      if (String(s) !== last) modes.push(`${s}@${Date.now() - started}ms`);
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  const page = await browser.context.newPage();
  // the first page on which the content script runs (a fresh profile can load one before it is registered)
  for (let i = 0; ; i++) {
    await openComposer(browser.context, '/home', { page, waitForExtension: false });
    const active = await page.waitForFunction(() => document.documentElement.getAttribute('data-jaga-netral') === 'active', undefined, { timeout: 3_000 }).then(() => true, () => false);
    if (active) break;
    if (i > 10) throw new Error('the content script never ran');
  }
  const t0 = Date.now();
  await typeInto(page, 'tweetTextarea_0', CAMPAIGN);
  await page.locator('[data-testid="tweetButtonInline"]').first().click();
  const ms = Date.now() - t0;
  await watch;
  console.log(
    `[first-second] ${JSON.stringify(policy)}: post clicked ${ms} ms after the page was ready; storage.managed.get() answered in ${await managedMs} ms; ` +
      `the background's state: ${modes.join(' → ')}`,
  );
  return { browser, page, ms, modes };
}

describe('the agency policy holds on the first post of a brand-new profile (Chromium)', () => {
  it('block: the first campaign post cannot be sent, no "Tetap kirim"', async () => {
    const { browser, page } = await firstPost({ mode: 'block' });
    try {
      await dialog(page).locator('[data-policy="block"]').waitFor();
      expect(await dialog(page).locator('button[data-action="post"]').count()).toBe(0);
      expect(await dialog(page).innerText()).toContain(AGENCY.name);
      expect(await posts(page)).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  it('confirm: the first campaign post asks for a reason before "Tetap kirim"', async () => {
    const { browser, page } = await firstPost({ mode: 'confirm' });
    try {
      await dialog(page).locator('textarea[data-field="reason"]').waitFor();
      expect(await dialog(page).locator('button[data-action="post"]').isDisabled()).toBe(true);
      expect(await posts(page)).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  it('a site the agency switched off: the first post goes out, no warning', async () => {
    const { browser, page } = await firstPost({ mode: 'block', sites: ['facebook', 'instagram'] });
    try {
      await page.waitForFunction(() => window.__xPosts.length >= 1);
      expect((await posts(page)).map((p) => p.texts)).toEqual([[CAMPAIGN]]);
      expect(await dialog(page).count()).toBe(0);
    } finally {
      await browser.close();
    }
  });
});
