/**
 * The photo check as it ships against a variant of it (printed, never asserted), interleaved in one
 * headless page so that a busy machine weighs on both alike: per 1080×1080 photo (a busy picture
 * with no hand and no text, a photo of a hand, a poster with text) the median of each and the
 * ratio variant/shipped; then the first photo after the warm-up, in fresh pages taken in turn.
 * The default variant is the engine before its speed-ups: the detector on the photo's own pixels
 * (detectSide 0), every photo read in full for text (glance false), the fingerprint decoded again
 * after the hands (share false), every skin cell counted by the tile gate (skinPatches false), and
 * the warm-up on a small blank (blankWarmUp true).
 *
 *   npx tsx scripts/bench-vision-ab.ts [--runs=15] [--first=3] [--variant='{"detectSide":0,"glance":false,"share":false,"skinPatches":false,"blankWarmUp":true}'] [--photos=a.jpg,b.png]
 *   (--photos: files of tests/vision/text instead of the three above; the variant may also set "lightKey":false, or
 *   "textParams": more Tesseract parameters)
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { openHeadlessEngine, type HeadlessEngine } from '../vision/headless';
import type { EngineVariant } from '../vision/page-entry';
import type { ImageAnalysis } from '../lib/vision/types';

const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const RUNS = Number(arg('runs') ?? 15);
const FIRST = Number(arg('first') ?? 3);
const variants: Record<string, EngineVariant> = { shipped: {}, variant: JSON.parse(arg('variant') ?? '{"detectSide":0,"glance":false,"share":false,"skinPatches":false,"blankWarmUp":true}') as EngineVariant };
const photos: [string, string][] = arg('photos')
  ? arg('photos')!.split(',').map((f) => [f, f])
  : [
      ['busy picture, no hand, no text', 'photo-no-text-busy.jpg'],
      ['a hand, no text', 'photo-hand-no-text.jpg'],
      ['poster with text', 'poster-coblos-nomor-2.jpg'],
    ];
const b64 = (f: string) => readFileSync(path.join('tests/vision/text', f)).toString('base64');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
type Api = { analyseAs(b64: string, v: EngineVariant): Promise<ImageAnalysis>; warm(v?: EngineVariant): Promise<void> };
const api = (e: HeadlessEngine) => ({
  analyse: (img: string, v: EngineVariant) => e.page.evaluate(([i, vv]) => (globalThis as unknown as { jagaVision: Api }).jagaVision.analyseAs(i, vv), [img, v] as const),
  warm: (v: EngineVariant) => e.page.evaluate((vv) => (globalThis as unknown as { jagaVision: Api }).jagaVision.warm(vv), v),
});
const names = Object.keys(variants);

console.log(`\nphoto check A/B (headless Chromium, CPU, interleaved; variant ${JSON.stringify(variants.variant)})`);
const engine = await openHeadlessEngine();
try {
  const e = api(engine);
  for (const v of names) await e.warm(variants[v]!);
  for (const [what, f] of photos) {
    const img = b64(f);
    const t: Record<string, { total: number[]; hands: number[]; text: number[] }> = {};
    for (const v of names) {
      t[v] = { total: [], hands: [], text: [] };
      await e.analyse(img, variants[v]!);
    }
    for (let i = 0; i < RUNS; i++)
      for (const v of i % 2 ? [...names].reverse() : names) {
        const a = await e.analyse(img, variants[v]!);
        t[v]!.total.push(a.ms ?? NaN);
        t[v]!.hands.push(a.timing?.hands ?? NaN);
        t[v]!.text.push(a.timing?.text ?? NaN);
      }
    const m = (v: string) => median(t[v]!.total);
    const parts = names.map((v) => `${v} ${m(v).toFixed(0)} ms (hands ${median(t[v]!.hands)}, text ${median(t[v]!.text)})`);
    console.log(`  1080², ${what.padEnd(31)} ${parts.join('   ')}   variant/shipped ${(m('variant') / m('shipped')).toFixed(2)}  (n=${RUNS})`);
  }
} finally {
  await engine.close();
}

const first: Record<string, number[]> = {};
for (let i = 0; i < FIRST; i++)
  for (const v of i % 2 ? [...names].reverse() : names) {
    const fresh = await openHeadlessEngine();
    try {
      const e = api(fresh);
      await e.warm(variants[v]!);
      const t0 = performance.now();
      await e.analyse(b64('poster-coblos-nomor-2.jpg'), variants[v]!);
      (first[v] ??= []).push(performance.now() - t0);
    } finally {
      await fresh.close();
    }
  }
if (FIRST > 0)
  console.log(`  first photo after the warm-up (1080² poster): ${names.map((v) => `${v} ${median(first[v]!).toFixed(0)} ms`).join('   ')}   variant/shipped ${(median(first.variant!) / median(first.shipped!)).toFixed(2)}  (n=${FIRST})`);
