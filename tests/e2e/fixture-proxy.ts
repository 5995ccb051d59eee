/**
 * The site fixtures at their real https addresses, through the browser's own network stack: an HTTP
 * proxy on 127.0.0.1 that answers CONNECT x.com:443 (and the other fixture hosts) with a TLS server
 * holding a self-signed certificate for those names, and refuses every other destination. Used where
 * request interception won't do: Firefox (driven over WebDriver BiDi), and the Chromium test that
 * reads the browser's own net log, where nothing may be answered before it reaches the network.
 *
 * The proxy's record is itself a network record of the whole browser, every context included: each
 * destination asked for, fixture or not (the browser is configured to send everything but loopback
 * through it).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { FIXTURES_DIST_DIR, SITE_HOSTS } from './harness';

const ALL_HOSTS = Object.values(SITE_HOSTS).flat();

export interface FixtureProxy {
  /** http://127.0.0.1:PORT, for the browser's proxy settings. */
  host: string;
  port: number;
  /** Every request, as "METHOD https://host/path" (fixture hosts) or "CONNECT host:port" / "METHOD url" (refused). */
  requests: string[];
  /** Requests for anything but the fixture hosts (all refused). */
  foreign(): string[];
  close(): Promise<void>;
}

let certCache: { key: Buffer; cert: Buffer } | undefined;

/** A self-signed certificate for the fixture hosts (openssl, once per process). */
function certificate(): { key: Buffer; cert: Buffer } {
  if (certCache) return certCache;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'jaga-netral-cert-'));
  const key = path.join(dir, 'key.pem');
  const cert = path.join(dir, 'cert.pem');
  execFileSync('openssl', [
    'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=jaga-netral e2e fixtures',
    '-addext', `subjectAltName=${ALL_HOSTS.map((h) => `DNS:${h}`).join(',')}`,
    '-keyout', key, '-out', cert,
  ], { stdio: 'ignore' });
  certCache = { key: readFileSync(key), cert: readFileSync(cert) };
  return certCache;
}

function siteOf(host: string): string | undefined {
  return Object.entries(SITE_HOSTS).find(([, hosts]) => hosts.includes(host))?.[0];
}

export async function startFixtureProxy(): Promise<FixtureProxy> {
  const files = new Map<string, Buffer>();
  for (const site of Object.keys(SITE_HOSTS)) {
    for (const name of ['index.html', 'app.js']) {
      const file = path.join(FIXTURES_DIST_DIR, site, name);
      if (!existsSync(file)) throw new Error(`${site} fixture not built (${file}). Run: npx tsx scripts/build-fixtures.ts`);
      files.set(`${site}/${name}`, readFileSync(file));
    }
  }
  const requests: string[] = [];
  const foreign: string[] = [];

  const serveFixture = (req: IncomingMessage, res: ServerResponse) => {
    const host = (req.headers.host ?? '').replace(/:443$/, '');
    const url = new URL(req.url ?? '/', `https://${host}`);
    requests.push(`${req.method} ${url.href}`);
    const site = siteOf(host);
    if (!site) {
      foreign.push(`${req.method} ${url.href}`);
      return void res.writeHead(421).end();
    }
    const headers = { 'cache-control': 'no-store' };
    if (url.pathname === '/app.js') return void res.writeHead(200, { ...headers, 'content-type': 'text/javascript; charset=utf-8' }).end(files.get(`${site}/app.js`));
    // documents at any path get the fixture's page; anything else (favicon, …) is not in the fixture
    if ((req.headers.accept ?? '').includes('text/html')) return void res.writeHead(200, { ...headers, 'content-type': 'text/html; charset=utf-8' }).end(files.get(`${site}/index.html`));
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not in fixture');
  };

  const tls = createHttpsServer(certificate(), serveFixture);
  const proxy = createHttpServer((req, res) => {
    // a plain-http request through the proxy: never a fixture (they are https only)
    const line = `${req.method} ${req.url}`;
    requests.push(line);
    foreign.push(line);
    res.writeHead(403).end();
  });
  proxy.on('connect', (req: IncomingMessage, socket: Socket, head: Buffer) => {
    const target = req.url ?? '';
    const [host, port] = target.split(':');
    if (!host || port !== '443' || !siteOf(host)) {
      const line = `CONNECT ${target}`;
      requests.push(line);
      foreign.push(line);
      socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
    if (head.length) socket.unshift(head);
    tls.emit('connection', socket);
  });
  proxy.on('clientError', (_e, socket) => socket.destroy());
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const { port } = proxy.address() as AddressInfo;
  return {
    host: '127.0.0.1',
    port,
    requests,
    foreign: () => foreign.slice(),
    close: async () => {
      proxy.closeAllConnections?.();
      tls.closeAllConnections?.();
      await new Promise((r) => proxy.close(() => r(undefined)));
    },
  };
}
