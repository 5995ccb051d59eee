/**
 * Vitest globalSetup for the e2e project: builds the extension for both browsers (`wxt build` →
 * .output/chrome-mv3, `wxt build -b firefox` → .output/firefox-mv2) and the site fixtures once per run, so that
 * `npx vitest run --project e2e` works from a clean checkout.
 *
 * E2E_SKIP_BUILD=1 skips the extension build (e.g. when a script has just built it).
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildFixtures } from '../../scripts/build-fixtures.ts';

const ROOT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function buildExtension(args: string[]): void {
  const started = Date.now();
  const wxt = path.join(ROOT_DIR, 'node_modules/.bin/wxt');
  const result = spawnSync(wxt, ['build', ...args], {
    cwd: ROOT_DIR,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    timeout: 300_000,
  });
  if (result.error || result.status !== 0) {
    const output = `${result.stdout ?? ''}\n${result.stderr ?? ''}`.trim();
    throw new Error(
      `e2e global setup: \`wxt build ${args.join(' ')}\` failed (${result.error?.message ?? `exit ${result.status}`}):\n${output}`,
    );
  }
  console.log(`[e2e] extension built (wxt build ${args.join(' ')}) in ${Date.now() - started} ms`);
}

export default async function setup(): Promise<void> {
  if (process.env.E2E_SKIP_BUILD !== '1') {
    buildExtension([]);
    buildExtension(['-b', 'firefox']);
  }
  const started = Date.now();
  await buildFixtures();
  console.log(`[e2e] fixtures built in ${Date.now() - started} ms`);
}
