import { describe, expect, it } from 'vitest';
import { contextOf, validatePack } from '../../lib/rules/validate';
import { createEngine, nationalPack } from '../../lib/packs';

/** An agency pack on top of the national one, with one rule of the given patterns. */
const agency = (patterns: string[]) => ({
  format: 'jaga-netral/rule-pack',
  schemaVersion: 1,
  id: 'dinas-contoh',
  version: '1.0.0',
  name: { id: 'Contoh dinas' },
  lexicon: { seruan: ['dukung'] },
  rules: [{ id: 'seruan-dinas', ref: 'R18', severity: 'caution', patterns, why: { id: 'Alasan' } }],
});

const warningsOf = (patterns: string[]) => {
  const r = validatePack(agency(patterns), contextOf([nationalPack]));
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('\n'));
  return r.warnings;
};

describe('pack validator warnings on pattern words', () => {
  it('warns that an affixed pattern word is no longer reduced to its root, and says where', () => {
    const w = warningsOf(['dukungan {name}']);
    expect(w).toHaveLength(1);
    expect(w[0]!.path).toBe('$.rules[0].patterns[0]');
    expect(w[0]!.message).toContain("'dukungan' is an affixed form of 'dukung'");
  });

  it('warns about what the trap really does: the root pattern stops matching the affixed form', () => {
    // the behaviour the warning is about, so that it stays true
    const plain = createEngine([agency(['{seruan} budi'])]);
    expect(plain.analyze('dukungan budi').findings.some((f) => f.rule === 'seruan-dinas')).toBe(true);
    const trapped = createEngine([agency(['{seruan} budi', 'dukungan penuh'])]);
    expect(trapped.analyze('dukungan budi').findings.some((f) => f.rule === 'seruan-dinas')).toBe(false);
    expect(warningsOf(['{seruan} budi', 'dukungan penuh']).map((x) => x.path)).toEqual(['$.rules[0].patterns[1]']);
  });

  it('warns about a word the normalizer reads differently from how it is written', () => {
    const w = warningsOf(['massa {name}']);
    expect(w.map((x) => x.message)).toEqual([expect.stringContaining("'massa' is read as 'masa'")]);
  });

  it('stays quiet on roots, on a root written beside its own forms, and on classes', () => {
    expect(warningsOf(['dukung {name}', '(beri|berikan) suara', '{support-verb} {name}'])).toEqual([]);
  });

  it('knows the roots of packs loaded before: a word of the national pack is one', () => {
    // "memasang" reduces to "pasang", a word only the national pack uses
    expect(warningsOf(['memasang {name}']).map((x) => x.message)).toEqual([expect.stringContaining("of 'pasang'")]);
    const alone = validatePack(agency(['memasang {name}']), { legalKeys: ['R18'] });
    expect(alone.ok && alone.warnings).toEqual([]);
  });
});
