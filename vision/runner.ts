/**
 * The hand engine: MediaPipe Tasks HandLandmarker on CPU, loaded from files inside the extension
 * (public/vision/, built by scripts/build-models.ts). Runs where a document is available and the
 * page's CSP does not apply: Chrome's offscreen document, Firefox's background page, and the
 * CLI's headless page. Images arrive as bytes; the runner checks the header first (format,
 * dimensions), decodes with a bounded size, and looks for hands, retrying on tiles when a large
 * photo shows no hand at full view — on the tiles that show skin colour (lib/vision/skin.ts).
 */
import { HandLandmarker, type HandLandmarkerResult } from '@mediapipe/tasks-vision';
import { triage } from '../lib/vision/sniff';
import { fitWithin } from '../lib/vision/fit';
import { mayHoldHand, skinMap, SKIN_MAP_SIDE, type SkinMap } from '../lib/vision/skin';
import { readHands, type FoundHand } from '../lib/vision/readings';
import type { ImageAnalysis, ImageProblem, Point } from '../lib/vision/types';

/** Longest side the engine looks at; the content script already downscales to this. */
export const MAX_ANALYSIS_SIDE = 1280;
/** Detector confidence floors (MediaPipe's defaults are 0.5). */
const MIN_DETECTION = 0.45;
const MIN_PRESENCE = 0.45;

export interface RunnerOptions {
  /** URL of the folder holding hand_landmarker.task and vision_wasm_internal.{js,wasm}. */
  assetBase: string;
  /** Hands to look for per view. */
  numHands?: number;
  /** Retry only on tiles with skin colour in them (default true; false for comparison). */
  skinGate?: boolean;
  /** Count only skin cells in patches for that (default true; false for comparison: any skin cell). */
  skinPatches?: boolean;
  /** Longest side of the picture the detector is handed at full view (default DETECT_SIDE; 0: the photo as decoded). */
  detectSide?: number;
}

/**
 * Longest side of the full view handed to the detector. Its cost grows with the pixels it is
 * handed, though its palm model looks at 192×192 (tasks-vision makes a texture of the picture and
 * reads every pixel back for the CPU graph): a 1080² photo costs about twice a 640² copy. At full
 * view a small copy finds the same hands (small-hand set: the same 102/126 at 20% scale); the
 * tiles keep the photo's own pixels, since the landmark model crops a small hand from them (tiles
 * handed at 384 or 512 px lost 5 and 11 of those 102).
 */
export const DETECT_SIDE = 640;

/** A photo that passed the header check, decoded. */
export interface DecodedPhoto {
  bitmap: ImageBitmap;
  format: string | undefined;
  /** Whether it was scaled down to MAX_ANALYSIS_SIDE as it was decoded. */
  scaled: boolean;
  /** A note the header check made (an animated image checked on its first frame). */
  note?: ImageProblem;
  /** When its check began (performance.now()). */
  t0: number;
}

export class HandRunner {
  private landmarker: Promise<HandLandmarker> | null = null;
  readonly loadMs: { value: number | null } = { value: null };

  constructor(private readonly opts: RunnerOptions) {}

  /** Loads the model (once); later calls share the same promise. */
  load(): Promise<HandLandmarker> {
    if (!this.landmarker) {
      const t0 = performance.now();
      const base = this.opts.assetBase.replace(/\/$/, '');
      this.landmarker = (async () => {
        const res = await fetch(`${base}/hand_landmarker.task`);
        if (!res.ok) throw new Error(`hand model missing (${res.status})`);
        const model = new Uint8Array(await res.arrayBuffer());
        const hl = await HandLandmarker.createFromOptions(
          { wasmLoaderPath: `${base}/vision_wasm_internal.js`, wasmBinaryPath: `${base}/vision_wasm_internal.wasm` },
          {
            baseOptions: { modelAssetBuffer: model, delegate: 'CPU' },
            runningMode: 'IMAGE',
            numHands: this.opts.numHands ?? 4,
            minHandDetectionConfidence: MIN_DETECTION,
            minHandPresenceConfidence: MIN_PRESENCE,
          },
        );
        this.loadMs.value = performance.now() - t0;
        return hl;
      })();
      this.landmarker.catch(() => (this.landmarker = null));
    }
    return this.landmarker;
  }

  /** Frees the model and its wasm memory; the next analyse() loads it again. */
  async close(): Promise<void> {
    const l = this.landmarker;
    this.landmarker = null;
    if (l) (await l.catch(() => null))?.close();
  }

  /** Analyse one image; never throws for bad input (the problem is reported in the result). */
  async analyse(bytes: Uint8Array): Promise<ImageAnalysis> {
    const photo = await this.decode(bytes);
    if (!('bitmap' in photo)) return photo;
    try {
      return await this.analyseDecoded(photo);
    } finally {
      photo.bitmap.close();
    }
  }

  /**
   * Checks the header and decodes the photo (at most MAX_ANALYSIS_SIDE on its long side), or says
   * why it cannot be checked. The caller owns the bitmap: the photo check shares it with the
   * fingerprint, and closes it once both are done.
   */
  async decode(bytes: Uint8Array): Promise<DecodedPhoto | ImageAnalysis> {
    const t0 = performance.now();
    const tri = triage(bytes);
    if (!tri.ok) return { width: tri.sniff.width ?? 0, height: tri.sniff.height ?? 0, hands: [], problem: tri.problem, detail: tri.sniff.format };
    if (!hasWebGl()) return { width: tri.sniff.width ?? 0, height: tri.sniff.height ?? 0, hands: [], problem: 'no-webgl', detail: 'no WebGL context on OffscreenCanvas' };
    try {
      const bitmap = await decodeBounded(bytes, tri.sniff.width, tri.sniff.height);
      const { width: w, height: h } = tri.sniff;
      const scaled = !!(w && h && Math.max(w, h) > MAX_ANALYSIS_SIDE);
      return { bitmap, format: tri.sniff.format, scaled, ...(tri.note ? { note: tri.note } : {}), t0 };
    } catch (err) {
      return { width: tri.sniff.width ?? 0, height: tri.sniff.height ?? 0, hands: [], problem: 'corrupt', detail: String((err as Error)?.message ?? err) };
    }
  }

  /** The hands in a decoded photo (the bitmap stays open). */
  async analyseDecoded(photo: DecodedPhoto): Promise<ImageAnalysis> {
    const { bitmap } = photo;
    const hl = await this.load();
    const hands = await this.findHands(hl, bitmap);
    return {
      width: bitmap.width,
      height: bitmap.height,
      hands: readHands(hands, bitmap.width, bitmap.height),
      ...(photo.note ? { problem: photo.note } : {}),
      ms: Math.round(performance.now() - photo.t0),
    };
  }

  /** The raw hands (landmarks normalized to the image) — for recording test fixtures. */
  async rawHands(bytes: Uint8Array): Promise<{ width: number; height: number; hands: { points: Point[]; score: number; handedness?: string }[] }> {
    const bitmap = await decodeBounded(bytes, undefined, undefined);
    try {
      return { width: bitmap.width, height: bitmap.height, hands: await this.findHands(await this.load(), bitmap) };
    } finally {
      bitmap.close();
    }
  }

  private async findHands(hl: HandLandmarker, bitmap: ImageBitmap): Promise<FoundHand[]> {
    const { width: W, height: H } = bitmap;
    const canvas = new OffscreenCanvas(1, 1);
    const ctx = canvas.getContext('2d')!;
    const cap = this.opts.detectSide ?? DETECT_SIDE;
    let fullView: ImageBitmap | OffscreenCanvas = bitmap;
    if (cap > 0 && Math.max(W, H) > cap) {
      ({ width: canvas.width, height: canvas.height } = fitWithin(W, H, cap));
      ctx.imageSmoothingQuality = 'medium';
      ctx.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
      fullView = canvas;
    }
    const full = fromResult(hl.detect(fullView), { x: 0, y: 0, w: 1, h: 1 });
    if (full.length) return full;
    // Small people in a large photo: look again at overlapping tiles (and a padded square view).
    if (Math.max(W, H) < 480) return full;
    const views: { x: number; y: number; w: number; h: number }[] = [];
    // a square-ish photo (feed posts are 1:1 or 4:5) gets 2×2 tiles: each tile still shows a hand
    // at about twice its full-view size, for two thirds of the detector runs of 3×2
    const squarish = Math.max(W, H) / Math.min(W, H) < 1.4;
    const cols = squarish ? 2 : W >= H ? 3 : 2;
    const rows = squarish ? 2 : W >= H ? 2 : 3;
    const tw = Math.min(1, (1 / cols) * 1.4);
    const th = Math.min(1, (1 / rows) * 1.4);
    for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) views.push({ x: ((1 - tw) * c) / (cols - 1), y: ((1 - th) * r) / (rows - 1), w: tw, h: th });
    const found: FoundHand[] = [];
    const skin = this.opts.skinGate === false ? null : skinOf(bitmap);
    for (const v of views) {
      if (skin && !mayHoldHand(skin, v, this.opts.skinPatches !== false)) continue;
      // each detector run holds the thread for tens of ms: let waiting tasks in (the text worker's replies)
      await nextTask();
      const sw = Math.round(v.w * W);
      const sh = Math.round(v.h * H);
      // pad each tile to a square so the detector's letterbox does not shrink it further
      const side = Math.max(sw, sh);
      // the tiles of a photo share one size: the canvas keeps its buffer from one to the next
      if (canvas.width !== side || canvas.height !== side) {
        canvas.width = side;
        canvas.height = side;
      }
      ctx.fillStyle = '#000';
      ctx.fillRect(0, 0, side, side);
      ctx.drawImage(bitmap, Math.round(v.x * W), Math.round(v.y * H), sw, sh, 0, 0, sw, sh);
      const tile = { x: v.x, y: v.y, w: (side / W), h: (side / H) };
      for (const h of fromResult(hl.detect(canvas), tile)) if (!found.some((f) => overlap(f.points, h.points) > 0.4)) found.push(h);
    }
    return found;
  }
}

/** Resolves in a new task (a message to itself: unlike a timer, never throttled in a background page). */
function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const { port1, port2 } = new MessageChannel();
    port1.onmessage = () => {
      port1.close();
      resolve();
    };
    port2.postMessage(null);
  });
}

/** The skin map of a photo, from a copy at most SKIN_MAP_SIDE on its long side. */
function skinOf(bitmap: ImageBitmap): SkinMap {
  const { width: w, height: h } = fitWithin(bitmap.width, bitmap.height, SKIN_MAP_SIDE);
  const c = new OffscreenCanvas(w, h);
  const ctx = c.getContext('2d', { willReadFrequently: true })!;
  ctx.drawImage(bitmap, 0, 0, w, h);
  return skinMap(ctx.getImageData(0, 0, w, h).data, w, h);
}

let webgl: boolean | undefined;
/**
 * MediaPipe Tasks hands every image to its graph as a WebGL texture, even with the CPU delegate
 * (tasks-vision 1.1.0 has no other way in: its wasm takes images only as bound textures), so where
 * the browser gives no WebGL (blocklisted or missing GPU drivers, some headless browsers) no photo
 * can be checked; the result says so instead of failing as a broken engine.
 */
export function hasWebGl(): boolean {
  if (webgl === undefined) {
    try {
      const c = new OffscreenCanvas(1, 1);
      webgl = !!(c.getContext('webgl2') ?? c.getContext('webgl'));
    } catch {
      webgl = false;
    }
  }
  return webgl;
}

/** Decode to an ImageBitmap whose longest side is at most MAX_ANALYSIS_SIDE. */
async function decodeBounded(bytes: Uint8Array, w?: number, h?: number): Promise<ImageBitmap> {
  const blob = new Blob([bytes as BlobPart]);
  if (w && h && Math.max(w, h) > MAX_ANALYSIS_SIDE) {
    const fit = fitWithin(w, h, MAX_ANALYSIS_SIDE);
    return createImageBitmap(blob, { resizeWidth: fit.width, resizeHeight: fit.height, resizeQuality: 'medium' });
  }
  return createImageBitmap(blob);
}

function fromResult(r: HandLandmarkerResult, view: { x: number; y: number; w: number; h: number }): FoundHand[] {
  return r.landmarks.map((lm, i) => {
    const cat = r.handedness[i]?.[0];
    return {
      points: lm.map((p) => ({ x: view.x + p.x * view.w, y: view.y + p.y * view.h, z: p.z * view.w })),
      score: cat?.score ?? 0,
      ...(cat?.categoryName === 'Left' || cat?.categoryName === 'Right' ? { handedness: cat.categoryName } : {}),
    };
  });
}

function bbox(points: Point[]) {
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  return { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) };
}

/** Intersection over the smaller box. */
function overlap(a: Point[], b: Point[]): number {
  const A = bbox(a);
  const B = bbox(b);
  const iw = Math.max(0, Math.min(A.x1, B.x1) - Math.max(A.x0, B.x0));
  const ih = Math.max(0, Math.min(A.y1, B.y1) - Math.max(A.y0, B.y0));
  const small = Math.min((A.x1 - A.x0) * (A.y1 - A.y0), (B.x1 - B.x0) * (B.y1 - B.y0));
  return small > 0 ? (iw * ih) / small : 0;
}
