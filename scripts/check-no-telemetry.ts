/**
 * The build's promise that nothing leaves the device, checked on the files it wrote: no built file may
 * name a Google API host, and text files (scripts, pages, manifests) may not say "googleapis" at all.
 * The one exception is protobuf's type prefix "type.googleapis.com/" (as in
 * "type.googleapis.com/mediapipe.StatusList"): MediaPipe's messages name their types with it; it is an
 * identifier, never an address anything calls. The wasm also keeps the Go package path
 * "googleapis/rpc/status" (wasm reaches the network only through its JavaScript imports, checked as
 * text), so binaries are checked for host names.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const TYPE_PREFIX = 'type.googleapis.com/';
const TEXT = /\.(m?js|html|json|css|txt|svg)$/i;
/** Host names under googleapis.com, as they'd appear in a URL. */
const HOST = /[a-z0-9-]+(?:\.[a-z0-9-]+)*\.googleapis\.com/gi;

export interface TelemetryHit {
  file: string;
  match: string;
}

function* files(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) yield* files(full);
    else yield full;
  }
}

/** Every forbidden mention in the files under `dir` (empty: the build keeps the promise). */
export function findTelemetry(dir: string): TelemetryHit[] {
  const hits: TelemetryHit[] = [];
  for (const file of files(dir)) {
    const rel = path.relative(dir, file);
    const content = readFileSync(file).toString('latin1');
    if (TEXT.test(file)) {
      const i = content.replaceAll(TYPE_PREFIX, ' '.repeat(TYPE_PREFIX.length)).search(/googleapis/i);
      if (i >= 0) hits.push({ file: rel, match: content.slice(Math.max(0, i - 40), i + 60) });
      continue;
    }
    for (const m of content.matchAll(HOST)) if (m[0].toLowerCase() !== 'type.googleapis.com') hits.push({ file: rel, match: m[0] });
  }
  return hits;
}
