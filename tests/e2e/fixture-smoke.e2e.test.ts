/**
 * Smoke tests of the e2e infrastructure: the X fixture behaves like X (Draft.js
 * composer, click and Ctrl+Enter submit, reply dialog, threads) with the real
 * extension loaded, neutral texts go through untouched, and nothing leaves the
 * machine. A second browser with a throwaway probe extension checks the harness
 * itself (foreign requests from pages and extension service workers are caught;
 * the UI locale switch works).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  editor,
  launchWithExtension,
  openComposer,
  posts,
  serveSites,
  typeInto,
  waitForPosts,
  warmUp,
  type LaunchedBrowser,
  type SiteServer,
} from './harness';

const NEUTRAL = 'Selamat pagi, rapat koordinasi dimulai pukul 09.00 di aula lantai 3.';

describe('X fixture with the extension loaded', () => {
  let browser: LaunchedBrowser;
  let sites: SiteServer;
  const pages: Page[] = [];

  const open = async (urlPath: string): Promise<Page> => {
    const page = await openComposer(browser.context, urlPath);
    pages.push(page);
    return page;
  };

  beforeAll(async () => {
    browser = await launchWithExtension();
    sites = await serveSites(browser.context);
    await warmUp(browser.context);
  });

  afterEach(async () => {
    for (const page of pages.splice(0)) await page.close().catch(() => {});
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('typing then clicking Post records exactly one post with the typed text', async () => {
    const page = await open('/home');
    const button = page.locator('[data-testid="tweetButtonInline"]');
    await expect(button.innerText()).resolves.toBe('Post');
    expect(await button.isDisabled()).toBe(true);

    await typeInto(page, 'tweetTextarea_0', NEUTRAL);
    expect(await button.isEnabled()).toBe(true);
    await button.click();

    const [post] = await waitForPosts(page, 1);
    expect(post).toMatchObject({ texts: [NEUTRAL], via: 'click', kind: 'post' });
    expect(post!.latencyMs).toBeGreaterThanOrEqual(0);
    expect(post!.latencyMs).toBeLessThan(5_000);
    expect(typeof post!.at).toBe('number');

    // Cleared as on X, the button disabled again, the post in the log, and no second post.
    await page.waitForFunction(() =>
      (document.querySelector('[data-testid="tweetButtonInline"]') as HTMLButtonElement | null)?.disabled,
    );
    expect((await (await editor(page, 'tweetTextarea_0')).innerText()).trim()).toBe('');
    await expect(page.locator('[data-testid="postedLog"] li').innerText()).resolves.toContain(NEUTRAL);
    expect(await posts(page)).toHaveLength(1);
  });

  it('the DOM has X’s composer structure', async () => {
    const page = await open('/home');
    const structure = await page.evaluate(() => {
      const box = document.querySelector('[data-testid="tweetTextarea_0"]')!;
      return {
        draftContent: box.classList.contains('public-DraftEditor-content'),
        inDraftRoot: !!box.closest('.DraftEditor-root'),
        contentEditable: box.getAttribute('contenteditable'),
        role: box.getAttribute('role'),
        label: box.getAttribute('aria-label'),
        fileInput: !!document.querySelector('[data-testid="toolBar"] input[type="file"][data-testid="fileInput"]'),
        button: document.querySelector('[data-testid="tweetButtonInline"]')?.tagName,
        tweets: document.querySelectorAll('article[data-testid="tweet"] [data-testid="reply"]').length,
      };
    });
    expect(structure).toEqual({
      draftContent: true,
      inDraftRoot: true,
      contentEditable: 'true',
      role: 'textbox',
      label: 'Post text',
      fileInput: true,
      button: 'BUTTON',
      tweets: 3,
    });
  });

  it('Ctrl+Enter in the editor posts', async () => {
    const page = await open('/home');
    await typeInto(page, 'tweetTextarea_0', NEUTRAL);
    await page.keyboard.press('Control+Enter');
    const all = await waitForPosts(page, 1);
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ texts: [NEUTRAL], via: 'keyboard', kind: 'post' });
  });

  it('keeps newlines and emoji (typed with insertText) in the posted text', async () => {
    const page = await open('/home');
    const text = 'Hujan deras 🌧️ di Bogor\nHati-hati di jalan 🙏🏽 ya';
    await typeInto(page, 'tweetTextarea_0', text);
    await page.locator('[data-testid="tweetButtonInline"]').click();
    const [post] = await waitForPosts(page, 1);
    expect(post!.texts).toEqual([text]);
  });

  it('reply dialog from the timeline posts a reply', async () => {
    const page = await open('/home');
    await page.locator('article[data-testid="tweet"]').nth(1).locator('[data-testid="reply"]').click();
    const dialog = page.locator('[role="dialog"][aria-modal="true"]');
    await dialog.waitFor();
    await expect(dialog.innerText()).resolves.toContain('Replying to @kompascom');
    expect(new URL(page.url()).pathname).toBe('/compose/post');

    await typeInto(page, 'tweetTextarea_0', 'Terima kasih infonya, BMKG.');
    const button = dialog.locator('[data-testid="tweetButton"]');
    await expect(button.innerText()).resolves.toBe('Reply');
    await button.click();

    const all = await waitForPosts(page, 1);
    expect(all).toEqual([expect.objectContaining({ texts: ['Terima kasih infonya, BMKG.'], via: 'click', kind: 'reply' })]);
    await dialog.waitFor({ state: 'detached' });
    expect(new URL(page.url()).pathname).toBe('/home');
  });

  it('inline reply on a status page posts a reply', async () => {
    const page = await open('/kemenpanrb/status/1750000000000000001');
    const button = page.locator('[data-testid="tweetButtonInline"]');
    await expect(button.innerText()).resolves.toBe('Reply');
    await typeInto(page, 'tweetTextarea_0', 'Siap, terima kasih.');
    await button.click();
    const all = await waitForPosts(page, 1);
    expect(all).toEqual([expect.objectContaining({ texts: ['Siap, terima kasih.'], kind: 'reply' })]);
  });

  it('a thread with two boxes posts both texts', async () => {
    const page = await open('/compose/post');
    const dialog = page.locator('[role="dialog"][aria-modal="true"]');
    await typeInto(page, 'tweetTextarea_0', 'Utas jadwal layanan (1/2)');
    await dialog.locator('[data-testid="addButton"]').click();
    await dialog.locator('[data-testid="tweetTextarea_1"]').waitFor();
    await typeInto(page, 'tweetTextarea_1', 'Layanan buka pukul 08.00 (2/2)');
    const button = dialog.locator('[data-testid="tweetButton"]');
    await expect(button.innerText()).resolves.toBe('Post all');
    await button.click();

    const all = await waitForPosts(page, 1);
    expect(all).toEqual([
      expect.objectContaining({
        texts: ['Utas jadwal layanan (1/2)', 'Layanan buka pukul 08.00 (2/2)'],
        via: 'click',
        kind: 'thread',
      }),
    ]);
  });

  it('a quote (?quote=1) posts with kind quote via Ctrl+Enter', async () => {
    const page = await open('/compose/post?quote=1');
    await page.locator('[role="dialog"] [data-testid="quoteTweet"]').waitFor();
    await typeInto(page, 'tweetTextarea_0', 'Informasi penting.');
    await page.keyboard.press('Control+Enter');
    const all = await waitForPosts(page, 1);
    expect(all).toEqual([expect.objectContaining({ texts: ['Informasi penting.'], via: 'keyboard', kind: 'quote' })]);
  });

  it('made no request outside the fixture', () => {
    const fixtureLoads = sites.requests.filter((r) => r.startsWith('script GET https://x.com/app.js'));
    expect(fixtureLoads.length).toBeGreaterThan(0);
    expect(sites.foreign()).toEqual([]);
  });
});

describe('harness self-check with a probe extension', () => {
  let dir: string;

  beforeAll(async () => {
    // A throwaway MV3 extension: its content script marks the page active, reports
    // the UI language and fetches a foreign URL; its service worker does too.
    dir = await mkdtemp(path.join(os.tmpdir(), 'jaga-netral-probe-'));
    await writeFile(
      path.join(dir, 'manifest.json'),
      JSON.stringify({
        manifest_version: 3,
        name: 'probe',
        version: '1.0',
        host_permissions: ['https://example.org/*'],
        background: { service_worker: 'bg.js' },
        content_scripts: [{ matches: ['https://x.com/*'], js: ['cs.js'], run_at: 'document_start' }],
      }),
    );
    await writeFile(
      path.join(dir, 'cs.js'),
      `document.documentElement.setAttribute('data-jaga-netral', 'active');
       document.documentElement.setAttribute('data-probe-ui-lang', chrome.i18n.getUILanguage());
       fetch('https://example.org/from-content-script').catch(() => {});
       chrome.runtime.sendMessage('probe').catch(() => {});`,
    );
    // On a message rather than at start-up: the service worker starts with the browser,
    // before serveSites() can route anything (see the note on serveSites in harness.ts).
    await writeFile(
      path.join(dir, 'bg.js'),
      `chrome.runtime.onMessage.addListener(() => { fetch('https://example.org/from-service-worker').catch(() => {}); });`,
    );
  });

  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('records and aborts foreign requests from pages and extension service workers; sets the UI locale', async () => {
    const browser = await launchWithExtension({ extensionDir: dir, locale: 'id' });
    try {
      const sites = await serveSites(browser.context);
      await warmUp(browser.context);
      const page = await openComposer(browser.context, '/home');
      await expect(page.evaluate(() => document.documentElement.getAttribute('data-probe-ui-lang'))).resolves.toBe('id');
      const pageFetch = await page.evaluate(() =>
        fetch('https://example.org/from-page').then(
          () => 'loaded',
          () => 'blocked',
        ),
      );
      expect(pageFetch).toBe('blocked');
      await expect
        .poll(() => sites.foreign().join('\n'), { timeout: 20_000 })
        .toMatch(/from-service-worker \(from service worker chrome-extension:\/\//);
      const foreign = sites.foreign().join('\n');
      expect(foreign).toContain('https://example.org/from-page');
      expect(foreign).toContain('https://example.org/from-content-script');
      expect(foreign).not.toContain('https://x.com/app.js');
    } finally {
      await browser.close();
    }
  });
});
