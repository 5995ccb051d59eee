/**
 * The engine page used by the CLI, the accuracy script and the benchmark: the same HandRunner and
 * TextRunner the extension runs, in a plain headless Chromium page (see vision/headless.ts).
 */
import { HandRunner } from './runner';
import { fromBase64 } from './protocol';
import { TextRunner } from './ocr';
import { analysePhoto, warmEngines } from './photo-check';
import { fingerprintBytes } from './fingerprint';

const runner = new HandRunner({ assetBase: '/vision/' });
/** The same engine retrying on every tile, for measuring what the skin gate costs (loaded only when asked). */
let everyTile: HandRunner | null = null;

/**
 * Small hands in large photos, for the accuracy script: each photo drawn at `scale` of a 1280²
 * picture, at six places over three backgrounds (flat grey, a dark gradient, busy colour blocks);
 * how many of those pictures show a hand, with the skin gate and with every tile run, and the
 * hand engine's median time on each background alone (no hand), both ways.
 */
async function smallHands(photos: string[], scale: number) {
  everyTile ??= new HandRunner({ assetBase: '/vision/', skinGate: false });
  const S = 1280;
  const paint = (ctx: OffscreenCanvasRenderingContext2D, side: number, kind: number) => {
    if (kind === 0) {
      ctx.fillStyle = '#8a8f94';
      ctx.fillRect(0, 0, side, side);
    } else if (kind === 1) {
      const g = ctx.createLinearGradient(0, 0, side, side);
      g.addColorStop(0, '#2b5876');
      g.addColorStop(1, '#4e4376');
      ctx.fillStyle = g;
      ctx.fillRect(0, 0, side, side);
    } else
      for (let i = 0; i < 300; i++) {
        ctx.fillStyle = `hsl(${(i * 47) % 360} ${30 + (i % 4) * 15}% ${25 + (i % 6) * 10}%)`;
        ctx.fillRect((i * 131) % side, (i * 71) % side, 30 + (i % 7) * 25, 30 + (i % 3) * 35);
      }
  };
  const jpeg = async (c: OffscreenCanvas) => new Uint8Array(await (await c.convertToBlob({ type: 'image/jpeg', quality: 0.9 })).arrayBuffer());
  let n = 0;
  let gated = 0;
  let all = 0;
  for (const [pi, b64] of photos.entries()) {
    const img = await createImageBitmap(new Blob([fromBase64(b64) as BlobPart]));
    for (let k = 0; k < 6; k++) {
      const c = new OffscreenCanvas(S, S);
      const ctx = c.getContext('2d')!;
      paint(ctx, S, k % 3);
      const w = Math.round(S * scale);
      const h = Math.round((img.height / img.width) * w);
      ctx.drawImage(img, (k * 389 + pi * 97) % (S - w), (k * 241 + pi * 53) % (S - h), w, h);
      const bytes = await jpeg(c);
      n++;
      if ((await runner.analyse(bytes)).hands.length) gated++;
      if ((await everyTile.analyse(bytes)).hands.length) all++;
    }
    img.close();
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const noHand: { gated: number; all: number }[] = [];
  for (let k = 0; k < 3; k++) {
    const c = new OffscreenCanvas(1080, 1080);
    paint(c.getContext('2d')!, 1080, k);
    const bytes = await jpeg(c);
    const t = { gated: [] as number[], all: [] as number[] };
    for (let r = 0; r < 9; r++) {
      t.gated.push((await runner.analyse(bytes)).ms ?? NaN);
      t.all.push((await everyTile.analyse(bytes)).ms ?? NaN);
    }
    noHand.push({ gated: median(t.gated), all: median(t.all) });
  }
  return { n, gated, all, noHand };
}
const text = new TextRunner({ assetBase: '/ocr/' });

(globalThis as unknown as { jagaVision: unknown }).jagaVision = {
  analyse: (b64: string) => analysePhoto(runner, text, fromBase64(b64)),
  rawHands: (b64: string) => runner.rawHands(fromBase64(b64)),
  load: async () => {
    await runner.load();
    return runner.loadMs.value;
  },
  close: () => runner.close(),
  readText: (b64: string) => text.read(fromBase64(b64)),
  loadText: async () => {
    await text.load();
    return text.loadMs.value;
  },
  closeText: () => text.close(),
  warm: () => warmEngines(runner, text),
  smallHands,
  fingerprint: (b64: string, side: 'photo' | 'reference') => fingerprintBytes(fromBase64(b64), side),
};
