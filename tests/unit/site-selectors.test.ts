import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { checkSiteSelectors, overridesFor, selectorsInForce } from '../../lib/policy/site-selectors';
import { parsePolicy } from '../../lib/policy/policy';
import { validatePack } from '../../lib/rules/validate';
import { noteHealth, standing } from '../../lib/policy/site-health';
import type { RulePack } from '../../lib/rules/types';

const pack = (extra: Record<string, unknown>) => ({
  format: 'jaga-netral/rule-pack',
  schemaVersion: 1,
  id: 'tambalan',
  version: '1.0.0',
  name: { id: 'Tambalan' },
  ...extra,
});

describe('siteSelectors section', () => {
  it('keeps well-formed entries and reports each bad one at its path', () => {
    const problems: string[] = [];
    const out = checkSiteSelectors(
      { facebook: { editor: '[contenteditable="true"]', 'bad name': 'x', empty: ' ' }, myspace: { editor: 'div' }, x: 'nope', instagram: { submit: 'a'.repeat(1001) } },
      '$.siteSelectors',
      (path, message) => problems.push(`${path}: ${message}`),
    );
    expect(out).toEqual({ facebook: { editor: '[contenteditable="true"]' } });
    expect(problems.map((p) => p.split(':')[0])).toEqual([
      '$.siteSelectors.facebook.bad name',
      '$.siteSelectors.facebook.empty',
      '$.siteSelectors.myspace',
      '$.siteSelectors.x',
      '$.siteSelectors.instagram.submit',
    ]);
  });

  it('is a managed policy key: accepted, its bad entries reported, the rest in force', () => {
    const { policy, problems } = parsePolicy({ siteSelectors: { x: { editor: '[data-testid="tweetTextarea_0"]', like: '' } } });
    expect(policy.siteSelectors).toEqual({ x: { editor: '[data-testid="tweetTextarea_0"]' } });
    expect(problems).toEqual([{ path: '$.siteSelectors.x.like', message: 'expected a non-empty CSS selector' }]);
  });

  it('is an optional pack section, checked by the validator and by the JSON Schema alike', () => {
    const schema = JSON.parse(readFileSync(new URL('../../schema/rule-pack.schema.json', import.meta.url), 'utf8'));
    const ajv = new Ajv2020({ allErrors: true }).compile(schema);
    const good = pack({ siteSelectors: { instagram: { commentForm: 'form, [role="form"]' } } });
    expect(validatePack(good).ok).toBe(true);
    expect(ajv(good)).toBe(true);
    const bad = pack({ siteSelectors: { instagram: { commentForm: '' }, tiktok: {} } });
    const r = validatePack(bad);
    expect(r.ok ? [] : r.errors.map((e) => e.path)).toEqual(['$.siteSelectors.instagram.commentForm', '$.siteSelectors.tiktok']);
    expect(ajv(bad)).toBe(false);
  });

  it('in force: the agency packs in order, then the policy, each naming its source', () => {
    const a = pack({ id: 'a', siteSelectors: { facebook: { editor: 'A', commentForm: 'A' } } }) as unknown as RulePack;
    const b = pack({ id: 'b', siteSelectors: { facebook: { editor: 'B' } } }) as unknown as RulePack;
    const inForce = selectorsInForce([a, b], { facebook: { commentForm: 'P' }, x: { like: 'L' } });
    expect(inForce).toEqual({
      facebook: { editor: { selector: 'B', source: 'b' }, commentForm: { selector: 'P', source: 'policy' } },
      x: { like: { selector: 'L', source: 'policy' } },
    });
    expect(overridesFor(inForce, 'facebook')).toEqual({ editor: 'B', commentForm: 'P' });
    expect(overridesFor(inForce, 'instagram')).toEqual({});
  });
});

describe('site health report', () => {
  it('keeps when each thing was last recognised and each problem last met; a later recognition settles a problem', () => {
    let r = noteHealth({}, 'facebook', { seen: [], problems: ['editor'] }, 1000);
    expect(r.facebook).toEqual({ lastVisit: 1000, seen: {}, problems: { editor: 1000 } });
    expect(standing(r.facebook!, 'editor')).toBe(true);
    r = noteHealth(r, 'facebook', { seen: ['composer', 'submit', 'like'], problems: [] }, 2000);
    expect(r.facebook!.seen).toEqual({ composer: 2000, submit: 2000, like: 2000 });
    expect(standing(r.facebook!, 'editor')).toBe(false);
    expect(r.x).toBeUndefined();
  });
});
