import { describe, expect, it } from 'vitest';
import { Readable } from 'node:stream';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { main } from '../../cli/main';

async function run(args: string[]) {
  let out = '';
  let err = '';
  const code = await main(args, { stdin: Readable.from(['']), stdout: { write: (s: string) => (out += s) }, stderr: { write: (s: string) => (err += s) } });
  return { code, out, err };
}

const dir = mkdtempSync(path.join(tmpdir(), 'jn-cli-admin-'));
const at = (n: string) => path.join(dir, n);
const PACK = readFileSync(new URL('../fixtures-policy/pilkada-uji.json', import.meta.url), 'utf8');

describe('jaga-netral pack keygen / sign / verify', () => {
  it('signs a pack so that the extension’s check accepts it, and catches a change', async () => {
    const kg = await run(['pack', 'keygen', '--out', at('instansi')]);
    expect(kg.code).toBe(0);
    const pub = readFileSync(at('instansi.pub'), 'utf8').trim();
    expect(kg.out).toContain(`packPublicKey for the policy: ${pub}`);
    expect(statSync(at('instansi.key')).mode & 0o077).toBe(0); // private key readable by its owner only
    expect((await run(['pack', 'keygen', '--out', at('instansi')])).err).toMatch(/already exists/);

    writeFileSync(at('pack.json'), PACK);
    const sign = await run(['pack', 'sign', at('pack.json'), '--key', at('instansi.key')]);
    expect(sign.code).toBe(0);
    expect(readFileSync(at('pack.json.sig'), 'utf8').trim()).toMatch(/^[A-Za-z0-9+/]{86}==$/);
    expect(await run(['pack', 'verify', at('pack.json'), '--public-key', at('instansi.pub')])).toMatchObject({ code: 0 });
    expect(await run(['pack', 'verify', at('pack.json'), '--public-key', pub])).toMatchObject({ code: 0 });

    writeFileSync(at('pack.json'), PACK.replace('2029.1.0', '2029.1.1'));
    const v = await run(['pack', 'verify', at('pack.json'), '--public-key', pub]);
    expect(v.code).toBe(1);
    expect(v.err).toMatch(/does NOT match/);
  });

  it('refuses to sign an invalid pack, saying why', async () => {
    await run(['pack', 'keygen', '--out', at('k2')]);
    writeFileSync(at('bad.json'), JSON.stringify({ ...JSON.parse(PACK), schemaVersion: 3 }));
    const r = await run(['pack', 'sign', at('bad.json'), '--key', at('k2.key')]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/schemaVersion/);
    expect(r.err).toMatch(/not signed/);
  });

  it('usage errors exit 2', async () => {
    expect((await run(['pack', 'sign', at('x.json')])).code).toBe(2);
    expect((await run(['pack', 'keygen'])).code).toBe(2);
  });
});

describe('jaga-netral policy check', () => {
  it('reads the templates in docs/admin, once the key placeholder is filled in', async () => {
    await run(['pack', 'keygen', '--out', at('tpl')]);
    const pub = readFileSync(at('tpl.pub'), 'utf8').trim();
    for (const f of ['chrome-linux-policy.json', 'firefox-policies.json']) {
      const template = readFileSync(path.join(__dirname, '../../docs/admin', f), 'utf8');
      const placeholder = await run(['policy', 'check', path.join(__dirname, '../../docs/admin', f)]);
      expect(placeholder.err).toMatch(/packPublicKey: not an Ed25519 public key/);
      writeFileSync(at(f), template.replace('GANTI-DENGAN-ISI-instansi.pub', pub));
      const r = await run(['policy', 'check', at(f)]);
      expect(r.err, f).toBe('');
      expect(r.code, f).toBe(0);
      expect(r.out).toMatch(/^ok: .*mode confirm/);
    }
  });

  it('reports each problem with its path, inline packs included', async () => {
    writeFileSync(
      at('policy.json'),
      JSON.stringify({
        '3rdparty': { extensions: { mekapaehnloejpjllmbgdepkmodmjhin: { mode: 'strict', packs: [{ url: 'http://pack.go.id/a.json' }, { inline: { ...JSON.parse(PACK), version: 5 } }] } } },
      }),
    );
    const r = await run(['policy', 'check', at('policy.json')]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('$.mode: expected one of warn, confirm, block');
    expect(r.err).toContain('$.packs[0].url: only https://');
    expect(r.err).toMatch(/\$\.packs\[1\]\.inline: \$\.version/);
  });

  it('says when the file has no settings for Jaga Netral', async () => {
    writeFileSync(at('other.json'), JSON.stringify({ '3rdparty': { extensions: { abc: {} } } }));
    const r = await run(['policy', 'check', at('other.json')]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/no settings for Jaga Netral/);
  });
});
