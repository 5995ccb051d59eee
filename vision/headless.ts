/**
 * Node side: runs the real hand engine (vision/runner.ts, the model and wasm from public/vision/)
 * in headless Chromium, for the CLI (cli/scan-images.ts), the accuracy script and the benchmark.
 * The page is served at a private origin through request interception; nothing leaves the
 * machine (any other request is aborted).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { ImageAnalysis } from '../lib/vision/types';
import { buildModels, VISION_OUT } from '../scripts/build-models';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ORIGIN = 'https://engine.jaga-netral.invalid';

export interface HeadlessEngine {
  analyse(bytes: Uint8Array): Promise<ImageAnalysis>;
  /** Loads the model now; returns the load time in ms (as measured in the page). */
  load(): Promise<number | null>;
  /** JS heap and process memory of the page, bytes (Chromium's performance.memory + CDP metrics). */
  memory(): Promise<{ jsHeap: number; wasm?: number }>;
  page: Page;
  close(): Promise<void>;
}

export async function openHeadlessEngine(opts: { chromiumPath?: string } = {}): Promise<HeadlessEngine> {
  buildModels(false);
  const bundle = await build({
    entryPoints: [path.join(ROOT, 'vision/page-entry.ts')],
    bundle: true,
    format: 'esm',
    write: false,
    platform: 'browser',
    target: 'chrome120',
    logLevel: 'silent',
  });
  const js = bundle.outputFiles[0]!.text;
  const executablePath = opts.chromiumPath ?? process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(executablePath)) throw new Error(`Chromium not found at ${executablePath} (set CHROMIUM_PATH, or: sudo bash scripts/install-deps.sh)`);
  const browser: Browser = await chromium.launch({
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--enable-precise-memory-info'],
  });
  const page = await browser.newPage();
  const files: Record<string, [string | Buffer, string]> = {
    '/': ['<!doctype html><meta charset="utf-8"><title>engine</title><script type="module" src="/engine.js"></script>', 'text/html'],
    '/engine.js': [js, 'text/javascript'],
  };
  await page.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.origin !== ORIGIN) return route.abort();
    if (url.pathname.startsWith('/vision/')) {
      const f = path.join(VISION_OUT, path.basename(url.pathname));
      if (!existsSync(f)) return route.fulfill({ status: 404 });
      const type = f.endsWith('.wasm') ? 'application/wasm' : f.endsWith('.js') ? 'text/javascript' : 'application/octet-stream';
      return route.fulfill({ body: readFileSync(f), contentType: type });
    }
    const hit = files[url.pathname];
    return hit ? route.fulfill({ body: hit[0], contentType: hit[1] }) : route.fulfill({ status: 404 });
  });
  await page.goto(`${ORIGIN}/`);
  await page.waitForFunction(() => 'jagaVision' in globalThis);
  type Api = { analyse(b: string): Promise<ImageAnalysis>; load(): Promise<number | null>; close(): Promise<void> };
  return {
    page,
    analyse: (bytes) =>
      page.evaluate((b64) => (globalThis as unknown as { jagaVision: Api }).jagaVision.analyse(b64), Buffer.from(bytes).toString('base64')),
    load: () => page.evaluate(() => (globalThis as unknown as { jagaVision: Api }).jagaVision.load()),
    async memory() {
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Performance.enable');
      const { metrics } = await cdp.send('Performance.getMetrics');
      const get = (n: string) => metrics.find((m) => m.name === n)?.value ?? 0;
      await cdp.detach();
      return { jsHeap: get('JSHeapUsedSize') };
    },
    async close() {
      await browser.close().catch(() => {});
    },
  };
}

