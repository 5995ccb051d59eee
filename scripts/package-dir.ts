import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The folder of an installed npm package, found the way Node resolves it from `root`. Looked up by
 * folder, not by `require.resolve(name)`, because the packages the build takes files from (model
 * and wasm assets, language data) have no main entry or export map that names those files.
 */
export function packageDir(name: string, root: string): string {
  const require = createRequire(join(root, 'package.json'));
  for (const base of require.resolve.paths(name) ?? []) {
    const dir = join(base, name);
    if (existsSync(join(dir, 'package.json'))) return dir;
  }
  throw new Error(`${name} is not installed: run npm ci`);
}
