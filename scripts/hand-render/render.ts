/**
 * Node side of the hand renderer: bundles scripts/hand-render/page.ts with three.js, opens it in
 * headless Chromium (WebGL through SwiftShader; every network request is refused) with the WebXR
 * generic hand models from @webxr-input-profiles/assets, and renders pictures one at a time.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { PoseSpec } from './poses';
import type { RenderParams } from './specs';

const HERE = path.dirname(fileURLToPath(import.meta.url));

export interface RenderedHand {
  jpeg: Buffer;
  box: [number, number, number, number];
  reach?: number;
}

export interface HandRenderer {
  render(params: RenderParams, pose: PoseSpec): Promise<RenderedHand>;
  page: Page;
  close(): Promise<void>;
}

export async function openHandRenderer(opts: { chromiumPath?: string } = {}): Promise<HandRenderer> {
  const bundle = await build({
    entryPoints: [path.join(HERE, 'page.ts')],
    bundle: true,
    format: 'iife',
    write: false,
    platform: 'browser',
    target: 'chrome120',
    logLevel: 'silent',
  });
  const models = path.join(path.dirname(createRequire(import.meta.url).resolve('@webxr-input-profiles/assets/package.json')), 'dist/profiles/generic-hand');
  const glb = (side: string) => readFileSync(path.join(models, `${side}.glb`)).toString('base64');
  const browser: Browser = await chromium.launch({
    executablePath: opts.chromiumPath ?? process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--enable-unsafe-swiftshader'],
  });
  const page = await browser.newPage();
  await page.route('**/*', (route) => route.abort());
  await page.setContent('<!doctype html><meta charset="utf-8"><title>hands</title>');
  await page.addScriptTag({ content: bundle.outputFiles[0]!.text });
  type Api = { load(l: string, r: string): Promise<void>; render(p: RenderParams, s: PoseSpec): Promise<{ jpeg: string; box: [number, number, number, number]; reach?: number }> };
  await page.evaluate(([l, r]) => (globalThis as unknown as { handRender: Api }).handRender.load(l, r), [glb('left'), glb('right')] as const);
  return {
    page,
    async render(params, pose) {
      const out = await page.evaluate(([p, s]) => (globalThis as unknown as { handRender: Api }).handRender.render(p, s), [params, pose] as const);
      return { jpeg: Buffer.from(out.jpeg, 'base64'), box: out.box, reach: out.reach };
    },
    close: () => browser.close(),
  };
}
