/**
 * Builds the text-reading (OCR) assets that ship inside the extension, from npm packages only:
 *
 *   public/ocr/ocr-worker.js                     tesseract.js 7's worker script, bundled here
 *   public/ocr/tesseract-core-simd-lstm.{js,wasm}  Tesseract 5 compiled to wasm (LSTM only, SIMD)
 *   public/ocr/ind.traineddata.gz                Indonesian LSTM "best_int" language data (Latin script:
 *                                                it reads English words too; adding English data
 *                                                would double the reading time and add 3 MB)
 *
 * tesseract.js loads its worker, core and language data from a CDN unless told otherwise, and
 * caches language data in IndexedDB. We never use its main-thread client (vision/ocr.ts speaks
 * the worker's message protocol itself) and bundle the worker from source with three files
 * replaced: the core loader (only the one file we name, no CDN default, no feature probing),
 * the regenerator polyfill (async functions are native; its fallback is a Function() constructor),
 * the cache (none: the data ships with the extension), gunzip (zlibjs' build needs Node's
 * Buffer; the client decompresses with the browser's DecompressionStream) and the CDN default of the language path
 * (the data always arrives as bytes). The build fails if an update moves that code, and
 * `scanForCdn` fails it if any CDN address is left in what ships.
 *
 * Run by `npm install` (postinstall), before every `wxt build` (hook in wxt.config.ts) and by the
 * headless engine (vision/headless.ts). Skips work when the outputs are newer than the inputs.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { packageDir } from './package-dir';
import { build, type Plugin } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..');
export const OCR_OUT = join(root, 'public', 'ocr');
/** Languages read: Indonesian (its dictionary knows "coblos", "nomor", "pilih"). */
export const OCR_LANGS = ['ind'] as const;
export const OCR_CORE = 'tesseract-core-simd-lstm';

const pkgDir = (name: string) => packageDir(name, root);

const GET_CORE = `'use strict';
module.exports = async (_lstmOnly, corePath, res) => {
  if (typeof self.TesseractCore === 'undefined') {
    if (typeof corePath !== 'string' || !/\\.js$/.test(corePath)) throw Error('corePath must name the bundled core script');
    res.progress({ status: 'loading tesseract core', progress: 0 });
    self.importScripts(corePath);
    if (typeof self.TesseractCore === 'undefined') throw Error('Failed to load TesseractCore');
    res.progress({ status: 'loading tesseract core', progress: 1 });
  }
  return self.TesseractCore;
};
`;

const NO_CACHE = `'use strict';
module.exports = {
  readCache: async () => undefined,
  writeCache: async () => {},
  deleteCache: async () => {},
  checkCache: async () => false,
};
`;

// The client decompresses the language data (DecompressionStream) before handing it over.
const NO_GUNZIP = `'use strict';
module.exports = () => { throw Error('language data must arrive decompressed'); };
`;

const LANG_CDN = /const langPathDownload = langPath \|\| \(lstmOnly \? `https:\/\/cdn\.jsdelivr\.net[^`]*` : `https:\/\/cdn\.jsdelivr\.net[^`]*`\);/;

function localOnly(): Plugin {
  return {
    name: 'jaga-netral:tesseract-local-only',
    setup(b) {
      b.onLoad({ filter: /[\\/]tesseract\.js[\\/]src[\\/]worker-script[\\/]browser[\\/]getCore\.js$/ }, () => ({ contents: GET_CORE, loader: 'js' }));
      b.onLoad({ filter: /[\\/]tesseract\.js[\\/]src[\\/]worker-script[\\/]browser[\\/]cache\.js$/ }, () => ({ contents: NO_CACHE, loader: 'js' }));
      b.onLoad({ filter: /[\\/]tesseract\.js[\\/]src[\\/]worker-script[\\/]browser[\\/]gunzip\.js$/ }, () => ({ contents: NO_GUNZIP, loader: 'js' }));
      // the worker's async functions are native here (target chrome120); the polyfill's fallback
      // is a Function() constructor, which no extension code may carry
      b.onLoad({ filter: /[\\/]regenerator-runtime[\\/]runtime\.js$/ }, () => ({ contents: '', loader: 'js' }));
      b.onLoad({ filter: /[\\/]tesseract\.js[\\/]src[\\/]worker-script[\\/]index\.js$/ }, (args) => {
        const src = readFileSync(args.path, 'utf8');
        if (!LANG_CDN.test(src)) throw new Error(`tesseract.js: the CDN default of langPath moved in ${args.path}: update scripts/build-ocr.ts`);
        return { contents: src.replace(LANG_CDN, "const langPathDownload = langPath || (() => { throw Error('language data must be passed as bytes'); })();"), loader: 'js' };
      });
    },
  };
}

/** Every CDN host a dependency could load code or data from; none may appear in what ships. */
export const CDN_HOSTS = ['cdn.jsdelivr.net', 'jsdelivr', 'unpkg.com', 'cdnjs', 'esm.sh', 'skypack', 'tessdata.projectnaptha.com', 'raw.githubusercontent.com', 'storage.googleapis.com'];

/** Text files under dir that name a CDN host: [file, host][] (empty when clean). */
export function scanForCdn(dir: string): [string, string][] {
  const hits: [string, string][] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.(m?js|html|json|css)$/.test(name)) {
        const text = readFileSync(p, 'utf8');
        for (const host of CDN_HOSTS) if (text.includes(host)) hits.push([p, host]);
      }
    }
  };
  walk(dir);
  return hits;
}

function newer(out: string, inputs: string[]): boolean {
  if (!existsSync(out)) return false;
  const t = statSync(out).mtimeMs;
  return inputs.every((i) => statSync(i).mtimeMs <= t);
}

export async function buildOcr(log = true): Promise<void> {
  const tjs = pkgDir('tesseract.js');
  const core = pkgDir('tesseract.js-core');
  mkdirSync(OCR_OUT, { recursive: true });
  const worker = join(OCR_OUT, 'ocr-worker.js');
  const entry = join(tjs, 'src', 'worker-script', 'browser', 'index.js');
  if (!newer(worker, [join(tjs, 'package.json'), fileURLToPath(import.meta.url)])) {
    const out = await build({
      entryPoints: [entry],
      bundle: true,
      format: 'iife',
      platform: 'browser',
      target: 'chrome120',
      minify: true,
      write: false,
      define: { global: 'self' },
      plugins: [localOnly()],
      logLevel: 'silent',
      legalComments: 'eof',
    });
    writeFileSync(worker, out.outputFiles[0]!.contents);
    if (log) console.log(`ocr: wrote ${worker}`);
  }
  for (const f of [`${OCR_CORE}.js`, `${OCR_CORE}.wasm`]) {
    const src = join(core, f);
    const dst = join(OCR_OUT, f);
    if (!newer(dst, [src])) copyFileSync(src, dst);
  }
  for (const lang of OCR_LANGS) {
    const src = join(pkgDir(`@tesseract.js-data/${lang}`), '4.0.0_best_int', `${lang}.traineddata.gz`);
    const dst = join(OCR_OUT, `${lang}.traineddata.gz`);
    if (!newer(dst, [src])) copyFileSync(src, dst);
  }
  const cdn = scanForCdn(OCR_OUT);
  if (cdn.length) throw new Error(`ocr: CDN addresses left in the shipped OCR files: ${cdn.map(([f, h]) => `${f}: ${h}`).join('; ')}`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await buildOcr();
