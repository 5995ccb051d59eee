/**
 * Builds the end-to-end test fixtures (stand-ins for the supported sites) from
 * tests/e2e/fixtures/<site>/ into tests/e2e/.fixtures-dist/<site>/ (gitignored).
 *
 *   npx tsx scripts/build-fixtures.ts
 *
 * The X fixture is a React 18 + Draft.js app. The extension itself uses Preact, so
 * the JSX runtime is set to React explicitly here (and tsconfig.json is not read).
 */
import { readFile, mkdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

export const ROOT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const FIXTURES_SRC_DIR = path.join(ROOT_DIR, 'tests/e2e/fixtures');
export const FIXTURES_DIST_DIR = path.join(ROOT_DIR, 'tests/e2e/.fixtures-dist');

export interface BuiltFixtures {
  /** Directory holding the X fixture: index.html + app.js. */
  x: string;
  /** Facebook fixture (React 18 + Lexical): index.html + app.js. */
  facebook: string;
  /** Instagram fixture (React 18 + Lexical): index.html + app.js. */
  instagram: string;
}

const DRAFT_CSS_MARKER = '<!--DRAFT_CSS-->';

function bundle(srcDir: string, dest: string) {
  return build({
    absWorkingDir: ROOT_DIR,
    entryPoints: [path.join(srcDir, 'app.tsx')],
    outfile: path.join(dest, 'app.js'),
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: ['chrome110'],
    minify: true,
    sourcemap: false,
    legalComments: 'none',
    logLevel: 'warning',
    jsx: 'automatic',
    jsxImportSource: 'react',
    // Don't let the project's tsconfig.json (jsxImportSource: preact) leak in.
    tsconfigRaw: { compilerOptions: { jsx: 'react-jsx', jsxImportSource: 'react' } },
    define: {
      'process.env.NODE_ENV': '"production"',
      // fbjs (Draft.js) refers to Node's `global`.
      global: 'globalThis',
    },
  });
}

async function buildX(outDir: string): Promise<string> {
  const srcDir = path.join(FIXTURES_SRC_DIR, 'x');
  const dest = path.join(outDir, 'x');
  await mkdir(dest, { recursive: true });
  await bundle(srcDir, dest);

  // Draft.js needs its stylesheet (the placeholder sits under the editor only with it).
  const require = createRequire(import.meta.url);
  const draftCss = await readFile(require.resolve('draft-js/dist/Draft.css'), 'utf8');
  const html = await readFile(path.join(srcDir, 'index.html'), 'utf8');
  if (!html.includes(DRAFT_CSS_MARKER)) throw new Error(`${srcDir}/index.html lacks ${DRAFT_CSS_MARKER}`);
  const style = `<style id="draft-css">${draftCss.replace(/\/\*[\s\S]*?\*\//g, '').trim()}</style>`;
  await writeFile(path.join(dest, 'index.html'), html.replace(DRAFT_CSS_MARKER, () => style));
  return dest;
}

/** A fixture with no extra assets (Facebook, Instagram: React 18 + Lexical). */
async function buildPlain(outDir: string, site: string): Promise<string> {
  const srcDir = path.join(FIXTURES_SRC_DIR, site);
  const dest = path.join(outDir, site);
  await mkdir(dest, { recursive: true });
  await bundle(srcDir, dest);
  await writeFile(path.join(dest, 'index.html'), await readFile(path.join(srcDir, 'index.html')));
  return dest;
}

/** Builds every fixture; returns the output directory of each. */
export async function buildFixtures(outDir: string = FIXTURES_DIST_DIR): Promise<BuiltFixtures> {
  const [x, facebook, instagram] = await Promise.all([buildX(outDir), buildPlain(outDir, 'facebook'), buildPlain(outDir, 'instagram')]);
  return { x, facebook, instagram };
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;
if (invokedDirectly) {
  const started = Date.now();
  buildFixtures().then(
    (out) => {
      console.log(`fixtures built in ${Date.now() - started} ms:`);
      for (const [site, dir] of Object.entries(out)) console.log(`  ${site}: ${path.relative(ROOT_DIR, dir)}`);
    },
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}
