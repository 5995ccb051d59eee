/** The published JSON Schema agrees with the engine's validator on real packs and on broken ones. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020';
import { nationalPack } from '../../lib/packs';
import { validatePack } from '../../lib/rules/validate';
import { syntheticRegionalPack } from '../../lib/packs/synthetic';

const schema = JSON.parse(readFileSync(new URL('../../schema/rule-pack.schema.json', import.meta.url), 'utf8'));
const validate = new Ajv2020({ allErrors: true }).compile(schema);
const corpusPack = JSON.parse(readFileSync(new URL('../corpus/packs/pilkada-contoh.json', import.meta.url), 'utf8'));

describe('schema/rule-pack.schema.json', () => {
  it.each([
    ['national', nationalPack],
    ['regional example', corpusPack],
    ['built from CSV', syntheticRegionalPack(50)],
    ['reference images', JSON.parse(readFileSync(new URL('../vision/references/pack.json', import.meta.url), 'utf8'))],
  ])('accepts the %s pack', (_, pack) => {
    expect(validate(pack), JSON.stringify(validate.errors)).toBe(true);
  });

  it.each([
    ['wrong format', { format: 'x' }],
    ['newer schemaVersion', { schemaVersion: 2 }],
    ['bad id', { id: 'Bad Id' }],
    ['unknown key', { colour: 'red' }],
    ['bad severity', { rules: [{ id: 'r', ref: 'R02', severity: 'fatal', patterns: ['a'], why: { id: 'x' } }] }],
    ['no patterns', { rules: [{ id: 'r', ref: 'R02', severity: 'caution', patterns: [], why: { id: 'x' } }] }],
    ['bad sanction', { legal: { X: { title: { id: 't' }, source: 's', sanctions: ['DENDA'] } } }],
    ['entity without names', { entities: [{ id: 'e', kind: 'party', label: 'E' }] }],
    ['a reference image without a fingerprint', { references: [{ id: 'r', label: 'R', kind: 'image' }] }],
    ['a reference frame with pHashes', { references: [{ id: 'r', label: 'R', kind: 'frame', grid: '0a0'.repeat(256), phash: ['0123456789abcdef'] }] }],
    ['bad context effect', { contexts: [{ id: 'c', effect: 'boost', scope: 'post', patterns: ['a'], why: { id: 'x' } }] }],
  ])('refuses a pack with %s, as the validator does', (_, change) => {
    const pack = { ...structuredClone(nationalPack), ...change };
    expect(validate(pack)).toBe(false);
    expect(validatePack(pack).ok).toBe(false);
  });
});
