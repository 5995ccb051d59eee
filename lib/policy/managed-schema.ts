/**
 * The Chrome/Edge `managed_schema` (public/managed_schema.json), generated from the policy keys and
 * the rule-pack JSON Schema. Chrome keeps only what its schema describes (an inline pack under a
 * bare {"type": "object"} arrives empty), and its schema dialect is a small subset of JSON Schema
 * (no $ref to $defs, const, required, boolean additionalProperties…), so the pack schema is
 * inlined and reduced here. tests/unit/managed-schema.test.ts keeps the committed file in sync.
 */
import packSchema from '../../schema/rule-pack.schema.json';
import { LOCKABLE, MODES, SITE_IDS } from './policy';

type S = Record<string, unknown>;

function reduce(node: S, defs: Record<string, S>): S | null {
  if (typeof node.$ref === 'string') {
    const name = node.$ref.replace('#/$defs/', '');
    return reduce(defs[name]!, defs);
  }
  let type = node.type as string | undefined;
  if (node.const !== undefined) type = typeof node.const === 'number' ? 'integer' : 'string';
  if (!type && Array.isArray(node.enum)) type = typeof node.enum[0] === 'number' ? 'integer' : 'string';
  if (!type) return null;
  const out: S = { type };
  if (typeof node.description === 'string') out.description = node.description;
  if (Array.isArray(node.enum)) out.enum = node.enum;
  if (node.const !== undefined) out.enum = [node.const];
  if (type === 'object') {
    if (node.properties) {
      const props: S = {};
      for (const [k, v] of Object.entries(node.properties as Record<string, S>)) {
        const r = reduce(v, defs);
        if (r) props[k] = r;
      }
      out.properties = props;
    }
    if (node.additionalProperties && typeof node.additionalProperties === 'object') {
      const r = reduce(node.additionalProperties as S, defs);
      if (r) out.additionalProperties = r;
    }
  }
  if (type === 'array' && node.items) {
    const r = reduce(node.items as S, defs);
    if (r) out.items = r;
  }
  return out;
}

export function buildManagedSchema(): S {
  const defs = (packSchema as S).$defs as Record<string, S>;
  const pack = reduce(packSchema as S, defs)!;
  delete pack.description;
  return {
    type: 'object',
    properties: {
      mode: { type: 'string', enum: [...MODES], description: 'warn: edit or post anyway; confirm: posting anyway needs a typed reason; block: a violation cannot be posted' },
      sites: { type: 'array', items: { type: 'string', enum: [...SITE_IDS] }, description: 'Sites where Jaga Netral is on' },
      packs: {
        type: 'array',
        description: 'Extra rule packs: {"url": "https://…", "refreshHours": 6} or {"inline": {…rule pack…}}',
        items: {
          type: 'object',
          properties: {
            url: { type: 'string' },
            refreshHours: { type: 'number' },
            inline: pack,
          },
        },
      },
      packPublicKey: { type: 'string', description: 'Base64 Ed25519 public key; URL packs must then have a valid URL.sig' },
      locked: { type: 'array', items: { type: 'string', enum: [...LOCKABLE] }, description: 'Settings the person cannot change' },
      agency: {
        type: 'object',
        properties: { name: { type: 'string' }, contact: { type: 'string' } },
        description: 'Agency name and contact shown in the warning',
      },
      // the same section a pack may carry; the policy's wins per name
      siteSelectors: reduce(((packSchema as S).properties as Record<string, S>).siteSelectors!, defs)!,
    },
  };
}
