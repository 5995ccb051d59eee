import { describe, expect, it } from 'vitest';
import { Readable } from 'node:stream';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { main } from '../../cli/main';

async function run(args: string[], stdin = '') {
  let out = '';
  let err = '';
  const code = await main(args, {
    stdin: Readable.from([stdin]),
    stdout: { write: (s: string) => (out += s) },
    stderr: { write: (s: string) => (err += s) },
  });
  return {
    code,
    out,
    err,
    get lines() {
      return out.split('\n').filter(Boolean).map((l) => JSON.parse(l));
    },
  };
}

const dir = mkdtempSync(path.join(tmpdir(), 'jn-cli-'));
const file = (name: string, content: string) => {
  const p = path.join(dir, name);
  writeFileSync(p, content);
  return p;
};
const CSV = path.join(__dirname, 'fixtures/kandidat-contoh.csv');

describe('jaga-netral scan', () => {
  it('writes one verdict line per input, in order, with UTF-16 spans', async () => {
    const input = [
      { id: 1, text: '🙏🙏 Ayo coblos nomor 2!' },
      { id: 'b', text: 'Rapat koordinasi pagi ini.' },
      { id: null, text: 'Debat capres semalam, Anies tampil lugas.' },
    ]
      .map((x) => JSON.stringify(x))
      .join('\n');
    const r = await run(['scan'], input);
    expect(r.code).toBe(0);
    expect(r.lines.map((l) => [l.id, l.verdict])).toEqual([
      [1, 'violation'],
      ['b', 'ok'],
      [null, 'caution'],
    ]);
    const f = r.lines[0].findings[0];
    expect(Object.keys(f)).toEqual(['rule', 'severity', 'start', 'end', 'evidence', 'why', 'ref', 'source']);
    expect('🙏🙏 Ayo coblos nomor 2!'.slice(f.start, f.end)).toBe(f.evidence);
    expect(f.start).toBe(9); // two surrogate pairs, a space and "Ayo " before "coblos"
  });

  it('reports a bad line with its number, goes on with the rest, exits 1', async () => {
    const r = await run(['scan'], '{"id":1,"text":"pilih Prabowo"}\n{oops\n\n{"id":3}\n{"id":4,"text":"halo"}\n');
    expect(r.code).toBe(1);
    expect(r.lines.map((l) => l.id)).toEqual([1, 4]);
    expect(r.err).toMatch(/^line 2: not valid JSON/m);
    expect(r.err).toMatch(/^line 4: expected an object with a "text" string/m);
  });

  it('loads extra packs with --pack; refuses a malformed one with the reason', async () => {
    const built = await run(['pack', 'build', '--csv', CSV]);
    const pack = file('regional.json', built.out);
    const r = await run(['scan', '--pack', pack], JSON.stringify({ id: 1, text: 'Ayo dukung Bang Rudi! #RudiJuara' }));
    expect(r.lines[0].verdict).toBe('violation');
    expect(r.lines[0].findings.map((f: { rule: string }) => f.rule)).toContain('ajakan-pilih-calon');
    const bad = file('bad.json', '{"format":"jaga-netral/rule-pack","schemaVersion":1,"id":"x","version":"1","name":{"id":"x"},"rules":[{"id":"r","ref":"R02","severity":"violation","patterns":["(a|"],"why":{"id":"x"}}]}');
    const b = await run(['scan', '--pack', bad], '{"id":1,"text":"x"}');
    expect(b.code).toBe(1);
    expect(b.err).toMatch(/bad\.json: \$\.rules\[0\]\.patterns\[0\]: /);
    expect(b.out).toBe('');
  });
});

describe('jaga-netral pack', () => {
  it('validate: ok for the national pack, one line per problem otherwise', async () => {
    const ok = await run(['pack', 'validate', path.join(__dirname, '../../lib/packs/nasional-2024.json')]);
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(/^ok: nasional-2024 /);
    const bad = file('bad2.json', JSON.stringify({ format: 'jaga-netral/rule-pack', schemaVersion: 1, id: 'Bad', version: '', name: {} }));
    const r = await run(['pack', 'validate', bad]);
    expect(r.code).toBe(1);
    expect(r.err.trim().split('\n')).toEqual([
      `${bad}: $.id: 'Bad' is not a valid id (lower-case letters, digits, '.', '_' or '-', at most 64)`,
      `${bad}: $.version: expected a version string, got ""`,
      `${bad}: $.name.id: missing: expected the Indonesian text`,
    ]);
    const missing = await run(['pack', 'validate', path.join(dir, 'nope.json')]);
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/no such file/);
  });

  it('validate: a valid pack with a pattern word the stemmer will not reduce passes, with a warning on stderr', async () => {
    const pack = {
      format: 'jaga-netral/rule-pack',
      schemaVersion: 1,
      id: 'dinas-warn',
      version: '1.0.0',
      name: { id: 'Contoh' },
      rules: [{ id: 'dukungan-dinas', ref: 'R18', severity: 'caution', patterns: ['dukungan {name}'], why: { id: 'Alasan' } }],
    };
    const f = file('warn.json', JSON.stringify(pack));
    const r = await run(['pack', 'validate', f]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^ok: dinas-warn /);
    expect(r.err).toContain(`${f}: warning: $.rules[0].patterns[0]: 'dukungan' is an affixed form of 'dukung'`);
  });

  it('build --csv: a candidate list becomes a valid regional pack with derived variants', async () => {
    const r = await run(['pack', 'build', '--csv', CSV]);
    expect(r.code).toBe(0);
    const pack = JSON.parse(r.out);
    expect(pack.format).toBe('jaga-netral/rule-pack');
    expect(pack.id).toBe('pilkada-2029-kota-contoh');
    expect(pack.entities).toHaveLength(3);
    const [budi, rudi, andi] = pack.entities;
    expect(budi).toMatchObject({ id: 'paslon-1-kota-contoh', number: 1, hashtags: ['#BudiSiti'], handles: ['@budisantoso'] });
    expect(budi.names).toEqual(expect.arrayContaining(['Budi Santoso', 'Siti Aminah', 'Budi Siti', 'Pak Budi']));
    expect(budi.weakNames).toEqual(expect.arrayContaining(['Budi', 'Santoso', 'Siti', 'Aminah']));
    expect(rudi.names).toEqual(expect.arrayContaining(['Rudi Hartono', 'Bang Rudi']));
    expect(andi.names).toEqual(expect.arrayContaining(['Andi "Andika" Wijaya', 'Dewi Lestari']));
    const validated = await run(['pack', 'validate', file('built.json', r.out)]);
    expect(validated.code).toBe(0);
  });

  it('build --csv: a bad CSV is refused with its line', async () => {
    const header = 'election,region,number,candidate,running_mate,aliases\n';
    const cases: [string, RegExp][] = [
      ['name,number\nBudi,1\n', /:1: expected the header/],
      [header + 'Pilkada 2029,Kota A,satu,Budi,,\n', /:2: number must be a ballot number/],
      [header + 'Pilkada 2029,Kota A,1,Budi,,\nPilkada 2029,Kota A,1,Rudi,,\n', /:3: ballot number 1 already used on line 2/],
      [header + 'Pilkada 2029,Kota A,1,,Siti,\n', /:2: candidate is empty/],
      [header + 'Pilkada 2029,Kota A,1,Budi\n', /:2: expected 6 columns, got 4/],
    ];
    for (const [csv, re] of cases) {
      const r = await run(['pack', 'build', '--csv', file('c.csv', csv)]);
      expect(r.code).toBe(1);
      expect(r.err).toMatch(re);
    }
  });
});

describe('usage', () => {
  it('prints usage and exits 2 on a bad command; --help exits 0', async () => {
    expect((await run(['frob'])).code).toBe(2);
    expect((await run([])).code).toBe(2);
    expect((await run(['scan', '--pack'])).err).toMatch(/--pack needs a value/);
    const h = await run(['--help']);
    expect(h.code).toBe(0);
    expect(h.out).toMatch(/jaga-netral scan \[--pack FILE\]/);
  });
});
