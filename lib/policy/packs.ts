/**
 * The extra rule packs in force: the agency's (inline or by URL, optionally signed) and the
 * person's own. A pack that fails to download, fails its signature or fails validation is refused
 * with the reason, and the last good copy of it (if any) stays in force.
 *
 * Pure apart from the injected `fetchBytes`, so it is unit-tested without a browser.
 */
import { nationalPack } from '../packs';
import { contextOf, formatErrors, validatePack } from '../rules/validate';
import type { RulePack } from '../rules/types';
import type { ManagedPolicy } from './policy';
import { verifyPack } from './signature';

export interface CachedPack {
  /** The exact text of the last good download. */
  text: string;
  /** When it was downloaded (ms since epoch). */
  fetchedAt: number;
}

export interface PackStatus {
  source: 'national' | 'inline' | 'url' | 'user';
  url?: string;
  id?: string;
  version?: string;
  name?: string;
  /** When the copy in force was downloaded (URL packs). */
  updatedAt?: number;
  /** When the last attempt to refresh was made (URL packs). */
  checkedAt?: number;
  /** In force (possibly the last good copy). */
  active: boolean;
  /** Why the latest copy was refused, if it was. */
  error?: string;
  /** The pack in force is an older copy, the latest having been refused or unreachable. */
  stale?: boolean;
  signed?: boolean;
}

export interface FetchResult {
  status: number;
  bytes: Uint8Array;
}

export interface ResolveDeps {
  fetchBytes: (url: string) => Promise<FetchResult>;
  /** Last good copies by URL. Updated in place. */
  cache: Record<string, CachedPack>;
  now: number;
  /** Download every URL pack now, even if the copy in hand is recent. */
  force?: boolean;
}

export interface Resolved {
  /** Validated packs on top of the national one, in order. */
  packs: RulePack[];
  status: PackStatus[];
}

const MAX_PACK_BYTES = 5 * 1024 * 1024;
const decoder = new TextDecoder('utf-8', { fatal: true });

function describeError(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

async function download(url: string, publicKey: string | undefined, deps: ResolveDeps): Promise<string> {
  let res: FetchResult;
  try {
    res = await deps.fetchBytes(url);
  } catch (e) {
    throw new Error(`download failed: ${describeError(e)}`);
  }
  if (res.status !== 200) throw new Error(`download failed: HTTP ${res.status}`);
  if (res.bytes.length > MAX_PACK_BYTES) throw new Error(`larger than ${MAX_PACK_BYTES} bytes`);
  if (publicKey) {
    let sig: FetchResult;
    try {
      sig = await deps.fetchBytes(`${url}.sig`);
    } catch (e) {
      throw new Error(`signature ${url}.sig could not be downloaded: ${describeError(e)}`);
    }
    if (sig.status !== 200) throw new Error(`signature ${url}.sig could not be downloaded: HTTP ${sig.status}`);
    let ok: boolean;
    try {
      ok = await verifyPack(res.bytes, new TextDecoder().decode(sig.bytes), publicKey);
    } catch (e) {
      throw new Error(`signature check failed: ${describeError(e)}`);
    }
    if (!ok) throw new Error('signature does not match the pack (tampered, or signed with another key)');
  }
  try {
    return decoder.decode(res.bytes);
  } catch {
    throw new Error('not UTF-8 text');
  }
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new Error(`not valid JSON: ${describeError(e)}`);
  }
}

export async function resolvePacks(policy: ManagedPolicy, userPacks: readonly unknown[], deps: ResolveDeps): Promise<Resolved> {
  const loaded: RulePack[] = [nationalPack];
  const status: PackStatus[] = [
    { source: 'national', id: nationalPack.id, version: nationalPack.version, name: nationalPack.name.id, active: true },
  ];
  const accept = (data: unknown): RulePack => {
    const r = validatePack(data, contextOf(loaded));
    if (!r.ok) throw new Error(`invalid pack: ${formatErrors(r.errors.slice(0, 5))}`);
    if (loaded.some((p) => p.id === r.pack.id)) throw new Error(`a pack with id '${r.pack.id}' is already loaded`);
    return r.pack;
  };
  const describePack = (p: RulePack) => ({ id: p.id, version: p.version, name: p.name.id });

  for (const src of policy.packs) {
    if ('inline' in src) {
      try {
        const pack = accept(src.inline);
        loaded.push(pack);
        status.push({ source: 'inline', ...describePack(pack), active: true });
      } catch (e) {
        status.push({ source: 'inline', active: false, error: describeError(e) });
      }
      continue;
    }
    const { url, refreshHours } = src;
    const cached = deps.cache[url];
    const signed = policy.packPublicKey !== undefined;
    const due = deps.force || !cached || deps.now - cached.fetchedAt >= refreshHours * 3_600_000 || deps.now < cached.fetchedAt;
    let error: string | undefined;
    let checkedAt: number | undefined;
    if (due) {
      checkedAt = deps.now;
      try {
        const text = await download(url, policy.packPublicKey, deps);
        const pack = accept(parse(text));
        deps.cache[url] = { text, fetchedAt: deps.now };
        loaded.push(pack);
        status.push({ source: 'url', url, ...describePack(pack), updatedAt: deps.now, checkedAt, active: true, signed });
        continue;
      } catch (e) {
        error = describeError(e);
      }
    }
    // not due, or the new copy was refused: the last good copy stays
    if (cached) {
      try {
        const pack = accept(parse(cached.text));
        loaded.push(pack);
        status.push({
          source: 'url',
          url,
          ...describePack(pack),
          updatedAt: cached.fetchedAt,
          ...(checkedAt !== undefined ? { checkedAt } : {}),
          active: true,
          signed,
          ...(error ? { error, stale: true } : {}),
        });
        continue;
      } catch (e) {
        error ??= describeError(e);
      }
    }
    status.push({ source: 'url', url, active: false, signed, error: error ?? 'not downloaded yet', ...(checkedAt !== undefined ? { checkedAt } : {}) });
  }

  for (const data of userPacks) {
    try {
      const pack = accept(data);
      loaded.push(pack);
      status.push({ source: 'user', ...describePack(pack), active: true });
    } catch (e) {
      status.push({ source: 'user', active: false, error: describeError(e) });
    }
  }
  return { packs: loaded.slice(1), status };
}
