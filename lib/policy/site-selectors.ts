/**
 * Selector overrides as data, so an agency can patch a site's markup change without waiting for a
 * release: a `siteSelectors` section in the managed policy or in a signed pack,
 *
 *   { "facebook": { "editor": "[contenteditable=\"true\"]" }, "x": { … }, "instagram": { … } }
 *
 * Pure: the shape is checked here (known sites, names, non-empty strings of bounded length); whether
 * a name exists in the site's adapter and whether the browser accepts the selector is checked where
 * the adapter is built (sites/overrides.ts), with the reason reported.
 */
import type { RulePack } from '../rules/types';
import { SITE_IDS, type SiteId } from './policy';

export type SiteSelectorSection = Partial<Record<SiteId, Record<string, string>>>;

/** One override in force and where it came from: "policy", or the id of the agency pack that set it. */
export interface SelectorOverride {
  selector: string;
  source: string;
}
export type SelectorsInForce = Partial<Record<SiteId, Record<string, SelectorOverride>>>;

export const MAX_SELECTOR_LENGTH = 1000;
const MAX_PER_SITE = 50;
const NAME = /^[A-Za-z][A-Za-z0-9]{0,39}$/;

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The well-formed part of a `siteSelectors` section; each problem is reported at its path. */
export function checkSiteSelectors(v: unknown, path: string, bad: (path: string, message: string) => void): SiteSelectorSection {
  const out: SiteSelectorSection = {};
  if (!isObj(v)) {
    bad(path, `expected an object keyed by site id (${SITE_IDS.join(', ')})`);
    return out;
  }
  for (const [site, names] of Object.entries(v)) {
    const sp = `${path}.${site}`;
    if (!SITE_IDS.includes(site as SiteId)) {
      bad(sp, `unknown site '${site}'; known: ${SITE_IDS.join(', ')}`);
      continue;
    }
    if (!isObj(names)) {
      bad(sp, 'expected an object of selector names, e.g. {"editor": "…"}');
      continue;
    }
    const entries = Object.entries(names);
    if (entries.length > MAX_PER_SITE) bad(sp, `at most ${MAX_PER_SITE} selectors per site`);
    const site_: Record<string, string> = {};
    for (const [name, selector] of entries.slice(0, MAX_PER_SITE)) {
      const np = `${sp}.${name}`;
      if (!NAME.test(name)) bad(np, 'a selector name is letters and digits, e.g. "editor", "commentSubmit"');
      else if (typeof selector !== 'string' || !selector.trim()) bad(np, 'expected a non-empty CSS selector');
      else if (selector.length > MAX_SELECTOR_LENGTH) bad(np, `longer than ${MAX_SELECTOR_LENGTH} characters`);
      else site_[name] = selector;
    }
    if (Object.keys(site_).length) out[site as SiteId] = site_;
  }
  return out;
}

/** The overrides in force: the agency's packs in order, then the policy, each later one winning per name. */
export function selectorsInForce(agencyPacks: readonly RulePack[], policy: SiteSelectorSection | undefined): SelectorsInForce {
  const out: SelectorsInForce = {};
  const lay = (section: SiteSelectorSection | undefined, source: string) => {
    for (const site of SITE_IDS) {
      const names = section?.[site];
      if (!names) continue;
      const into = (out[site] ??= {});
      for (const [name, selector] of Object.entries(names)) into[name] = { selector, source };
    }
  };
  for (const p of agencyPacks) lay(p.siteSelectors, p.id);
  lay(policy, 'policy');
  return out;
}

/** The plain `{ name: selector }` overrides of one site, as sites/overrides.ts takes them. */
export function overridesFor(inForce: SelectorsInForce | undefined, site: SiteId): Record<string, string> {
  const names = inForce?.[site] ?? {};
  return Object.fromEntries(Object.entries(names).map(([n, o]) => [n, o.selector]));
}
