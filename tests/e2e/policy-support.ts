/**
 * Support for the managed-policy e2e tests: a copy of the built extension under a test key (so a
 * policy written for it can't touch any other Chromium on this machine running the real id), the
 * policy file in Chromium's managed folder (always removed), and a pack server on 127.0.0.1.
 */
import { createHash, generateKeyPairSync } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext, Worker } from 'playwright-core';
import { EXTENSION_DIR } from './harness';

export const POLICY_DIR = process.env.CHROMIUM_POLICY_DIR ?? '/etc/chromium/policies/managed';
const PREFIX = 'jaga-netral-e2e-';

/** Chrome's extension id for a public key: sha256 of the SPKI DER, first 32 hex digits mapped 0-f → a-p. */
export function extensionIdOf(spkiDer: Buffer): string {
  return [...createHash('sha256').update(spkiDer).digest('hex').slice(0, 32)].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');
}

/** The built extension, copied with a fresh key: its own id, its own policy. */
export function extensionCopyWithTestKey(): { dir: string; id: string; cleanup(): void } {
  const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const der = publicKey.export({ type: 'spki', format: 'der' });
  const dir = path.join(os.tmpdir(), `jaga-netral-policy-ext-${process.pid}`);
  rmSync(dir, { recursive: true, force: true });
  cpSync(EXTENSION_DIR, dir, { recursive: true });
  const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
  if (!manifest.storage?.managed_schema) throw new Error('the built manifest has no storage.managed_schema');
  manifest.key = der.toString('base64');
  writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest));
  return { dir, id: extensionIdOf(der), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Writes and removes this run's policy file. Removal also runs on process exit. */
export class PolicyFile {
  readonly file = path.join(POLICY_DIR, `${PREFIX}${process.pid}.json`);
  private readonly onExit = () => this.remove();

  constructor(private readonly extensionId: string) {
    if (typeof process.getuid === 'function' && process.getuid() !== 0 && !process.env.CHROMIUM_POLICY_DIR) {
      throw new Error(`the managed-policy e2e test writes into ${POLICY_DIR} and must run as root (CI does)`);
    }
    mkdirSync(POLICY_DIR, { recursive: true });
    // leftovers of a run that was killed
    for (const f of readdirSync(POLICY_DIR)) if (f.startsWith(PREFIX)) rmSync(path.join(POLICY_DIR, f), { force: true });
    process.once('exit', this.onExit);
  }

  write(policy: Record<string, unknown>): void {
    writeFileSync(this.file, JSON.stringify({ '3rdparty': { extensions: { [this.extensionId]: policy } } }, null, 2));
  }

  remove(): void {
    try {
      if (existsSync(this.file)) unlinkSync(this.file);
    } catch {
      /* best effort on exit */
    }
    process.removeListener('exit', this.onExit);
  }
}

/** A tiny HTTP server on 127.0.0.1 answering with CORS, as an agency's pack server must. */
export async function packServer(files: Map<string, Buffer | string>): Promise<{ origin: string; hits: string[]; close(): Promise<void> }> {
  const hits: string[] = [];
  const server: Server = createServer((req, res) => {
    hits.push(req.url ?? '');
    const body = files.get(req.url ?? '');
    res.setHeader('access-control-allow-origin', '*');
    if (body === undefined) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return { origin: `http://127.0.0.1:${port}`, hits, close: () => new Promise((r) => server.close(() => r())) };
}

/** The extension's service worker (waits for it). */
export async function serviceWorker(context: BrowserContext, id: string, timeout = 30_000): Promise<Worker> {
  const prefix = `chrome-extension://${id}/`;
  const found = context.serviceWorkers().find((w) => w.url().startsWith(prefix));
  if (found) return found;
  return context.waitForEvent('serviceworker', { predicate: (w) => w.url().startsWith(prefix), timeout });
}

/** Waits until the extension's cached policy state (storage.local 'state') satisfies `ok`; returns it. */
export async function waitForExtensionState<T = Record<string, unknown>>(
  context: BrowserContext,
  id: string,
  what: string,
  ok: (s: T) => boolean,
  timeoutMs = 40_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  while (Date.now() < deadline) {
    const w = await serviceWorker(context, id);
    last = await w.evaluate(async () => (await (globalThis as any).chrome.storage.local.get('state')).state).catch(() => undefined);
    if (last && ok(last)) return last;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`extension state never reached: ${what}; last: ${JSON.stringify(last)?.slice(0, 600)}`);
}
