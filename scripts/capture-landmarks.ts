/**
 * Records the hand landmarks MediaPipe finds in the labelled test photos into
 * tests/unit/fixtures/hand-landmarks.json, so the pose unit tests run on real landmark sets
 * without a browser. Rerun after changing the model: npx tsx scripts/capture-landmarks.ts
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { openHeadlessEngine } from '../vision/headless';

const dir = 'tests/vision/photos';
const { labels } = JSON.parse(readFileSync('tests/vision/labels.json', 'utf8')) as { labels: Record<string, { gesture: string; clear: boolean }> };
const engine = await openHeadlessEngine();
const out: Record<string, unknown> = {};
try {
  for (const [file, label] of Object.entries(labels)) {
    const b64 = readFileSync(path.join(dir, file)).toString('base64');
    const raw = await engine.page.evaluate((b) => (globalThis as unknown as { jagaVision: { rawHands(b: string): Promise<unknown> } }).jagaVision.rawHands(b), b64);
    out[file] = { label: label.gesture, ...(raw as object) };
  }
} finally {
  await engine.close();
}
mkdirSync('tests/unit/fixtures', { recursive: true });
writeFileSync('tests/unit/fixtures/hand-landmarks.json', JSON.stringify(out, (_k, v) => (typeof v === 'number' ? Math.round(v * 1e5) / 1e5 : v)));
console.log(`wrote ${Object.keys(out).length} photos`);
