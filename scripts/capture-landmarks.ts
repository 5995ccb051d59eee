/**
 * Records the hand landmarks MediaPipe finds, so pose classification (lib/vision/gestures.ts) can
 * be tested and evaluated in Node in seconds, without a browser. Rerun after changing the model.
 *
 *   npx tsx scripts/capture-landmarks.ts
 *     the labelled test photos → tests/unit/fixtures/hand-landmarks.json (the unit tests' fixtures)
 *   npx tsx scripts/capture-landmarks.ts --all [OUT]
 *     every picture `npm run eval:vision` reads hands in — the labelled photos, their variations
 *     (as eval-vision.ts makes them) and the rendered hands — → OUT (default
 *     .scratch/landmarks.json), read by scripts/eval-landmarks.ts
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { boxOf } from '../lib/vision/gestures';
import type { Variation } from '../vision/page-entry';
import { VARIATIONS, type LandmarkCache, type RecordedHands } from './landmark-cache';
import { openHeadlessEngine, type HeadlessEngine } from '../vision/headless';

const dir = 'tests/vision/photos';
const renderedDir = 'tests/vision/rendered-hands';
const all = process.argv[2] === '--all';
const { labels } = JSON.parse(readFileSync('tests/vision/labels.json', 'utf8')) as { labels: Record<string, { gesture: string; clear: boolean }> };

const rawHands = (eng: HeadlessEngine, b64: string) =>
  eng.page.evaluate((b) => (globalThis as unknown as { jagaVision: { rawHands(b: string): Promise<RecordedHands> } }).jagaVision.rawHands(b), b64);
/** The largest hand, as eval-vision.ts picks it (boxes do not depend on the pose reading). */
const mainBox = (r: RecordedHands) =>
  r.hands.map((h) => boxOf(h.points, r.width, r.height)).sort((a, b) => b[2] * b[3] - a[2] * a[3])[0];
const round = (_k: string, v: unknown) => (typeof v === 'number' ? Math.round(v * 1e5) / 1e5 : v);

const engine = await openHeadlessEngine();
try {
  if (!all) {
    const out: Record<string, unknown> = {};
    for (const [file, label] of Object.entries(labels)) out[file] = { label: label.gesture, ...(await rawHands(engine, readFileSync(path.join(dir, file)).toString('base64'))) };
    mkdirSync('tests/unit/fixtures', { recursive: true });
    writeFileSync('tests/unit/fixtures/hand-landmarks.json', JSON.stringify(out, round));
    console.log(`wrote ${Object.keys(out).length} photos`);
  } else {
    const outFile = process.argv[3] ?? '.scratch/landmarks.json';
    const cache: LandmarkCache = { photos: {}, variations: {}, rendered: {} };
    for (const file of Object.keys(labels)) cache.photos[file] = await rawHands(engine, readFileSync(path.join(dir, file)).toString('base64'));
    type Vary = { vary(b64: string, kind: Variation, box?: number[]): Promise<string> };
    for (const kind of VARIATIONS) {
      const got: Record<string, RecordedHands> = {};
      for (const [file, label] of Object.entries(labels)) {
        if (!label.clear || label.gesture === 'unclear') continue;
        const b64 = readFileSync(path.join(dir, file)).toString('base64');
        const box = kind === 'wrist-covered' ? mainBox(cache.photos[file]!) : undefined;
        const varied = await engine.page.evaluate(([b, k, bx]) => (globalThis as unknown as { jagaVision: Vary }).jagaVision.vary(b, k, bx ?? undefined), [b64, kind, box ?? null] as const);
        got[file] = await rawHands(engine, varied);
      }
      cache.variations[kind] = got;
    }
    const { labels: rendered } = JSON.parse(readFileSync(path.join(renderedDir, 'labels.json'), 'utf8')) as { labels: Record<string, unknown> };
    for (const file of Object.keys(rendered)) cache.rendered[file] = await rawHands(engine, readFileSync(path.join(renderedDir, 'images', file)).toString('base64'));
    mkdirSync(path.dirname(outFile), { recursive: true });
    writeFileSync(outFile, JSON.stringify(cache, round));
    console.log(`wrote ${Object.keys(cache.photos).length} photos, ${VARIATIONS.length} variations of the clear ones, ${Object.keys(cache.rendered).length} rendered hands to ${outFile}`);
  }
} finally {
  await engine.close();
}
