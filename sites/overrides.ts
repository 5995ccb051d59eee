/**
 * Selector overrides: an agency can patch a site change without waiting for a release, by data.
 *
 * Shape (from a rule-pack section or the managed policy):
 *
 *   { "facebook": { "editor": "[contenteditable=\"true\"][role=\"textbox\"]", "commentSubmit": "…" },
 *     "instagram": { … }, "x": { … } }
 *
 * Only selector names the adapter already has can be replaced (see each adapter's *Selectors object);
 * each value must be a non-empty string of at most 1000 characters that the browser accepts as a CSS
 * selector. Anything else is rejected with a reason and the built-in selector stays.
 */
import { createFacebookAdapter, facebookSelectors } from './facebook';
import { createInstagramAdapter, instagramSelectors } from './instagram';
import type { SiteAdapter, SiteId, SiteSelectors } from './types';
import { createXAdapter, xSelectors } from './x';

export type SelectorOverrides = Partial<Record<SiteId, Record<string, string>>>;

export interface OverrideResult {
  selectors: SiteSelectors;
  /** Names replaced. */
  applied: string[];
  /** Entries left out, with why. */
  rejected: { name: string; reason: string }[];
}

const MAX_SELECTOR_LENGTH = 1000;

/** Does the browser accept `selector`? (querySelector on an empty fragment, in a try/catch) */
export function isValidSelector(selector: string): boolean {
  try {
    document.createDocumentFragment().querySelector(selector);
    return true;
  } catch {
    return false;
  }
}

/** The built-in selectors of `site` with the valid overrides for it laid over them. */
export function applySelectorOverrides(
  site: SiteId,
  base: SiteSelectors,
  data: unknown,
  isValid: (selector: string) => boolean = isValidSelector,
): OverrideResult {
  const selectors: SiteSelectors = { ...base };
  const result: OverrideResult = { selectors, applied: [], rejected: [] };
  if (data === undefined || data === null) return result;
  if (typeof data !== 'object' || Array.isArray(data)) {
    result.rejected.push({ name: '*', reason: 'overrides must be an object keyed by site id' });
    return result;
  }
  const forSite = (data as Record<string, unknown>)[site];
  if (forSite === undefined) return result;
  if (!forSite || typeof forSite !== 'object' || Array.isArray(forSite)) {
    result.rejected.push({ name: '*', reason: `overrides for ${site} must be an object of selector names` });
    return result;
  }
  for (const [name, value] of Object.entries(forSite as Record<string, unknown>)) {
    if (!Object.prototype.hasOwnProperty.call(base, name)) result.rejected.push({ name, reason: `${site} has no selector named "${name}"` });
    else if (typeof value !== 'string' || !value.trim()) result.rejected.push({ name, reason: 'not a non-empty string' });
    else if (value.length > MAX_SELECTOR_LENGTH) result.rejected.push({ name, reason: `longer than ${MAX_SELECTOR_LENGTH} characters` });
    else if (!isValid(value)) result.rejected.push({ name, reason: 'not a valid CSS selector' });
    else {
      selectors[name] = value;
      result.applied.push(name);
    }
  }
  return result;
}

const SITES: Record<SiteId, { base: SiteSelectors; create: (s: SiteSelectors) => SiteAdapter }> = {
  x: { base: xSelectors, create: createXAdapter },
  facebook: { base: facebookSelectors, create: createFacebookAdapter },
  instagram: { base: instagramSelectors, create: createInstagramAdapter },
};

/** The adapter for `site`, built with the overrides in `data` (invalid ones reported and skipped). */
export function adapterWithOverrides(site: SiteId, data: unknown, isValid?: (selector: string) => boolean): { adapter: SiteAdapter } & OverrideResult {
  const { base, create } = SITES[site];
  const r = applySelectorOverrides(site, base, data, isValid);
  for (const { name, reason } of r.rejected) console.warn(`[jaga-netral] selector override ${site}.${name} ignored: ${reason}`);
  return { adapter: create(r.selectors), ...r };
}
