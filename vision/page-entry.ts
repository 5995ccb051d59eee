/**
 * The engine page used by the CLI, the accuracy script and the benchmark: the same HandRunner and
 * TextRunner the extension runs, in a plain headless Chromium page (see vision/headless.ts).
 */
import { HandRunner } from './runner';
import { fromBase64, toBase64 } from './protocol';
import { TextRunner } from './ocr';
import { analysePhoto, warmEngines } from './photo-check';
import { fingerprintBytes } from './fingerprint';

/** The engine as configured otherwise (the detector's picture sizes, the text glance), for A/B timing in one page. */
export interface EngineVariant {
  detectSide?: number;
  skinPatches?: boolean;
  glance?: boolean;
  /** Read the light-lettering key picture too (vision/ocr.ts; default true). */
  lightKey?: boolean;
  /** More Tesseract parameters for the text engine (vision/ocr.ts). */
  textParams?: Record<string, string>;
  share?: boolean;
  blankWarmUp?: boolean;
}
const variants = new Map<string, HandRunner>();
function runnerAs(v: EngineVariant): HandRunner {
  const key = `${v.detectSide}/${v.skinPatches}`;
  let r = variants.get(key);
  if (!r) variants.set(key, (r = new HandRunner({ assetBase: '/vision/', detectSide: v.detectSide, skinPatches: v.skinPatches })));
  return r;
}

const textVariants = new Map<string, TextRunner>();
function textAs(v: EngineVariant): TextRunner {
  const key = JSON.stringify([v.lightKey !== false, v.textParams ?? {}]);
  let t = textVariants.get(key);
  if (!t) textVariants.set(key, (t = new TextRunner({ assetBase: '/ocr/', lightKey: v.lightKey !== false, params: v.textParams })));
  return t;
}

/** The engine as the page's address asks (`?variant=` JSON, for measuring a variant with the accuracy script); as shipped without it. */
const base = JSON.parse(new URLSearchParams(location.search).get('variant') ?? '{}') as EngineVariant;
const runner = runnerAs(base);
const text = textAs(base);
/** The same engine retrying on every tile, for measuring what the skin gate costs (loaded only when asked). */
let everyTile: HandRunner | null = null;

/**
 * Small hands in large photos, for the accuracy script: each photo drawn at `scale` of a 1280²
 * picture, at six places over three backgrounds (flat grey, a dark gradient, busy colour blocks);
 * how many of those pictures show a hand, with the skin gate and with every tile run, and the
 * hand engine's median time on each background alone (no hand), both ways.
 */
async function smallHands(photos: string[], scale: number) {
  everyTile ??= new HandRunner({ assetBase: '/vision/', skinGate: false, detectSide: base.detectSide });
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
/** The variations the accuracy script reads each labelled hand photo under. */
export type Variation = 'mirror' | 'rotate-25' | 'rotate+25' | 'darker' | 'lighter' | 'grey' | 'wrist-covered';

/**
 * One labelled photo, varied (JPEG bytes, base64): mirrored (the other hand), turned 25° either
 * way, its colours darkened to a deep brown tone or lightened (the same hand in other skin tones:
 * a crude stand-in for other people), in grey, or with the lower quarter of the hand's box covered
 * (a sleeve, a table edge or another person in front of the wrist and the base of the palm).
 */
async function vary(b64: string, kind: Variation, box?: [number, number, number, number]): Promise<string> {
  const img = await createImageBitmap(new Blob([fromBase64(b64) as BlobPart]));
  const { width: w, height: h } = img;
  const turn = kind === 'rotate-25' || kind === 'rotate+25';
  const a = ((kind === 'rotate-25' ? -25 : 25) * Math.PI) / 180;
  const W = turn ? Math.ceil(Math.abs(w * Math.cos(a)) + Math.abs(h * Math.sin(a))) : w;
  const H = turn ? Math.ceil(Math.abs(w * Math.sin(a)) + Math.abs(h * Math.cos(a))) : h;
  const c = new OffscreenCanvas(W, H);
  const ctx = c.getContext('2d')!;
  ctx.fillStyle = '#777';
  ctx.fillRect(0, 0, W, H);
  ctx.save();
  if (kind === 'mirror') ctx.setTransform(-1, 0, 0, 1, w, 0);
  if (turn) {
    ctx.translate(W / 2, H / 2);
    ctx.rotate(a);
    ctx.translate(-w / 2, -h / 2);
  }
  if (kind === 'darker') ctx.filter = 'brightness(0.45) sepia(0.35) saturate(1.3)';
  if (kind === 'lighter') ctx.filter = 'brightness(1.25) contrast(0.9)';
  if (kind === 'grey') ctx.filter = 'grayscale(1)';
  ctx.drawImage(img, 0, 0);
  ctx.restore();
  if (kind === 'wrist-covered' && box) {
    const [x, y, bw, bh] = box;
    ctx.fillStyle = '#3d4a5c';
    ctx.fillRect(x - bw * 0.1, y + bh * 0.75, bw * 1.2, bh * 0.35);
  }
  img.close();
  return toBase64(new Uint8Array(await (await c.convertToBlob({ type: 'image/jpeg', quality: 0.92 })).arrayBuffer()));
}

(globalThis as unknown as { jagaVision: unknown }).jagaVision = {
  vary,
  analyse: (b64: string) => analysePhoto(runner, text, fromBase64(b64), base),
  analyseAs: (b64: string, v: EngineVariant) => analysePhoto(runnerAs(v), textAs(v), fromBase64(b64), v),
  rawHands: (b64: string) => runner.rawHands(fromBase64(b64)),
  load: async () => {
    await runner.load();
    return runner.loadMs.value;
  },
  close: () => runner.close(),
  loadText: async () => {
    await text.load();
    return text.loadMs.value;
  },
  closeText: () => text.close(),
  warm: (v?: EngineVariant) => warmEngines(v ? runnerAs(v) : runner, v ? textAs(v) : text, v ?? base),
  smallHands,
  fingerprint: (b64: string, side: 'photo' | 'reference') => fingerprintBytes(fromBase64(b64), side),
};
