import { describe, expect, it } from 'vitest';
import { contextOf, parseAndValidatePack, validatePack } from '../../lib/rules/validate';
import { compilePacks, PackCompileError } from '../../lib/rules/engine';
import { nationalPack } from '../../lib/packs';
import { parsePattern, PatternError } from '../../lib/rules/pattern';

const minimal = () => ({
  format: 'jaga-netral/rule-pack',
  schemaVersion: 1,
  id: 'contoh',
  version: '1.0.0',
  name: { id: 'Contoh' },
  legal: { X1: { title: { id: 'Judul' }, source: 'SKB 2022', sanctions: ['ETIK'] } },
  rules: [{ id: 'r1', ref: 'X1', severity: 'violation', patterns: ['pilih budi'], why: { id: 'Alasan' } }],
});

describe('pack validator', () => {
  it('accepts the built-in national pack', () => {
    const r = validatePack(nationalPack);
    expect(r.ok ? [] : r.errors).toEqual([]);
  });

  it('accepts a minimal pack', () => {
    expect(validatePack(minimal()).ok).toBe(true);
  });

  it('takes a context scoped to quotes, and names the scopes it takes', () => {
    const withScope = (scope: string) => ({ ...minimal(), contexts: [{ id: 'kutip', effect: 'caution', scope, patterns: ['lapor'], why: { id: 'Dikutip' } }] });
    expect(validatePack(withScope('quote')).ok).toBe(true);
    const r = validatePack(withScope('paragraph'));
    expect(r.ok ? [] : r.errors.map((e) => e.message)).toEqual(['expected "post", "sentence" or "quote", got "paragraph"']);
  });

  it('reports one error per problem, each with where and what', () => {
    const p = minimal() as Record<string, unknown>;
    p.format = 'other';
    p.schemaVersion = 2;
    p.id = 'Bad Id';
    p.color = 'red';
    p.rules = [
      { id: 'r1', ref: 'NOPE', severity: 'fatal', patterns: ['pilih (budi', '{unknown}'], why: { en: 'x' } },
      { id: 'r1', ref: 'X1', severity: 'caution', patterns: [], why: { id: 'ok' } },
    ];
    const r = validatePack(p);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const byPath = Object.fromEntries(r.errors.map((e) => [e.path, e.message]));
    expect(byPath['$.format']).toMatch(/expected "jaga-netral\/rule-pack"/);
    expect(byPath['$.schemaVersion']).toMatch(/newer than this version/);
    expect(byPath['$.id']).toMatch(/not a valid id/);
    expect(byPath['$.color']).toMatch(/unknown key/);
    expect(byPath['$.rules[0].ref']).toMatch(/'NOPE' is not defined/);
    expect(byPath['$.rules[0].severity']).toMatch(/"violation" or "caution"/);
    expect(byPath['$.rules[0].patterns[0]']).toMatch(/missing \) to close \(/);
    expect(byPath['$.rules[0].patterns[1]']).toMatch(/unknown class \{unknown\}/);
    expect(byPath['$.rules[0].why.id']).toMatch(/missing/);
    expect(byPath['$.rules[1].id']).toMatch(/duplicate rule id 'r1'/);
    expect(byPath['$.rules[1].patterns']).toMatch(/non-empty/);
    expect(r.errors.length).toBe(11);
  });

  it('refuses non-objects and bad JSON with a reason', () => {
    expect(validatePack([])).toEqual({ ok: false, errors: [{ path: '$', message: 'a rule pack must be a JSON object, got a list' }] });
    const r = parseAndValidatePack('{"format": ');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]!.message).toMatch(/not valid JSON/);
  });

  it('lets a pack use classes and legal keys of packs loaded before it', () => {
    const agency = {
      format: 'jaga-netral/rule-pack',
      schemaVersion: 1,
      id: 'agency',
      version: '1',
      name: { id: 'Instansi' },
      rules: [{ id: 'agency-r', ref: 'R02', severity: 'violation', patterns: ['{support-verb} budi'], why: { id: 'x' } }],
    };
    expect(validatePack(agency).ok).toBe(false);
    expect(validatePack(agency, contextOf([nationalPack])).ok).toBe(true);
    const engine = compilePacks([nationalPack, agency]);
    expect(engine.analyze('Ayo dukung Budi!').findings.map((f) => f.rule)).toEqual(['agency-r']);
  });

  it('compilePacks refuses a bad pack with every reason', () => {
    const bad = { ...minimal(), rules: [{ id: 'r1', ref: 'X1', severity: 'violation', patterns: ['~2 pilih'], why: { id: 'a' } }] };
    expect(() => compilePacks([bad])).toThrow(PackCompileError);
    expect(() => compilePacks([bad])).toThrow(/\$\.rules\[0\]\.patterns\[0\]: a pattern cannot start with a gap/);
  });

  it('pattern syntax is bounded', () => {
    expect(parsePattern('{ajakan}? (coblos|pilih) ~2 {number}')).toHaveLength(4);
    expect(() => parsePattern('a ~6 b')).toThrow(PatternError);
    expect(() => parsePattern('a? b?')).toThrow(/at least one item/);
    expect(() => parsePattern('x '.repeat(13))).toThrow(/more than 12 items/);
    expect(() => parsePattern('a'.repeat(301))).toThrow(/longer than 300/);
    expect(() => parsePattern(`(${Array.from({ length: 65 }, (_, i) => `w${i}`).join('|')})`)).toThrow(/alternatives/);
  });
});
