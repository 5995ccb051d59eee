import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { buildManagedSchema } from '../../lib/policy/managed-schema';

describe('managed_schema.json (Chrome/Edge)', () => {
  const committed = JSON.parse(readFileSync(new URL('../../public/managed_schema.json', import.meta.url), 'utf8'));

  it('is in sync with its generator (npx tsx scripts/managed-schema.ts)', () => {
    expect(committed).toEqual(buildManagedSchema());
  });

  it('has the stable top-level keys admins write', () => {
    expect(Object.keys(committed.properties).sort()).toEqual(['agency', 'locked', 'mode', 'packPublicKey', 'packs', 'siteSelectors', 'sites']);
  });

  it('uses only what Chrome’s schema dialect accepts', () => {
    const allowed = new Set(['type', 'properties', 'additionalProperties', 'items', 'enum', 'description']);
    const walk = (node: Record<string, unknown>, path: string) => {
      for (const [k, v] of Object.entries(node)) {
        expect(allowed.has(k), `${path}.${k}`).toBe(true);
        if (k === 'properties') for (const [pk, pv] of Object.entries(v as object)) walk(pv, `${path}.${pk}`);
        if (k === 'additionalProperties' || k === 'items') {
          expect(typeof v, `${path}.${k} must be a schema object`).toBe('object');
          walk(v as Record<string, unknown>, `${path}.${k}`);
        }
      }
      expect(typeof node.type, `${path} needs a type`).toBe('string');
    };
    walk(committed, '$');
  });

  it('describes an inline pack down to its rules, so Chrome passes it through whole', () => {
    const inline = committed.properties.packs.items.properties.inline;
    expect(inline.properties.rules.items.properties.patterns).toMatchObject({ type: 'array', items: { type: 'string' } });
    expect(Object.keys(inline.properties)).toEqual(expect.arrayContaining(['format', 'schemaVersion', 'id', 'version', 'name', 'legal', 'lexicon', 'entities', 'rules', 'contexts']));
  });
});
