/**
 * Photo-check figures (printed, never asserted): in headless Chromium on this machine, the real
 * engine (vision/runner.ts with the built model bundle and wasm).
 *
 *   cold    first photo in a fresh browser, hand and text engines' load included (median of 3
 *           browsers); and the first photo after the warm-up a composer's focus starts
 *   warm    per photo, engines loaded (median of ≥ 20): 1080×1080 photos — a poster with text, a
 *           busy picture with no hand and no text, a photo of a hand with no text — hands and
 *           text side by side, with each engine's share; a 480×640 photo with one hand; a
 *           1280×853 photo with no hand (the tiled retry runs: the slow path); real photographs with
 *           no hand and no text (tests/vision/photos-nohand), each against the one-hand photo
 *   memory  the engine page's renderer process (RSS) before and after loading, and its JS heap
 *   size    the Chrome build (.output/chrome-mv3): raw, and deflated as in the store zip
 *
 *   npx tsx scripts/bench-vision.ts [--runs=25]
 */
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import path from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { openHeadlessEngine, type HeadlessEngine } from '../vision/headless';

const RUNS = Math.max(20, Number(process.argv.find((a) => a.startsWith('--runs='))?.slice(7) ?? 25));
const photo = (f: string) => new Uint8Array(readFileSync(path.join('tests/vision/photos', f)));
/** Real photographs with no hand and no text (public domain and CC0; see tests/vision/ATTRIBUTION.md). */
const NO_HAND = 'tests/vision/photos-nohand';
const textPhoto = (f: string) => new Uint8Array(readFileSync(path.join('tests/vision/text', f)));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))]!;
const mb = (b: number) => `${(b / 1024 / 1024).toFixed(1)} MB`;
const ms = (x: number) => `${x.toFixed(1)} ms`;

async function rendererRss(engine: HeadlessEngine): Promise<number> {
  const cdp = await engine.page.context().browser()!.newBrowserCDPSession();
  try {
    const { processInfo } = (await cdp.send('SystemInfo.getProcessInfo')) as { processInfo: { id: number; type: string }[] };
    let total = 0;
    for (const p of processInfo.filter((q) => q.type === 'renderer')) {
      try {
        const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${p.id}/status`, 'utf8'));
        if (m) total += Number(m[1]) * 1024;
      } catch {
        /* process gone */
      }
    }
    return total;
  } finally {
    await cdp.detach();
  }
}

async function noHandPhoto(engine: HeadlessEngine): Promise<Uint8Array> {
  const b64 = await engine.page.evaluate(async () => {
    const c = new OffscreenCanvas(1280, 853);
    const ctx = c.getContext('2d')!;
    const g = ctx.createLinearGradient(0, 0, 1280, 853);
    g.addColorStop(0, '#c9d6df');
    g.addColorStop(1, '#52616b');
    ctx.fillStyle = g;
    ctx.fillRect(0, 0, 1280, 853);
    for (let i = 0; i < 40; i++) {
      ctx.fillStyle = `hsl(${(i * 37) % 360} 40% ${30 + (i % 5) * 10}%)`;
      ctx.fillRect((i * 131) % 1200, (i * 71) % 800, 60 + (i % 7) * 20, 40 + (i % 3) * 30);
    }
    const out = new Uint8Array(await (await c.convertToBlob({ type: 'image/jpeg', quality: 0.9 })).arrayBuffer());
    let s = '';
    for (const x of out) s += String.fromCharCode(x);
    return btoa(s);
  });
  return new Uint8Array(Buffer.from(b64, 'base64'));
}

console.log(`\nphoto check (headless Chromium, CPU, ${process.env.CI ? 'CI' : 'local'})`);

// cold
const cold: number[] = [];
const loads: number[] = [];
for (let i = 0; i < 3; i++) {
  const engine = await openHeadlessEngine();
  try {
    const t0 = performance.now();
    const a = await engine.analyse(photo('fingerpose-nocurl.jpg'));
    cold.push(performance.now() - t0);
    if (a.hands[0]?.gesture !== 'one') throw new Error('bench: the engine misread its reference photo');
    loads.push((await engine.load()) ?? NaN);
  } finally {
    await engine.close();
  }
}
console.log(`  cold: first photo incl. hand + text engine load median ${ms(median(cold)).padStart(10)}   (n=3, hand model load alone ${ms(median(loads))})`);

// the engines started by the composer's focus (warm-up), then the first photo
const afterWarm: number[] = [];
for (let i = 0; i < 3; i++) {
  const engine = await openHeadlessEngine();
  try {
    await engine.page.evaluate(() => (globalThis as unknown as { jagaVision: { warm(): Promise<void> } }).jagaVision.warm());
    const t0 = performance.now();
    await engine.analyse(textPhoto('poster-coblos-nomor-2.jpg'));
    afterWarm.push(performance.now() - t0);
  } finally {
    await engine.close();
  }
}
console.log(`  first photo after the warm-up (1080² poster)    median ${ms(median(afterWarm)).padStart(10)}   (n=3)   goal ≤ 1000 ms`);

// warm + memory
const engine = await openHeadlessEngine();
try {
  const rssBefore = await rendererRss(engine);
  await engine.load();
  const one = photo('fingerpose-nocurl.jpg');
  const noHand = await noHandPhoto(engine);
  await engine.analyse(one);
  const warm: number[] = [];
  const warmRoundTrip: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    const a = await engine.analyse(one);
    warmRoundTrip.push(performance.now() - t0);
    warm.push(a.ms ?? NaN);
  }
  const slow: number[] = [];
  for (let i = 0; i < RUNS; i++) slow.push((await engine.analyse(noHand)).ms ?? NaN);
  const square: [string, string][] = [
    ['poster-coblos-nomor-2.jpg', 'poster with text'],
    ['photo-no-text-busy.jpg', 'busy picture, no hand, no text'],
    ['photo-hand-no-text.jpg', 'a hand, no text'],
  ];
  /** One photo analysed once, then RUNS times: the size it was looked at and each time's median (whole check, hands, text). */
  const timed = async (bytes: Uint8Array) => {
    const first = await engine.analyse(bytes);
    const total: number[] = [];
    const hands: number[] = [];
    const text: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const a = await engine.analyse(bytes);
      total.push(a.ms ?? NaN);
      hands.push(a.timing?.hands ?? NaN);
      text.push(a.timing?.text ?? NaN);
    }
    return { width: first.width, height: first.height, total: median(total), p95: p95(total), hands: median(hands), text: median(text) };
  };
  const squareLines: string[] = [];
  for (const [f, what] of square) {
    const t = await timed(textPhoto(f));
    squareLines.push(
      `  warm: 1080×1080, ${what.padEnd(31)} median ${ms(t.total).padStart(10)}   p95 ${ms(t.p95)}   (hands ${ms(t.hands)}, text ${ms(t.text)}; n=${RUNS})   goal ≤ 400 ms`,
    );
  }
  // real photographs with no hand and no text, each against the one-hand photo of about their size
  const realLines: string[] = [];
  const realMedians: number[] = [];
  for (const f of readdirSync(NO_HAND).filter((x) => /\.(jpe?g|png)$/i.test(x)).sort()) {
    const t = await timed(new Uint8Array(readFileSync(path.join(NO_HAND, f))));
    realMedians.push(t.total);
    realLines.push(`    ${`${f} ${t.width}×${t.height}`.padEnd(34)} median ${ms(t.total).padStart(10)}   (hands ${ms(t.hands)}, text ${ms(t.text)})   ${(t.total / median(warm)).toFixed(1)}× the hand photo`);
  }
  const rssAfter = await rendererRss(engine);
  const heap = await engine.memory();
  console.log(`  warm: 480×640 photo, one hand (in engine)        median ${ms(median(warm)).padStart(10)}   p95 ${ms(p95(warm))}   (n=${RUNS})   goal ≤ 80 ms`);
  console.log(`  warm: same, round trip incl. transfer            median ${ms(median(warmRoundTrip)).padStart(10)}   (n=${RUNS})`);
  console.log(`  warm: 1280×853 photo, no hand (tiled retry)      median ${ms(median(slow)).padStart(10)}   p95 ${ms(p95(slow))}   (n=${RUNS})`);
  for (const l of squareLines) console.log(l);
  console.log(`  warm: real photos, no hand, no text (${NO_HAND}; n=${RUNS} each; the goal: no slower than the 480×640 hand photo)`);
  for (const l of realLines) console.log(l);
  console.log(`    median of the photos' medians ${ms(median(realMedians))}: ${(median(realMedians) / median(warm)).toFixed(1)}× the hand photo's ${ms(median(warm))}`);
  console.log(`  memory: engine renderer RSS ${mb(rssBefore)} before load → ${mb(rssAfter)} after ${(5 + realMedians.length) * (RUNS + 1)} photos; JS heap ${mb(heap.jsHeap)}`);
} finally {
  await engine.close();
}

// size
const out = '.output/chrome-mv3';
if (existsSync(out)) {
  let raw = 0;
  let packed = 0;
  const walk = (d: string) => {
    for (const f of readdirSync(d)) {
      const p = path.join(d, f);
      if (statSync(p).isDirectory()) walk(p);
      else {
        const b = readFileSync(p);
        raw += b.length;
        packed += Math.min(b.length, deflateRawSync(b, { level: 9 }).length) + 30 + 46 + 2 * f.length;
      }
    }
  };
  walk(out);
  const v = (f: string) => (existsSync(path.join(out, f)) ? statSync(path.join(out, f)).size : 0);
  const ocr = ['ocr/ocr-worker.js', 'ocr/tesseract-core-simd-lstm.js', 'ocr/tesseract-core-simd-lstm.wasm', 'ocr/ind.traineddata.gz'].reduce((a, f) => a + v(f), 0);
  console.log(`  size: Chrome build ${mb(raw)} raw (goal ≤ 30 MB), ~${mb(packed)} zipped (wasm ${mb(v('vision/vision_wasm_internal.wasm'))}, one variant; models ${mb(v('vision/hand_landmarker.task'))}; text engine ${mb(ocr)})`);
} else console.log('  size: no .output/chrome-mv3 (run npm run build)');
