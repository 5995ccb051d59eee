import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BlockedRequestError, guardNetwork } from '../../lib/net/guard';
import { findTelemetry } from '../../scripts/check-no-telemetry';

function fakeScope() {
  const calls: string[] = [];
  class FakeXhr {
    open(_m: string, url: string) {
      calls.push(`xhr ${url}`);
    }
  }
  class FakeSocket {
    constructor(readonly url: string) {
      calls.push(`ws ${url}`);
    }
  }
  const scope = {
    location: { href: 'chrome-extension://abc/background.html' },
    fetch: async (input: unknown) => {
      calls.push(`fetch ${String(input)}`);
      return new Response('ok');
    },
    XMLHttpRequest: FakeXhr as unknown as typeof XMLHttpRequest,
    WebSocket: FakeSocket as unknown as typeof WebSocket,
    navigator: { sendBeacon: (url: string | URL) => (calls.push(`beacon ${String(url)}`), true) },
  };
  return { scope, calls };
}

describe('network guard', () => {
  const allow = (u: URL) => u.href.startsWith('chrome-extension://abc/') || u.href === 'https://pack.example.go.id/pack.json';

  it('lets the allowed addresses through and refuses every other before a request is made', async () => {
    const { scope, calls } = fakeScope();
    const blocked: string[] = [];
    guardNetwork(allow, { scope, onBlocked: (u) => blocked.push(u) });
    await scope.fetch('/vision/hand_landmarker.task');
    await scope.fetch('https://pack.example.go.id/pack.json');
    await expect(scope.fetch('https://odml.pa.googleapis.com/v1/log')).rejects.toBeInstanceOf(BlockedRequestError);
    await expect(scope.fetch(new Request('https://pack.example.go.id/other.json'))).rejects.toThrow(/refused/);
    expect(() => new scope.XMLHttpRequest().open('POST', 'https://evil.example/')).toThrow(BlockedRequestError);
    expect(() => new scope.WebSocket('wss://evil.example/')).toThrow(BlockedRequestError);
    expect(() => scope.navigator.sendBeacon('https://evil.example/b')).toThrow(BlockedRequestError);
    expect(calls).toEqual(['fetch /vision/hand_landmarker.task', 'fetch https://pack.example.go.id/pack.json']);
    expect(blocked).toEqual([
      'https://odml.pa.googleapis.com/v1/log',
      'https://pack.example.go.id/other.json',
      'https://evil.example/',
      'wss://evil.example/',
      'https://evil.example/b',
    ]);
  });
});

describe('the build check for telemetry endpoints', () => {
  it('flags an endpoint in a script and a Google API host in a binary, not protobuf type names', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'jn-telemetry-'));
    mkdirSync(path.join(dir, 'chunks'));
    writeFileSync(path.join(dir, 'chunks/ok.js'), 'x("type.googleapis.com/mediapipe.StatusList")');
    writeFileSync(path.join(dir, 'manifest.json'), '{"name": "x"}');
    writeFileSync(path.join(dir, 'engine.wasm'), Buffer.from('\0type.googleapis.com/a\0googleapis/rpc/status\0'));
    expect(findTelemetry(dir)).toEqual([]);
    writeFileSync(path.join(dir, 'chunks/bad.js'), 'send({url:"https://odml.pa.googleapis.com/v1/log"})');
    writeFileSync(path.join(dir, 'bad.wasm'), Buffer.from('\0https://firebaselogging.googleapis.com/x\0'));
    expect(findTelemetry(dir).map((h) => h.file).sort()).toEqual(['bad.wasm', path.join('chunks', 'bad.js')]);
  });
});
