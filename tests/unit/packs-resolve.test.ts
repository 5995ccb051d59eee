import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolvePacks, type CachedPack, type FetchResult } from '../../lib/policy/packs';
import { generateKeyPair, signPack } from '../../lib/policy/signature';
import { parsePolicy } from '../../lib/policy/policy';
import { createEngine } from '../../lib/packs';

const PACK_TEXT = readFileSync(new URL('../fixtures-policy/pilkada-uji.json', import.meta.url), 'utf8');
const PACK = JSON.parse(PACK_TEXT);
const URL_A = 'https://instansi.go.id/packs/pilkada-uji.json';
const enc = (s: string) => new TextEncoder().encode(s);
const HOUR = 3_600_000;

/** A fake server: path → body (or a status); records what was asked. */
function server(files: Record<string, string | number>) {
  const asked: string[] = [];
  const fetchBytes = async (url: string): Promise<FetchResult> => {
    asked.push(url);
    const f = files[url];
    if (f === undefined) return { status: 404, bytes: enc('no') };
    if (typeof f === 'number') {
      if (f === 0) throw new TypeError('Failed to fetch');
      return { status: f, bytes: enc('') };
    }
    return { status: 200, bytes: enc(f) };
  };
  return { asked, fetchBytes, files };
}

const policyOf = (raw: unknown) => parsePolicy(raw).policy;

describe('resolvePacks', () => {
  it('loads an inline pack and a URL pack, in order, with their status', async () => {
    const other = { ...PACK, id: 'pilkada-uji-2', entities: [{ ...PACK.entities[0], id: 'uji-2', hashtags: ['#Lain2029'] }] };
    const s = server({ [URL_A]: JSON.stringify(other) });
    const cache: Record<string, CachedPack> = {};
    const r = await resolvePacks(policyOf({ packs: [{ inline: PACK }, { url: URL_A }] }), [], { fetchBytes: s.fetchBytes, cache, now: 1000 });
    expect(r.packs.map((p) => p.id)).toEqual(['pilkada-uji', 'pilkada-uji-2']);
    expect(r.status.map((x) => [x.source, x.id, x.active, x.error])).toEqual([
      ['national', 'nasional-2024', true, undefined],
      ['inline', 'pilkada-uji', true, undefined],
      ['url', 'pilkada-uji-2', true, undefined],
    ]);
    expect(r.status[2]).toMatchObject({ url: URL_A, updatedAt: 1000, version: '2029.1.0' });
    expect(cache[URL_A]?.fetchedAt).toBe(1000);
    // and the engine flags what the packs add
    expect(createEngine(r.packs).analyze('Ayo menangkan #ZulMelati2029').verdict).toBe('violation');
  });

  it('refreshes only when refreshHours have passed (or when forced)', async () => {
    const s = server({ [URL_A]: PACK_TEXT });
    const cache: Record<string, CachedPack> = {};
    const policy = policyOf({ packs: [{ url: URL_A, refreshHours: 2 }] });
    await resolvePacks(policy, [], { fetchBytes: s.fetchBytes, cache, now: 0 });
    await resolvePacks(policy, [], { fetchBytes: s.fetchBytes, cache, now: 1 * HOUR });
    expect(s.asked).toEqual([URL_A]);
    await resolvePacks(policy, [], { fetchBytes: s.fetchBytes, cache, now: 2 * HOUR });
    expect(s.asked).toEqual([URL_A, URL_A]);
    await resolvePacks(policy, [], { fetchBytes: s.fetchBytes, cache, now: 2 * HOUR + 1, force: true });
    expect(s.asked).toHaveLength(3);
  });

  it('a signed pack is accepted; a tampered one is refused with the reason and the last good copy stays', async () => {
    const { publicKey, privateKey } = await generateKeyPair();
    const s = server({ [URL_A]: PACK_TEXT, [`${URL_A}.sig`]: await signPack(enc(PACK_TEXT), privateKey) });
    const cache: Record<string, CachedPack> = {};
    const policy = policyOf({ packs: [{ url: URL_A, refreshHours: 1 }], packPublicKey: publicKey });
    const first = await resolvePacks(policy, [], { fetchBytes: s.fetchBytes, cache, now: 0 });
    expect(first.status[1]).toMatchObject({ active: true, signed: true, updatedAt: 0 });
    expect(s.asked).toEqual([URL_A, `${URL_A}.sig`]);

    // someone edits the pack on the server (an extra candidate) without re-signing
    s.files[URL_A] = PACK_TEXT.replace('"#ZulMelati2029"', '"#ZulMelati2029", "#Palsu"');
    const second = await resolvePacks(policy, [], { fetchBytes: s.fetchBytes, cache, now: 2 * HOUR });
    expect(second.packs.map((p) => p.id)).toEqual(['pilkada-uji']);
    expect(second.status[1]).toMatchObject({ active: true, stale: true, updatedAt: 0, checkedAt: 2 * HOUR });
    expect(second.status[1]!.error).toMatch(/signature does not match/);
    expect(cache[URL_A]!.text).toBe(PACK_TEXT); // the good copy, not the tampered one
    expect(JSON.stringify(second.packs)).not.toContain('#Palsu');
  });

  it('with a public key, a pack without a .sig is refused', async () => {
    const { publicKey } = await generateKeyPair();
    const s = server({ [URL_A]: PACK_TEXT });
    const r = await resolvePacks(policyOf({ packs: [{ url: URL_A }], packPublicKey: publicKey }), [], { fetchBytes: s.fetchBytes, cache: {}, now: 0 });
    expect(r.packs).toEqual([]);
    expect(r.status[1]).toMatchObject({ active: false });
    expect(r.status[1]!.error).toMatch(/\.sig could not be downloaded: HTTP 404/);
  });

  it('malformed and invalid packs are refused with the reason; the last good copy stays', async () => {
    const s = server({ [URL_A]: PACK_TEXT });
    const cache: Record<string, CachedPack> = {};
    const policy = policyOf({ packs: [{ url: URL_A, refreshHours: 1 }] });
    await resolvePacks(policy, [], { fetchBytes: s.fetchBytes, cache, now: 0 });
    for (const [body, why] of [
      ['{"id": ', /not valid JSON/],
      [JSON.stringify({ ...PACK, schemaVersion: 9 }), /invalid pack: \$\.schemaVersion/],
      [503, /HTTP 503/],
      [0, /download failed: Failed to fetch/],
    ] as const) {
      s.files[URL_A] = body;
      const r = await resolvePacks(policy, [], { fetchBytes: s.fetchBytes, cache, now: 5 * HOUR });
      expect(r.status[1]!.error).toMatch(why);
      expect(r.status[1]).toMatchObject({ active: true, stale: true, updatedAt: 0 });
      expect(r.packs.map((p) => p.id)).toEqual(['pilkada-uji']);
    }
  });

  it('a bad pack with no good copy is simply not loaded; the others still are', async () => {
    const s = server({});
    const r = await resolvePacks(policyOf({ packs: [{ inline: { format: 'nope' } }, { url: URL_A }, { inline: PACK }] }), [{ ...PACK }], {
      fetchBytes: s.fetchBytes,
      cache: {},
      now: 0,
    });
    expect(r.packs.map((p) => p.id)).toEqual(['pilkada-uji']);
    expect(r.status.map((x) => [x.source, x.active])).toEqual([
      ['national', true],
      ['inline', false],
      ['url', false],
      ['inline', true],
      ['user', false], // same id as the agency's: refused
    ]);
    expect(r.status[4]!.error).toMatch(/duplicate|already loaded/);
  });

  it("the person's own packs load after the agency's", async () => {
    const mine = { ...PACK, id: 'punya-saya', entities: [{ ...PACK.entities[0], id: 'saya-1', hashtags: ['#CalonKampungKu'] }] };
    const r = await resolvePacks(policyOf({}), [mine], { fetchBytes: server({}).fetchBytes, cache: {}, now: 0 });
    expect(r.status[1]).toMatchObject({ source: 'user', id: 'punya-saya', active: true });
    expect(createEngine(r.packs).analyze('Pilih #CalonKampungKu').verdict).not.toBe('ok');
  });
});
