/**
 * End-to-end harness: Chromium (Debian's /usr/bin/chromium) with the built
 * extension loaded, and the site fixtures served at their real origins
 * (https://x.com/…) through request interception. Nothing leaves the machine:
 * every other http(s) request is aborted and recorded.
 */
import { existsSync, readdirSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Locator, type Page, type Request, type Route } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';

export const ROOT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** Default extension under test: the output of `npx wxt build`. */
export const EXTENSION_DIR = path.join(ROOT_DIR, '.output/chrome-mv3');
/** Built fixtures (`npx tsx scripts/build-fixtures.ts`). */
export const FIXTURES_DIST_DIR = path.join(ROOT_DIR, 'tests/e2e/.fixtures-dist');
export const X_FIXTURE_DIR = path.join(FIXTURES_DIST_DIR, 'x');
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Hosts answered from the X fixture. */
export const X_HOSTS: readonly string[] = ['x.com', 'twitter.com', 'mobile.x.com', 'mobile.twitter.com'];
export const FACEBOOK_HOSTS: readonly string[] = ['www.facebook.com', 'web.facebook.com', 'facebook.com', 'm.facebook.com'];
export const INSTAGRAM_HOSTS: readonly string[] = ['www.instagram.com', 'instagram.com'];
/** Fixture (directory under .fixtures-dist) that answers each host. */
export const SITE_HOSTS: Readonly<Record<'x' | 'facebook' | 'instagram', readonly string[]>> = {
  x: X_HOSTS,
  facebook: FACEBOOK_HOSTS,
  instagram: INSTAGRAM_HOSTS,
};

/** Attribute the content script sets on <html> once it runs. */
export const ACTIVE_ATTRIBUTE = 'data-jaga-netral';
export const ACTIVE_VALUE = 'active';

/** Generous defaults: CI runs on a shared 2-core machine. */
const DEFAULT_TIMEOUT_MS = 30_000;

/** One entry of window.__xPosts, recorded by the X fixture on each submitted post. */
export interface XPost {
  /** One text per composer box, from Draft's ContentState.getPlainText(). */
  texts: string[];
  via: 'click' | 'keyboard';
  kind: 'post' | 'reply' | 'quote' | 'thread';
  /** performance.now() when the fixture handled the submit. */
  at: number;
  /** performance.now() - event.timeStamp of the click / keydown that submitted. */
  latencyMs: number;
}

declare global {
  interface Window {
    __xPosts: XPost[];
  }
}

// ---------------------------------------------------------------------------
// Browser
// ---------------------------------------------------------------------------

export interface LaunchOptions {
  /** Unpacked extension to load; default .output/chrome-mv3. */
  extensionDir?: string;
  /** Browser UI language, e.g. 'en' or 'id' (sets $LANGUAGE and --lang). Default: whatever the
   *  environment gives (en-US here). Needs Debian's chromium-l10n for anything but en-US. */
  locale?: string;
  /** Default true. */
  headless?: boolean;
  /** Extra Chromium switches. */
  args?: string[];
}

export interface LaunchedBrowser {
  context: BrowserContext;
  userDataDir: string;
  /** Closes the browser and deletes the temporary profile. Safe to call twice. */
  close(): Promise<void>;
}

/** Debian's Chromium ships only en-US; other UI languages come with the chromium-l10n package. */
const DEBIAN_LOCALES_DIR = '/usr/lib/chromium/locales';

function assertChromiumHasLocale(locale: string): void {
  if (CHROMIUM_PATH !== '/usr/bin/chromium' || !existsSync(DEBIAN_LOCALES_DIR)) return;
  const paks = readdirSync(DEBIAN_LOCALES_DIR).filter((f) => f.endsWith('.pak'));
  const want = locale.replace('_', '-');
  const ok = paks.some((f) => f === `${want}.pak` || f.startsWith(`${want}-`));
  if (!ok) {
    throw new Error(
      `Chromium has no "${locale}" UI locale (${DEBIAN_LOCALES_DIR}/${want}.pak is missing), so it would fall back to en-US. ` +
        'Install the translations: apt-get install -y chromium-l10n',
    );
  }
}

export async function launchWithExtension(opts: LaunchOptions = {}): Promise<LaunchedBrowser> {
  const extensionDir = path.resolve(opts.extensionDir ?? EXTENSION_DIR);
  const manifestPath = path.join(extensionDir, 'manifest.json');
  if (!existsSync(manifestPath)) {
    throw new Error(`No extension at ${extensionDir} (missing manifest.json). Build it first: npx wxt build`);
  }
  if (opts.locale) assertChromiumHasLocale(opts.locale);
  const userDataDir = await mkdtemp(path.join(os.tmpdir(), 'jaga-netral-e2e-'));

  const args = [
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-dev-shm-usage',
    '--password-store=basic',
    // Ignored by Chromium on Linux (it reads $LANGUAGE, below) but honoured elsewhere.
    ...(opts.locale ? [`--lang=${opts.locale}`] : []),
    ...(opts.args ?? []),
  ];
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined) env[k] = v;
  if (opts.locale) {
    // On Linux the UI language (chrome.i18n.getUILanguage(), navigator.language,
    // Accept-Language) comes from $LANGUAGE; --lang alone has no effect there.
    env.LANGUAGE = opts.locale.replace('-', '_');
  }

  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM_PATH,
      headless: opts.headless ?? true,
      args,
      // Playwright passes --disable-extensions by default, which would win over --load-extension.
      ignoreDefaultArgs: ['--disable-extensions'],
      env,
      viewport: { width: 1280, height: 900 },
      timeout: 120_000,
    });
  } catch (err) {
    await rm(userDataDir, { recursive: true, force: true }).catch(() => {});
    throw err;
  }
  context.setDefaultTimeout(DEFAULT_TIMEOUT_MS);
  context.setDefaultNavigationTimeout(60_000);

  let closed = false;
  return {
    context,
    userDataDir,
    async close() {
      if (closed) return;
      closed = true;
      await context.close().catch(() => {});
      await rm(userDataDir, { recursive: true, force: true, maxRetries: 3 }).catch(() => {});
    },
  };
}

// ---------------------------------------------------------------------------
// Sites
// ---------------------------------------------------------------------------

export interface SiteServer {
  /** Every request seen (pages, frames, workers, extension service workers), as
   *  "<resourceType> <url> (from <frame or worker url>)". Live: grows as requests come. */
  requests: string[];
  /** Requests that are not the fixture's own files (its documents and /app.js on
   *  the X hosts); all of them were aborted, or answered 404 on the X hosts. */
  foreign(): string[];
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
};

function describe(request: Request): string {
  let from = '?';
  try {
    const worker = request.serviceWorker();
    if (worker) from = `service worker ${worker.url()}`;
    else from = request.frame().url() || 'about:blank';
  } catch {
    // Service worker requests have no frame; navigations of a closing page neither.
  }
  return `${request.resourceType()} ${request.method()} ${request.url()} (from ${from})`;
}

function siteOfHost(hostname: string): keyof typeof SITE_HOSTS | null {
  for (const [site, hosts] of Object.entries(SITE_HOSTS)) if (hosts.includes(hostname)) return site as keyof typeof SITE_HOSTS;
  return null;
}

/** True for requests a fixture answers with its own files. */
function isFixtureFile(url: URL, resourceType: string): boolean {
  if (!siteOfHost(url.hostname) || url.protocol !== 'https:') return false;
  if (url.pathname === '/app.js') return true;
  return resourceType === 'document';
}

/**
 * Serves the fixtures at their real origins: https://x.com/** and
 * https://twitter.com/** (and mobile.*) from tests/e2e/.fixtures-dist/x/
 * (documents at any path → index.html; /app.js → the bundle). Every other
 * http(s) request is aborted and recorded; see SiteServer.foreign().
 *
 * Covered: pages, frames, workers and service workers, extension service
 * workers included (Playwright attaches to them). Not covered: requests an
 * extension's service worker makes while the browser starts, before this is
 * called (they fail anyway, there being no network), and WebSockets opened
 * from service workers.
 */
export interface ServeOptions {
  /** Requests to let through to the real network (e.g. a test server on 127.0.0.1); not counted as foreign. */
  passThrough?: (url: URL) => boolean;
}

export async function serveSites(context: BrowserContext, opts: ServeOptions = {}): Promise<SiteServer> {
  // Read once: the files are small, and this keeps the route handler quick.
  const files = new Map<string, Buffer>();
  for (const site of Object.keys(SITE_HOSTS)) {
    const dir = path.join(FIXTURES_DIST_DIR, site);
    for (const name of ['index.html', 'app.js']) {
      const file = path.join(dir, name);
      if (!existsSync(file)) throw new Error(`${site} fixture not built (${dir}). Run: npx tsx scripts/build-fixtures.ts`);
      files.set(`${site}/${name}`, await readFile(file));
    }
  }

  const requests: string[] = [];
  const foreign: string[] = [];
  const seen = new WeakSet<Request>();

  const record = (request: Request): void => {
    if (seen.has(request)) return;
    seen.add(request);
    const line = describe(request);
    requests.push(line);
    let url: URL;
    try {
      url = new URL(request.url());
    } catch {
      foreign.push(line);
      return;
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return;
    if (opts.passThrough?.(url)) return;
    if (!isFixtureFile(url, request.resourceType())) foreign.push(line);
  };

  // 'request' covers pages, frames, dedicated/shared workers and (in Chromium)
  // service workers, extension service workers included.
  context.on('request', record);

  await context.route('**/*', async (route: Route) => {
    const request = route.request();
    record(request);
    let url: URL;
    try {
      url = new URL(request.url());
    } catch {
      await route.abort('blockedbyclient');
      return;
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      await route.fallback();
      return;
    }
    const site = siteOfHost(url.hostname);
    if (site && url.protocol === 'https:') {
      const name = url.pathname === '/app.js' ? 'app.js' : request.resourceType() === 'document' ? 'index.html' : null;
      if (name) {
        await route.fulfill({
          status: 200,
          headers: { 'content-type': CONTENT_TYPES[path.extname(name)]!, 'cache-control': 'no-store' },
          body: files.get(`${site}/${name}`)!,
        });
      } else {
        await route.fulfill({ status: 404, headers: { 'content-type': 'text/plain' }, body: 'not in fixture' });
      }
      return;
    }
    if (opts.passThrough?.(url)) {
      await route.continue();
      return;
    }
    await route.abort('blockedbyclient');
  });

  // WebSockets don't go through context.route / 'request'.
  await context.routeWebSocket(/.*/, (ws) => {
    const line = `websocket ${ws.url()}`;
    requests.push(line);
    foreign.push(line);
    ws.close({ code: 1008, reason: 'blocked by e2e harness' }).catch(() => {});
  });

  return {
    requests,
    foreign: () => foreign.slice(),
  };
}

// ---------------------------------------------------------------------------
// Pages
// ---------------------------------------------------------------------------

function isActive(): boolean {
  return document.documentElement.getAttribute('data-jaga-netral') === 'active';
}

/**
 * Opens its own tab at https://x.com/home, waits until the extension's content
 * script is active there (<html data-jaga-netral="active">), then closes it.
 * A fresh profile can load its first pages before the content scripts are
 * registered, so the tab is reloaded until the attribute shows up.
 */
export async function warmUp(context: BrowserContext, opts: { timeoutMs?: number; url?: string } = {}): Promise<void> {
  const timeoutMs = opts.timeoutMs ?? 45_000;
  const url = opts.url ?? 'https://x.com/home';
  const deadline = Date.now() + timeoutMs;
  const page = await context.newPage();
  const consoleLines: string[] = [];
  page.on('console', (m) => consoleLines.push(`[${m.type()}] ${m.text()}`));
  page.on('pageerror', (e) => consoleLines.push(`[pageerror] ${e.message}`));
  try {
    let attempts = 0;
    while (Date.now() < deadline) {
      attempts += 1;
      if (attempts === 1) await page.goto(url, { waitUntil: 'domcontentloaded' });
      else await page.reload({ waitUntil: 'domcontentloaded' });
      // A few seconds per attempt: the script runs at document_start once registered.
      const slice = Math.max(1_000, Math.min(5_000 * attempts, deadline - Date.now()));
      const ok = await page
        .waitForFunction(isActive, undefined, { timeout: slice, polling: 100 })
        .then(() => true)
        .catch(() => false);
      if (ok) return await policyKnown(context, deadline);
    }
    const attr = await page.evaluate(() => document.documentElement.getAttribute('data-jaga-netral')).catch(() => null);
    throw new Error(
      `warmUp: the Jaga Netral content script did not mark ${url} as active ` +
        `(<html ${ACTIVE_ATTRIBUTE}="${ACTIVE_VALUE}">) within ${Math.round(timeoutMs / 1000)} s ` +
        `(attribute is ${attr === null ? 'absent' : JSON.stringify(attr)}). ` +
        `Is the extension built (npx wxt build → .output/chrome-mv3) and does its X content script set the attribute?` +
        (consoleLines.length ? `\nPage console:\n  ${consoleLines.slice(-20).join('\n  ')}` : ''),
    );
  } finally {
    await page.close().catch(() => {});
  }
}

/**
 * Waits until the background has published its first state (the policy in force). On a fresh
 * profile Chrome answers storage.managed only some seconds after start, and until then a warning
 * waits for the policy (content/settings.ts); tests start once that moment has passed.
 */
async function policyKnown(context: BrowserContext, deadline: number): Promise<void> {
  const worker =
    context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://')) ??
    (await context.waitForEvent('serviceworker', { predicate: (w) => w.url().startsWith('chrome-extension://'), timeout: Math.max(1_000, deadline - Date.now()) }));
  // (another extension, e.g. the harness's own probe, has no such state)
  if (!(await worker.evaluate(() => (globalThis as any).chrome.runtime.getManifest().short_name === 'Jaga Netral').catch(() => false))) return;
  while (Date.now() < deadline) {
    const has = await worker.evaluate(async () => !!(await (globalThis as any).chrome.storage.local.get('state')).state).catch(() => false);
    if (has) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('warmUp: the extension never published its policy state (storage.local "state")');
}

export interface OpenComposerOptions {
  /** Reuse this tab instead of opening a new one. */
  page?: Page;
  /** Also wait for <html data-jaga-netral="active">. Default true. */
  waitForExtension?: boolean;
  timeoutMs?: number;
}

/** Opens https://x.com${path} and waits for the first composer box. */
export async function openComposer(context: BrowserContext, urlPath: string, opts: OpenComposerOptions = {}): Promise<Page> {
  const timeout = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const page = opts.page ?? (await context.newPage());
  await page.goto(`https://x.com${urlPath}`, { waitUntil: 'domcontentloaded' });
  await page.locator('[data-testid="tweetTextarea_0"]').first().waitFor({ state: 'visible', timeout });
  if (opts.waitForExtension ?? true) {
    await page.waitForFunction(isActive, undefined, { timeout, polling: 100 }).catch(() => {
      throw new Error(
        `openComposer: <html ${ACTIVE_ATTRIBUTE}="${ACTIVE_VALUE}"> not set on https://x.com${urlPath} within ${timeout} ms ` +
          `(did warmUp run? pass { waitForExtension: false } to skip)`,
      );
    });
  }
  return page;
}

/**
 * The composer box with this test id (tweetTextarea_0, …) that a person would
 * type into: the one in the open dialog if there is one (X keeps the inline
 * home composer behind the dialog), else the first on the page.
 */
export async function editor(page: Page, testId: string) {
  const inDialog = page.locator(`[role="dialog"] [data-testid="${testId}"]`);
  if ((await inDialog.count()) > 0) return inDialog.first();
  return page.locator(`[data-testid="${testId}"]`).first();
}

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
/** Characters that a US keyboard types with one key (plus shift). */
const KEYBOARD_CHAR = /^[\x20-\x7e\n]$/;

/**
 * Clicks the editor and types like a person: real key events for keyboard
 * characters (Draft.js needs them), Enter for newlines, and insertText (as an
 * emoji picker or IME does) for emoji and other non-keyboard characters.
 */
export async function typeInto(page: Page, testId: string, text: string, opts: { delay?: number } = {}): Promise<void> {
  await typeIn(page, await editor(page, testId), text, opts);
}

/** typeInto for any editor: clicks `box` (a contenteditable or textarea) and types `text` like a person. */
export async function typeIn(page: Page, box: Locator, text: string, opts: { delay?: number } = {}): Promise<void> {
  await box.click();
  await box.evaluate((el) => {
    if (!el.contains(document.activeElement) && document.activeElement !== el) throw new Error('editor did not take focus');
  });
  let run = '';
  const flush = async () => {
    if (run) await page.keyboard.type(run, { delay: opts.delay ?? 0 });
    run = '';
  };
  for (const { segment } of segmenter.segment(text)) {
    if (KEYBOARD_CHAR.test(segment)) {
      run += segment;
    } else {
      await flush();
      await page.keyboard.insertText(segment);
    }
  }
  await flush();
}

/** window.__xPosts of the X fixture. */
export async function posts(page: Page): Promise<XPost[]> {
  return page.evaluate(() => window.__xPosts);
}

/** Waits until window.__xPosts has at least `count` entries; returns them. */
export async function waitForPosts(page: Page, count: number, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<XPost[]> {
  await page.waitForFunction((n) => window.__xPosts.length >= n, count, { timeout: timeoutMs, polling: 50 });
  return posts(page);
}

// ---------------------------------------------------------------------------
// Facebook and Instagram fixtures
// ---------------------------------------------------------------------------

/** One entry of window.__posts in the Facebook and Instagram fixtures. */
export interface SitePost {
  site: 'facebook' | 'instagram';
  kind: 'post' | 'comment' | 'reply' | 'share' | 'message' | 'caption' | 'profile-picture';
  text: string;
  via: 'click' | 'keyboard';
  /** Instagram posts: names of the attached photos. */
  files?: string[];
}

/** window.__posts of the Facebook / Instagram fixture. */
export async function sitePosts(page: Page): Promise<SitePost[]> {
  return page.evaluate(() => (window as unknown as { __posts?: SitePost[] }).__posts ?? []);
}

/** Waits until window.__posts has at least `count` entries; returns them. */
export async function waitForSitePosts(page: Page, count: number, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<SitePost[]> {
  await page.waitForFunction((n) => ((window as unknown as { __posts?: unknown[] }).__posts ?? []).length >= n, count, {
    timeout: timeoutMs,
    polling: 50,
  });
  return sitePosts(page);
}

/** Presses "Tetap kirim" in the open warning and checks the site published the draft exactly once. */
export async function sendAnywayOnce(page: Page, expected: Partial<SitePost>): Promise<void> {
  await page.getByRole('alertdialog').getByRole('button', { name: 'Tetap kirim' }).click();
  const [p] = await waitForSitePosts(page, 1);
  expect(p).toMatchObject(expected);
  await page.waitForTimeout(600);
  expect(await sitePosts(page)).toHaveLength(1);
}

/** Waits for the engagement warning, checks it says `says`, presses "Batalkan" and checks nothing was done. */
export async function cancelEngagement(page: Page, says: string): Promise<void> {
  const dlg = page.getByRole('alertdialog');
  await dlg.waitFor();
  expect(await dlg.innerText()).toContain(says);
  await dlg.getByRole('button', { name: 'Batalkan' }).click();
  await dlg.waitFor({ state: 'detached' });
  expect(await engagements(page)).toEqual([]);
}

/** window.__engagements of the Facebook / Instagram fixture (likes, shares, follows performed). */
export async function engagements(page: Page): Promise<{ action: string; item: string }[]> {
  return page.evaluate(() => (window as unknown as { __engagements?: { action: string; item: string }[] }).__engagements ?? []);
}

/** Opens `url` (a fixture's real address) and waits for `ready` and, by default, the extension. */
export async function openSite(context: BrowserContext, url: string, ready: string, opts: OpenComposerOptions = {}): Promise<Page> {
  const timeout = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const page = opts.page ?? (await context.newPage());
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  await page.locator(ready).first().waitFor({ state: 'visible', timeout });
  if (opts.waitForExtension ?? true) await page.waitForFunction(isActive, undefined, { timeout, polling: 100 });
  return page;
}

/** The extension's toolbar badge text on every open tab (from its background service worker). */
export async function badgeTexts(context: BrowserContext): Promise<string[]> {
  return (await tabBadges(context)).map((t) => t.badge);
}

/** Each open tab's id and the extension's toolbar badge text and title on it. */
export async function tabBadges(context: BrowserContext): Promise<{ tabId: number; badge: string; title: string }[]> {
  const worker =
    context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://')) ??
    (await context.waitForEvent('serviceworker', { predicate: (w) => w.url().startsWith('chrome-extension://'), timeout: 10_000 }));
  return worker.evaluate(async () => {
    const c = (globalThis as unknown as { chrome: any }).chrome;
    const tabs: { id: number }[] = await c.tabs.query({});
    return Promise.all(
      tabs.map(async (t) => ({
        tabId: t.id,
        badge: (await c.action.getBadgeText({ tabId: t.id })) as string,
        title: (await c.action.getTitle({ tabId: t.id })) as string,
      })),
    );
  });
}

/** The extension's popup page (chrome-extension://…/popup.html), showing the state of tab `tabId`. */
export async function openPopup(context: BrowserContext, tabId: number): Promise<Page> {
  const worker = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
  // (URL.origin is "null" for chrome-extension: in Node)
  const origin = /^chrome-extension:\/\/[a-p]{32}/.exec(worker?.url() ?? '')?.[0] ?? 'chrome-extension://mekapaehnloejpjllmbgdepkmodmjhin';
  const page = await context.newPage();
  await page.goto(`${origin}/popup.html#tab=${tabId}`);
  await page.locator('[role="status"]').waitFor();
  return page;
}

// ---------------------------------------------------------------------------
// Suite set-up
// ---------------------------------------------------------------------------

export interface SuiteBrowser {
  readonly browser: LaunchedBrowser;
  readonly context: BrowserContext;
  readonly server: SiteServer;
}

/**
 * One browser for the suite: launched with the extension, the fixtures served at their real
 * addresses, warmed up until the content scripts run; closed after the suite. Read its fields
 * inside tests (they are set in beforeAll).
 */
export function useSuiteBrowser(opts: LaunchOptions & ServeOptions & { warmUpUrl?: string } = {}): SuiteBrowser {
  let browser: LaunchedBrowser | undefined;
  let server: SiteServer | undefined;
  beforeAll(async () => {
    browser = await launchWithExtension(opts);
    server = await serveSites(browser.context, opts);
    await warmUp(browser.context, opts.warmUpUrl ? { url: opts.warmUpUrl } : {});
  });
  afterAll(async () => browser?.close());
  const need = <T>(v: T | undefined): T => {
    if (!v) throw new Error('the suite browser is not up (used outside a test?)');
    return v;
  };
  return {
    get browser() {
      return need(browser);
    },
    get context() {
      return need(browser).context;
    },
    get server() {
      return need(server);
    },
  };
}

// ---------------------------------------------------------------------------
// Photos on the X fixture
// ---------------------------------------------------------------------------

/** Attaches files through the inline composer's photo input, as the person's file picker would. */
export const attachXPhotos = (p: Page, files: { name: string; mimeType: string; buffer: Buffer }[]) =>
  p.locator('[data-testid="toolBar"] input[data-testid="fileInput"]').first().setInputFiles(files);
/** Presses the inline composer's Post button. */
export const clickXPost = (p: Page) => p.locator('[data-testid="tweetButtonInline"]').first().click();
/** The marker that shows while an attached photo is being checked. */
export const photoCheckingMarker = (p: Page) => p.locator('jaga-netral-ui button.marker.checking');
