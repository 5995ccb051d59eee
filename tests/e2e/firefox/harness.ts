/**
 * Firefox end-to-end harness: Debian's firefox-esr, driven over WebDriver BiDi (tests/e2e/firefox/bidi.ts),
 * with the built extension (.output/firefox-mv2) installed through webExtension.install, and the site
 * fixtures at their real https addresses through the local fixture proxy (tests/e2e/fixture-proxy.ts;
 * the session accepts its self-signed certificate). Firefox sends every request, loopback included,
 * through that proxy, so `proxy.requests` is the browser's whole network record, every context
 * (pages, content scripts, the extension's background page and its photo engine) included.
 * Acts as a person: clicks and keys are input.performActions, files go in through input.setFiles.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT_DIR } from '../harness';
import { startFixtureProxy, type FixtureProxy } from '../fixture-proxy';
import { Bidi, fromRemote } from './bidi';

export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const FIREFOX_EXTENSION_DIR = path.join(ROOT_DIR, '.output/firefox-mv2');
export const FIREFOX_ADDON_ID = 'jaga-netral@jaga-netral.id';

/** Prefs that keep Firefox itself quiet (no update, telemetry, safe-browsing or settings traffic), so the proxy's record is the pages' and the extension's. */
const QUIET_PREFS: Record<string, string | number | boolean> = {
  'app.update.disabledForTesting': true,
  'app.normandy.enabled': false,
  'browser.aboutwelcome.enabled': false,
  'browser.newtabpage.enabled': false,
  'browser.newtabpage.activity-stream.feeds.system.topstories': false,
  'browser.newtabpage.activity-stream.feeds.snippets': false,
  'browser.region.network.url': '',
  'browser.region.update.enabled': false,
  'browser.safebrowsing.blockedURIs.enabled': false,
  'browser.safebrowsing.downloads.enabled': false,
  'browser.safebrowsing.malware.enabled': false,
  'browser.safebrowsing.phishing.enabled': false,
  'browser.safebrowsing.provider.google4.updateURL': '',
  'browser.safebrowsing.provider.mozilla.updateURL': '',
  'browser.search.update': false,
  'browser.shell.checkDefaultBrowser': false,
  'browser.startup.homepage_override.mstone': 'ignore',
  'browser.startup.page': 0,
  'browser.topsites.contile.enabled': false,
  'datareporting.healthreport.uploadEnabled': false,
  'datareporting.policy.dataSubmissionEnabled': false,
  'dom.push.connection.enabled': false,
  'dom.push.serverURL': '',
  'extensions.blocklist.enabled': false,
  'extensions.getAddons.cache.enabled': false,
  'extensions.update.enabled': false,
  'extensions.systemAddon.update.enabled': false,
  'media.gmp-manager.updateEnabled': false,
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  'network.dns.disablePrefetch': true,
  'network.http.speculative-parallel-limit': 0,
  'network.prefetch-next': false,
  'services.settings.server': 'data:,#remote-settings-off',
  'toolkit.telemetry.enabled': false,
  'toolkit.telemetry.server': '',
  'xpinstall.signatures.required': false,
};

export interface LaunchFirefoxOptions {
  /** Default .output/firefox-mv2 (npx wxt build -b firefox). */
  extensionDir?: string;
  /** Browser UI language (needs Debian's firefox-esr-l10n-<lang>); default 'id'. */
  locale?: string;
  prefs?: Record<string, string | number | boolean>;
  /** Install the extension at once (default true). */
  install?: boolean;
  /** Software WebGL (Mesa's llvmpipe), which the photo engine needs; false: no WebGL at all, as on many office PCs. Default true. */
  webgl?: boolean;
}

export interface FirefoxSession {
  bidi: Bidi;
  proxy: FixtureProxy;
  profileDir: string;
  /** Installs the extension (webExtension.install, a temporary add-on); returns its id. */
  install(): Promise<string>;
  /** A new tab (optionally navigated, waiting for DOMContentLoaded). */
  newPage(url?: string): Promise<FxPage>;
  close(): Promise<void>;
}

export async function launchFirefox(opts: LaunchFirefoxOptions = {}): Promise<FirefoxSession> {
  if (!existsSync(FIREFOX_PATH)) throw new Error(`Firefox not found at ${FIREFOX_PATH} (set FIREFOX_PATH, or: sudo bash scripts/install-deps.sh)`);
  const extensionDir = path.resolve(opts.extensionDir ?? FIREFOX_EXTENSION_DIR);
  if (!existsSync(path.join(extensionDir, 'manifest.json'))) throw new Error(`No extension at ${extensionDir}. Build it first: npx wxt build -b firefox`);
  const proxy = await startFixtureProxy();
  const profileDir = mkdtempSync(path.join(os.tmpdir(), 'jaga-netral-ff-'));
  const prefs: Record<string, string | number | boolean> = {
    ...QUIET_PREFS,
    'intl.locale.requested': opts.locale ?? 'id',
    'network.proxy.type': 1,
    'network.proxy.http': proxy.host,
    'network.proxy.http_port': proxy.port,
    'network.proxy.ssl': proxy.host,
    'network.proxy.ssl_port': proxy.port,
    'network.proxy.no_proxies_on': '',
    // loopback too: the proxy's record is then every request Firefox makes
    'network.proxy.allow_hijacking_localhost': true,
    // headless Firefox gives WebGL only when forced, in process, through EGL (with MOZ_WEBGL_FORCE_EGL below)
    ...(opts.webgl === false ? { 'webgl.disabled': true } : { 'webgl.force-enabled': true, 'webgl.out-of-process': false, 'gfx.x11-egl.force-enabled': true }),
    ...opts.prefs,
  };
  writeFileSync(path.join(profileDir, 'user.js'), Object.entries(prefs).map(([k, v]) => `user_pref(${JSON.stringify(k)}, ${JSON.stringify(v)});`).join('\n'));
  const child: ChildProcess = spawn(FIREFOX_PATH, ['--headless', '--no-remote', '--profile', profileDir, '--remote-debugging-port=0'], {
    // MOZ_REMOTE_SETTINGS_DEVTOOLS: release builds honour services.settings.server only with it
    env: { ...process.env, MOZ_CRASHREPORTER_DISABLE: '1', MOZ_HEADLESS: '1', MOZ_REMOTE_SETTINGS_DEVTOOLS: '1', MOZ_WEBGL_FORCE_EGL: '1', LIBGL_ALWAYS_SOFTWARE: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const wsUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Firefox did not start WebDriver BiDi in 60 s:\n${output.slice(-2000)}`)), 60_000);
    const onData = (d: Buffer) => {
      output += String(d);
      const m = /WebDriver BiDi listening on (ws:\/\/[^\s]+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`Firefox exited (${code}) before BiDi started:\n${output.slice(-2000)}`)));
  });
  const bidi = await Bidi.connect(`${wsUrl.replace(/\/$/, '')}/session`);
  await bidi.send('session.new', { capabilities: { alwaysMatch: { acceptInsecureCerts: true } } });
  let closed = false;
  const session: FirefoxSession = {
    bidi,
    proxy,
    profileDir,
    async install() {
      const r = await bidi.send('webExtension.install', { extensionData: { type: 'path', path: extensionDir } });
      return r.extension as string;
    },
    async newPage(url) {
      const { context } = await bidi.send('browsingContext.create', { type: 'tab' });
      const page = new FxPage(bidi, context);
      if (url) await page.goto(url);
      return page;
    },
    async close() {
      if (closed) return;
      closed = true;
      await bidi.send('browser.close').catch(() => {});
      bidi.close();
      await new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        const t = setTimeout(() => {
          child.kill('SIGKILL');
          resolve();
        }, 10_000);
        child.once('exit', () => {
          clearTimeout(t);
          resolve();
        });
      });
      await proxy.close();
      rmSync(profileDir, { recursive: true, force: true, maxRetries: 3 });
    },
  };
  if (opts.install ?? true) await session.install();
  return session;
}

/** One Firefox for the suite (or describe block) it is called in: launched before its tests, closed after them. */
export function useFirefox(opts: LaunchFirefoxOptions = {}): { readonly ff: FirefoxSession } {
  let session: FirefoxSession | undefined;
  beforeAll(async () => {
    session = await launchFirefox(opts);
  });
  afterAll(async () => {
    await session?.close();
  });
  return {
    get ff() {
      if (!session) throw new Error('Firefox is not running (useFirefox is used outside a suite)');
      return session;
    },
  };
}

/** The shadow-root-piercing lookup used by every selector below: "host >>> inner" goes into an open shadow root. */
const FIND = `(sel) => { let root = document; let el = null; for (const part of sel.split('>>>')) { el = root.querySelector(part.trim()); if (!el) return null; root = el.shadowRoot ?? el; } return el; }`;

/** One tab. Selectors are CSS; "a >>> b" looks for b in a's open shadow root (the extension's <jaga-netral-ui>). */
export class FxPage {
  constructor(
    readonly bidi: Bidi,
    readonly context: string,
  ) {}

  async goto(url: string, wait: 'none' | 'interactive' | 'complete' = 'interactive'): Promise<void> {
    await this.bidi.send('browsingContext.navigate', { context: this.context, url, wait });
  }

  async reload(): Promise<void> {
    await this.bidi.send('browsingContext.reload', { context: this.context, wait: 'interactive' });
  }

  /** Evaluates `fn` (source of a function) with JSON-able `args` in the page; returns its JSON-able result. */
  async call<T>(fn: string, ...args: unknown[]): Promise<T> {
    const r = await this.bidi.send('script.callFunction', {
      functionDeclaration: `async (...a) => { const find = ${FIND}; const v = await (${fn})(...a.map((x) => JSON.parse(x))); return v === undefined ? undefined : JSON.stringify(v); }`,
      arguments: args.map((a) => ({ type: 'string', value: JSON.stringify(a) })),
      target: { context: this.context },
      awaitPromise: true,
      resultOwnership: 'none',
    }).catch((e) => {
      throw new Error(`in the page: ${String(e?.message ?? e)}`);
    });
    if (r.type === 'exception') throw new Error(`in the page: ${r.exceptionDetails?.text}`);
    const v = fromRemote(r.result);
    return (v === undefined ? undefined : JSON.parse(v as string)) as T;
  }

  /** Evaluates an expression (with `find(selector)` in scope). */
  eval<T>(expression: string): Promise<T> {
    return this.call<T>(`() => (${expression})`);
  }

  async waitFor<T>(expression: string, what = expression, timeoutMs = 30_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    let last: unknown;
    while (Date.now() < deadline) {
      try {
        const v = await this.eval<T>(expression);
        if (v) return v;
      } catch (e) {
        last = e;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? ` (${String(last)})` : ''}`);
  }

  /** Waits for the element, then clicks its centre with a real pointer. */
  async click(selector: string, timeoutMs = 30_000): Promise<void> {
    const box = await this.waitFor<{ x: number; y: number }>(
      `(() => { const el = find(${JSON.stringify(selector)}); if (!el) return null; el.scrollIntoView({ block: 'center' }); const r = el.getBoundingClientRect(); return r.width && r.height ? { x: Math.round(r.left + r.width / 2), y: Math.round(r.top + r.height / 2) } : null; })()`,
      `a visible ${selector}`,
      timeoutMs,
    );
    await this.bidi.send('input.performActions', {
      context: this.context,
      actions: [
        {
          type: 'pointer',
          id: 'mouse',
          parameters: { pointerType: 'mouse' },
          actions: [
            { type: 'pointerMove', x: box.x, y: box.y },
            { type: 'pointerDown', button: 0 },
            { type: 'pointerUp', button: 0 },
          ],
        },
      ],
    });
  }

  /** Types like a person, one key per character ("\n" is Enter). */
  async type(text: string): Promise<void> {
    const actions: { type: string; value: string }[] = [];
    for (const { segment } of new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text)) {
      const value = segment === '\n' ? '\uE007' : segment;
      actions.push({ type: 'keyDown', value }, { type: 'keyUp', value });
    }
    await this.bidi.send('input.performActions', { context: this.context, actions: [{ type: 'key', id: 'keyboard', actions }] });
  }

  /** Presses a key chord, e.g. ['\uE009', '\uE007'] for Ctrl+Enter. */
  async press(keys: string[]): Promise<void> {
    const actions = [...keys.map((value) => ({ type: 'keyDown', value })), ...[...keys].reverse().map((value) => ({ type: 'keyUp', value }))];
    await this.bidi.send('input.performActions', { context: this.context, actions: [{ type: 'key', id: 'keyboard', actions }] });
  }

  /** Puts files into an <input type=file>, as choosing them in the file picker does. */
  async setFiles(selector: string, files: string[]): Promise<void> {
    const r = await this.bidi.send('script.callFunction', {
      functionDeclaration: `(sel) => (${FIND})(sel)`,
      arguments: [{ type: 'string', value: selector }],
      target: { context: this.context },
      awaitPromise: false,
      resultOwnership: 'root',
    });
    const sharedId = r.result?.sharedId;
    if (!sharedId) throw new Error(`no element ${selector} to put files into`);
    await this.bidi.send('input.setFiles', { context: this.context, element: { sharedId }, files });
  }

  async close(): Promise<void> {
    await this.bidi.send('browsingContext.close', { context: this.context }).catch(() => {});
  }
}

/** <html data-jaga-netral="active">: the content script runs on this page. */
export const EXTENSION_ACTIVE = `document.documentElement.getAttribute('data-jaga-netral') === 'active'`;

/** Opens `url` in a new tab, reloading until the content script is active (a fresh profile may load the first page before it is registered). */
export async function openWithExtension(ff: FirefoxSession, url: string, ready: string, timeoutMs = 45_000): Promise<FxPage> {
  const page = await ff.newPage(url);
  const deadline = Date.now() + timeoutMs;
  for (let attempt = 1; ; attempt++) {
    const ok = await page.waitFor(`${EXTENSION_ACTIVE} && !!find(${JSON.stringify(ready)})`, 'the extension on the page', Math.min(5_000 * attempt, Math.max(1_000, deadline - Date.now()))).then(
      () => true,
      () => false,
    );
    if (ok) return page;
    if (Date.now() > deadline) throw new Error(`the Jaga Netral content script did not mark ${url} as active in ${timeoutMs} ms`);
    await page.reload();
  }
}

export const FIREFOX_POLICY_FILE = process.env.FIREFOX_POLICY_FILE ?? '/etc/firefox/policies/policies.json';

/**
 * The machine's Firefox policies.json, as an agency's rollout writes it, with the extension's managed
 * settings under 3rdparty.Extensions. Whatever was there before is kept beside it (FILE.jaga-netral-e2e,
 * or a marker that there was none) and put back on remove() and on exit — also by the next run, if
 * this one was killed. Firefox reads it at start: write it before launchFirefox(). Run under the shared lock.
 */
export class FirefoxPolicyFile {
  private readonly backup: string;
  private readonly onExit = () => this.remove();

  constructor(readonly file = FIREFOX_POLICY_FILE) {
    if (typeof process.getuid === 'function' && process.getuid() !== 0 && !process.env.FIREFOX_POLICY_FILE) {
      throw new Error(`the Firefox policy e2e test writes ${file} and must run as root (CI does)`);
    }
    this.backup = `${file}.jaga-netral-e2e`;
    this.restore(); // a run that was killed
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(this.backup, existsSync(file) ? readFileSync(file) : NO_FILE);
    process.once('exit', this.onExit);
  }

  write(extensionPolicy: Record<string, unknown>): void {
    writeFileSync(this.file, JSON.stringify({ policies: { '3rdparty': { Extensions: { [FIREFOX_ADDON_ID]: extensionPolicy } } } }, null, 2));
  }

  remove(): void {
    try {
      this.restore();
    } catch {
      /* best effort on exit */
    }
    process.removeListener('exit', this.onExit);
  }

  private restore(): void {
    if (!existsSync(this.backup)) return;
    const before = readFileSync(this.backup);
    if (before.equals(NO_FILE)) rmSync(this.file, { force: true });
    else writeFileSync(this.file, before);
    rmSync(this.backup, { force: true });
  }
}

const NO_FILE = Buffer.from('(no policies.json before the test)\n');
