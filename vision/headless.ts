/**
 * Node side: runs the real hand engine (vision/runner.ts, the model and wasm from public/vision/)
 * in headless Chromium, for the CLI (cli/scan-images.ts), the accuracy script and the benchmark.
 * The page and the engine files are served by a small HTTP server on 127.0.0.1 (Playwright's
 * request interception would add seconds of copying to the 20 MB of model and wasm); any other
 * request is aborted, so nothing leaves the machine.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { ImageAnalysis } from '../lib/vision/types';
import type { Fingerprint } from '../lib/vision/phash';
import { buildModels, VISION_OUT } from '../scripts/build-models';
import { MEDIAPIPE_BUNDLE, withoutTelemetry } from '../scripts/mediapipe-telemetry';
import { buildOcr, OCR_OUT } from '../scripts/build-ocr';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface HeadlessEngine {
  analyse(bytes: Uint8Array): Promise<ImageAnalysis>;
  /** The perceptual fingerprint of an image (vision/fingerprint.ts), as a photo or as a pack's reference. */
  fingerprint(bytes: Uint8Array, side: 'photo' | 'reference'): Promise<Fingerprint>;
  /** Loads the model now; returns the load time in ms (as measured in the page). */
  load(): Promise<number | null>;
  /** JS heap and process memory of the page, bytes (Chromium's performance.memory + CDP metrics). */
  memory(): Promise<{ jsHeap: number; wasm?: number }>;
  page: Page;
  close(): Promise<void>;
}

export async function openHeadlessEngine(opts: { chromiumPath?: string; /** another page script (experiments) */ entry?: string; /** the engine variant the page runs (vision/page-entry.ts' EngineVariant, JSON) */ variant?: string } = {}): Promise<HeadlessEngine> {
  buildModels(false);
  await buildOcr(false);
  const bundle = await build({
    entryPoints: [opts.entry ?? path.join(ROOT, 'vision/page-entry.ts')],
    bundle: true,
    format: 'esm',
    write: false,
    platform: 'browser',
    target: 'chrome120',
    logLevel: 'silent',
    // the same engine as the extension's: MediaPipe's usage logger removed
    plugins: [
      {
        name: 'mediapipe-without-telemetry',
        setup(b) {
          b.onLoad({ filter: MEDIAPIPE_BUNDLE }, async (args) => ({ contents: withoutTelemetry(readFileSync(args.path, 'utf8'), args.path), loader: 'js' }));
        },
      },
    ],
  });
  const js = bundle.outputFiles[0]!.text;
  const executablePath = opts.chromiumPath ?? process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(executablePath)) throw new Error(`Chromium not found at ${executablePath} (set CHROMIUM_PATH, or: sudo bash scripts/install-deps.sh)`);
  const browser: Browser = await chromium.launch({
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--enable-precise-memory-info'],
  });
  const files: Record<string, [string | Buffer, string]> = {
    '/': ['<!doctype html><meta charset="utf-8"><title>engine</title><script type="module" src="/engine.js"></script>', 'text/html'],
    '/engine.js': [js, 'text/javascript'],
  };
  for (const f of ['hand_landmarker.task', 'vision_wasm_internal.js', 'vision_wasm_internal.wasm']) {
    const type = f.endsWith('.wasm') ? 'application/wasm' : f.endsWith('.js') ? 'text/javascript' : 'application/octet-stream';
    files[`/vision/${f}`] = [readFileSync(path.join(VISION_OUT, f)), type];
  }
  for (const f of readdirSync(OCR_OUT)) {
    const type = f.endsWith('.wasm') ? 'application/wasm' : f.endsWith('.js') ? 'text/javascript' : 'application/octet-stream';
    files[`/ocr/${f}`] = [readFileSync(path.join(OCR_OUT, f)), type];
  }
  const server: Server = createServer((req, res) => {
    const hit = files[new URL(req.url ?? '/', 'http://x').pathname];
    if (!hit) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': hit[1], 'cache-control': 'no-store' }).end(hit[0]);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const page = await browser.newPage();
  await page.route('**/*', (route) => (route.request().url().startsWith(`${origin}/`) ? route.continue() : route.abort()));
  await page.goto(`${origin}/${opts.variant ? `?variant=${encodeURIComponent(opts.variant)}` : ''}`);
  if (!opts.entry) await page.waitForFunction(() => 'jagaVision' in globalThis);
  type Api = {
    analyse(b: string): Promise<ImageAnalysis>;
    fingerprint(b: string, side: 'photo' | 'reference'): Promise<Fingerprint>;
    load(): Promise<number | null>;
    close(): Promise<void>;
  };
  return {
    page,
    analyse: (bytes) =>
      page.evaluate((b64) => (globalThis as unknown as { jagaVision: Api }).jagaVision.analyse(b64), Buffer.from(bytes).toString('base64')),
    fingerprint: (bytes, side) =>
      page.evaluate(([b64, s]) => (globalThis as unknown as { jagaVision: Api }).jagaVision.fingerprint(b64, s), [Buffer.from(bytes).toString('base64'), side] as const),
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
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

