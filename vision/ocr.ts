/**
 * The text engine: Tesseract 5 (tesseract.js 7's worker and core, LSTM only) reading the words in
 * a photo, in a worker started by the same document as the hand engine (Chrome's offscreen
 * document, Firefox's background page, the CLI's headless page). Worker, core and language data
 * are files inside the extension (public/ocr/, built by scripts/build-ocr.ts): the worker is
 * created from its extension URL (no blob: URL, which the extension's CSP refuses), and the
 * language data is fetched here and handed over as bytes, so the worker never fetches anything.
 *
 * We speak the worker's message protocol ourselves rather than use tesseract.js' client: that
 * client's defaults point at a CDN and it creates blob: workers; three messages are all we need.
 */
import { parseTsv, type OcrWord } from '../lib/vision/text';
import { lightKeyGrey, mergeReadings } from '../lib/vision/lettering';
import { pgm, ppm } from '../lib/vision/pnm';

export interface TextRunnerOptions {
  /** URL of the folder holding ocr-worker.js, the core and the language data. */
  assetBase: string;
  /** Languages, first one primary (default Indonesian: the only data shipped). */
  langs?: readonly string[];
  /** Tesseract page segmentation mode (default 11, sparse text: words in any order, as on a poster). */
  psm?: number;
  /** More Tesseract parameters. */
  params?: Record<string, string>;
  /**
   * Read the light-lettering key picture too and merge the two readings (lib/vision/lettering.ts;
   * default true; false for comparison).
   */
  lightKey?: boolean;
}

export interface ReadOptions {
  /**
   * Whether the photo's own reading is enough: when it says so, the key picture is not read (a
   * glance that already shows a word leads to a full reading anyway).
   */
  enough?: (words: readonly OcrWord[]) => boolean;
}

interface Reply {
  jobId: string;
  action: string;
  status: 'resolve' | 'reject' | 'progress';
  data: unknown;
}

const CORE = 'tesseract-core-simd-lstm.js';
/** Tesseract's LSTM engine only (the legacy engine is not shipped). */
const OEM_LSTM_ONLY = 1;

class OcrWorker {
  private readonly worker: Worker;
  private readonly pending = new Map<string, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private n = 0;
  private dead: Error | null = null;

  constructor(url: string) {
    this.worker = new Worker(url);
    this.worker.onmessage = ({ data }: MessageEvent<Reply>) => {
      if (data.status === 'progress') return;
      const key = `${data.action}-${data.jobId}`;
      const p = this.pending.get(key);
      if (!p) return;
      this.pending.delete(key);
      if (data.status === 'resolve') p.resolve(data.data);
      else p.reject(new Error(`ocr ${data.action}: ${String(data.data)}`));
    };
    this.worker.onerror = (e) => this.fail(new Error(`ocr worker: ${e.message || 'failed to start'}`));
  }

  private fail(err: Error) {
    this.dead = err;
    for (const p of this.pending.values()) p.reject(err);
    this.pending.clear();
  }

  call<T>(action: string, payload: unknown, transfer: Transferable[] = []): Promise<T> {
    if (this.dead) return Promise.reject(this.dead);
    const jobId = `job-${this.n++}`;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(`${action}-${jobId}`, { resolve: resolve as (v: unknown) => void, reject });
      this.worker.postMessage({ workerId: 'jaga-netral-ocr', jobId, action, payload }, transfer);
    });
  }

  terminate() {
    this.worker.terminate();
    this.fail(new Error('ocr worker stopped'));
  }
}

/** Reads one encoded picture; its bytes are handed to the worker, not copied. */
async function recognize(w: OcrWorker, image: Uint8Array): Promise<OcrWord[]> {
  const res = await w.call<{ tsv: string | null }>('recognize', { image, options: {}, output: { text: false, tsv: true } }, [image.buffer]);
  return parseTsv(res.tsv ?? '');
}

/** A picture for the text engine: its RGBA pixels, as getImageData gives them. */
export interface TextPicture {
  width: number;
  height: number;
  rgba: Uint8ClampedArray;
}

export interface TextReadResult {
  words: OcrWord[];
  ms: number;
}

export class TextRunner {
  private ready: Promise<OcrWorker> | null = null;
  readonly loadMs: { value: number | null } = { value: null };

  constructor(private readonly opts: TextRunnerOptions) {}

  /** Starts the worker, loads the core and the language data (once). */
  load(): Promise<OcrWorker> {
    if (!this.ready) {
      const t0 = performance.now();
      const base = this.opts.assetBase.replace(/\/$/, '');
      const langs = this.opts.langs ?? ['ind'];
      this.ready = (async () => {
        const w = new OcrWorker(`${base}/ocr-worker.js`);
        try {
          const data = await Promise.all(
            langs.map(async (code) => {
              const res = await fetch(`${base}/${code}.traineddata.gz`);
              if (!res.ok) throw new Error(`ocr language data ${code} missing (${res.status})`);
              const raw = res.body!.pipeThrough(new DecompressionStream('gzip'));
              return { code, data: new Uint8Array(await new Response(raw).arrayBuffer()) };
            }),
          );
          await w.call('load', { options: { lstmOnly: true, corePath: `${base}/${CORE}`, logging: false } });
          await w.call('loadLanguage', { langs: data, options: { cacheMethod: 'none', gzip: false, lstmOnly: true } }, data.map((d) => d.data.buffer));
          await w.call('initialize', { langs: langs.join('+'), oem: OEM_LSTM_ONLY, config: {} });
          // words in any order on a poster, not a page of prose
          await w.call('setParameters', { params: { tessedit_pageseg_mode: String(this.opts.psm ?? 11), ...this.opts.params } });
        } catch (err) {
          w.terminate();
          throw err;
        }
        this.loadMs.value = performance.now() - t0;
        return w;
      })();
      this.ready.catch(() => (this.ready = null));
    }
    return this.ready;
  }

  /**
   * Reads the words of one picture, and of its light-lettering key picture, merged (unless
   * `enough` says the first reading is). Both are handed over as PNM, which the worker reads
   * without decoding (lib/vision/pnm.ts).
   */
  async read(picture: TextPicture, opts: ReadOptions = {}): Promise<TextReadResult> {
    const w = await this.load();
    const t0 = performance.now();
    const { width, height, rgba } = picture;
    const photo = ppm(rgba, width, height);
    const reading = recognize(w, photo);
    // the key picture is made on this thread while the worker reads the photo: the hand engine
    // holds this thread for long stretches, and the key would otherwise wait for it afterwards
    const key = this.opts.lightKey === false ? null : pgm(lightKeyGrey(rgba), width, height);
    const words = await reading;
    if (!key || opts.enough?.(words)) return { words, ms: Math.round(performance.now() - t0) };
    return { words: mergeReadings(words, await recognize(w, key)), ms: Math.round(performance.now() - t0) };
  }

  async close(): Promise<void> {
    const r = this.ready;
    this.ready = null;
    if (r) (await r.catch(() => null))?.terminate();
  }
}
