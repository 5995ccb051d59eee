/**
 * Nothing leaves the device, by the browser's own record: Chromium writes its net log
 * (--log-net-log, every request of every context: pages, the extension's service worker, its
 * offscreen document and its options page) over a session longer than any timer a bundled library
 * could use to phone home — photos checked, the engine released after 60 s idle and started again,
 * a pack refreshed through a real managed policy. The only requests the extension may start are the
 * policy's pack addresses.
 *
 * The fixture sites come through a local proxy (tests/e2e/fixture-proxy.ts), not request
 * interception, so every request reaches Chromium's network stack and its log; the proxy refuses,
 * and records, every destination that is not a fixture.
 *
 * Writes a policy into /etc/chromium/policies/managed: run under the shared lock
 * (flock /work/wt/policy.lock npx vitest run --project e2e tests/e2e/net-log.e2e.test.ts).
 */
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, openComposer, ROOT_DIR, typeInto, warmUp, type LaunchedBrowser } from './harness';
import { startFixtureProxy, type FixtureProxy } from './fixture-proxy';
import { extensionCopyWithTestKey, packServer, PolicyFile, serviceWorker } from './policy-support';
import { generateKeyPair, signPack } from '../../lib/policy/signature';

const PHOTOS = path.join(ROOT_DIR, 'tests/vision/photos');
const photo = (name: string) => ({ name, mimeType: name.endsWith('.png') ? 'image/png' : 'image/jpeg', buffer: readFileSync(path.join(PHOTOS, name)) });
const TWO = 'fingerpose-gif-frame03.png';
const FIST = 'fingerpose-fullcurl.jpg';
const PACK_TEXT = readFileSync(path.join(ROOT_DIR, 'tests/fixtures-policy/pilkada-uji.json'), 'utf8');
/** Longer than MediaPipe's 60 s logger interval and the engine's 60 s idle release, twice over. */
const SESSION_MS = 135_000;

let ext: ReturnType<typeof extensionCopyWithTestKey>;
let policyFile: PolicyFile;
let packs: Awaited<ReturnType<typeof packServer>>;
let proxy: FixtureProxy;
let browser: LaunchedBrowser | undefined;
const netLog = path.join(os.tmpdir(), `jaga-netral-netlog-${process.pid}.json`);

interface NetRequest {
  url: string;
  method?: string;
  initiator?: string;
}

/** Every URL request in a net log file (also one cut short: the log's event list is read up to its last whole event). */
function netLogRequests(file: string): NetRequest[] {
  let text = readFileSync(file, 'utf8').trimEnd();
  let log: { constants: { logEventTypes: Record<string, number> }; events: { type: number; params?: Record<string, unknown> }[] };
  try {
    log = JSON.parse(text);
  } catch {
    text = text.replace(/,?\s*$/, '');
    log = JSON.parse(`${text.slice(0, text.lastIndexOf('}') + 1)}]}`);
  }
  const start = log.constants.logEventTypes.URL_REQUEST_START_JOB;
  return log.events
    .filter((e) => e.type === start && typeof e.params?.url === 'string')
    .map((e) => ({ url: e.params!.url as string, method: e.params!.method as string, initiator: e.params!.initiator as string | undefined }));
}

/** Started by the browser itself (a navigation, its own services): the net log names no initiating origin. */
const chromiumOwn = (r: NetRequest) => r.initiator === undefined || r.initiator === 'not an origin';

async function offscreenOpen(): Promise<boolean> {
  const sw = await serviceWorker(browser!.context, ext.id);
  return sw.evaluate(async () => ((await (globalThis as any).chrome.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'] })) as unknown[]).length > 0);
}

async function until(what: string, ok: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await ok().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`never happened: ${what}`);
}

/** A fresh composer, a photo attached; resolves once the engine has given its verdict. */
async function checkPhoto(name: string, verdict: 'violation' | 'ok'): Promise<Page> {
  const page = await openComposer(browser!.context, '/home');
  await typeInto(page, 'tweetTextarea_0', 'Dokumentasi rapat koordinasi anggaran hari ini.');
  await page.locator('[data-testid="toolBar"] input[data-testid="fileInput"]').first().setInputFiles([photo(name)]);
  if (verdict === 'violation') await page.locator('jaga-netral-ui button.marker.violation').waitFor({ state: 'visible', timeout: 60_000 });
  else {
    await page.locator('jaga-netral-ui button.marker.checking').waitFor({ state: 'visible', timeout: 30_000 }).catch(() => {});
    await page.locator('jaga-netral-ui button.marker.checking').waitFor({ state: 'detached', timeout: 60_000 });
  }
  return page;
}

beforeAll(async () => {
  ext = extensionCopyWithTestKey();
  policyFile = new PolicyFile(ext.id);
  const keys = await generateKeyPair();
  const files = new Map<string, Buffer | string>([
    ['/packs/pilkada-uji.json', PACK_TEXT],
    ['/packs/pilkada-uji.json.sig', await signPack(new TextEncoder().encode(PACK_TEXT), keys.privateKey)],
  ]);
  packs = await packServer(files);
  policyFile.write({ packs: [{ url: `${packs.origin}/packs/pilkada-uji.json` }], packPublicKey: keys.publicKey });
  proxy = await startFixtureProxy();
  browser = await launchWithExtension({
    locale: 'id',
    extensionDir: ext.dir,
    args: [
      `--log-net-log=${netLog}`,
      '--net-log-capture-mode=Default',
      `--proxy-server=http://${proxy.host}:${proxy.port}`,
      '--ignore-certificate-errors',
    ],
  });
  await warmUp(browser.context);
});

afterAll(async () => {
  policyFile?.remove();
  await browser?.close();
  await packs?.close();
  await proxy?.close();
  ext?.cleanup();
});

describe('the browser’s own network record (Chromium net log)', () => {
  it(`over ${SESSION_MS / 1000} s of photos, an idle release, a restart and a pack refresh, the extension reached only the policy's packs`, { timeout: SESSION_MS + 240_000 }, async () => {
    const started = Date.now();
    const packUrl = `${packs.origin}/packs/pilkada-uji.json`;
    await until('the policy pack downloaded', async () => packs.hits.includes('/packs/pilkada-uji.json'), 60_000);

    // photos checked: the engine (MediaPipe, in the offscreen document) starts
    let page = await checkPhoto(TWO, 'violation');
    expect(await offscreenOpen()).toBe(true);
    await page.close();
    page = await checkPhoto(FIST, 'ok');
    await page.close();

    // the engine is released after 60 s idle (the document closes: a logger would flush now)
    await until('the engine released after idle', async () => !(await offscreenOpen()), 120_000);

    // a pack refreshed on request, from the options page (a third context)
    const hitsBefore = packs.hits.length;
    const opts = await browser!.context.newPage();
    await opts.goto(`chrome-extension://${ext.id}/options.html`);
    await opts.getByRole('button', { name: /Perbarui paket/ }).click();
    await until('the pack downloaded again', async () => packs.hits.length > hitsBefore, 30_000);
    await opts.close();

    // and the engine started again, then left running past another logger interval
    page = await checkPhoto(TWO, 'violation');
    expect(await offscreenOpen()).toBe(true);
    const left = SESSION_MS - (Date.now() - started);
    if (left > 0) await new Promise((r) => setTimeout(r, left));
    await page.close();
    const sessionMs = Date.now() - started;

    // the net log is complete once the browser has closed
    await browser!.close();
    browser = undefined;
    const all = netLogRequests(netLog);
    const fromExtension = all.filter((r) => r.initiator?.startsWith(`chrome-extension://${ext.id}`));
    const allowed = new Set([packUrl, `${packUrl}.sig`]);
    const offDevice = fromExtension.filter((r) => !r.url.startsWith('chrome-extension://') && !allowed.has(r.url));
    console.log(
      `[net-log] session ${Math.round(sessionMs / 1000)} s; ${all.length} requests in the log, ${fromExtension.length} started by the extension: ` +
        JSON.stringify([...new Set(fromExtension.map((r) => `${r.method} ${r.url}`))]) +
        `; the proxy saw ${proxy.requests.length} requests and refused ${JSON.stringify([...new Set(proxy.foreign().map((l) => l.split('?')[0]))])}; ` +
        `Chromium's own (no initiator: navigations, update and sign-in checks): ${JSON.stringify([...new Set(all.filter(chromiumOwn).map((r) => r.url.split('?')[0]))])}`,
    );
    expect(sessionMs).toBeGreaterThan(120_000);
    // the log does record the extension's own requests: the pack, its signature, and the refresh
    expect(fromExtension.filter((r) => r.url === packUrl).length).toBeGreaterThanOrEqual(2);
    expect(offDevice).toEqual([]);
    // Everything else in the log was asked for by the fixture pages or by Chromium itself (no
    // initiator: its update and sign-in services, which the proxy refused); nothing came from any
    // page or context that is not a fixture site, and nothing at all named a Google API but Chromium's own.
    const fixture = (u: string) => /^https:\/\/(x|twitter|mobile\.x|mobile\.twitter)\.com(\/|$)/.test(u);
    const others = all.filter((r) => !chromiumOwn(r) && !r.initiator!.startsWith(`chrome-extension://${ext.id}`));
    expect(others.filter((r) => !fixture(r.initiator!))).toEqual([]);
    expect(all.filter((r) => /googleapis/.test(r.url) && !chromiumOwn(r))).toEqual([]);
  });
});
