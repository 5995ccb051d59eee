/**
 * Managed policy (set by an agency through the browser) and the person's own settings, merged into
 * the settings the extension acts on. Pure: no browser, no storage.
 *
 * Policy keys (stable across releases; see docs/admin/):
 *   mode           'warn' | 'confirm' | 'block'
 *   sites          site ids where Jaga Netral is on, e.g. ["x", "facebook"]
 *   packs          [{"url": "https://…", "refreshHours"?: n} | {"inline": {…rule pack…}}]
 *   packPublicKey  base64 Ed25519 public key (32 raw bytes, or SPKI); URL packs must then be signed
 *   locked         setting names the person can't change: mode, sites, userPacks, keepExcerpts, retentionDays, lang
 *   agency         {"name": "…", "contact": "…"} shown in the warning
 *   siteSelectors  {"facebook": {"editor": "…"}, …}: selector overrides for the site adapters (site-selectors.ts)
 *
 * What the policy sets is the default; what it also lists in `locked` is final.
 */
import { checkSiteSelectors, type SiteSelectorSection } from './site-selectors';

export type Mode = 'warn' | 'confirm' | 'block';
export const MODES: readonly Mode[] = ['warn', 'confirm', 'block'];
export const SITE_IDS = ['x', 'facebook', 'instagram'] as const;
export type SiteId = (typeof SITE_IDS)[number];
export const LOCKABLE = ['mode', 'sites', 'userPacks', 'keepExcerpts', 'retentionDays', 'lang'] as const;
export type Lockable = (typeof LOCKABLE)[number];
export type LangSetting = 'auto' | 'id' | 'en';

/** A pack the policy lists; `index` is its place in the policy's `packs` (for error messages). */
export type PackSource = { url: string; refreshHours: number; index: number } | { inline: unknown; index: number };

export interface Agency {
  name: string;
  contact?: string;
}

export interface ManagedPolicy {
  mode?: Mode;
  sites?: SiteId[];
  packs: PackSource[];
  packPublicKey?: string;
  locked: Lockable[];
  agency?: Agency;
  siteSelectors?: SiteSelectorSection;
}

export interface PolicyProblem {
  path: string;
  message: string;
}

/** The person's own choices (storage.local 'settings'). */
export interface UserSettings {
  mode?: Mode;
  sites?: Partial<Record<SiteId, boolean>>;
  keepExcerpts?: boolean;
  retentionDays?: number;
  lang?: LangSetting;
  /** The person's own rule packs (e.g. local candidates), as validated JSON objects. */
  userPacks?: unknown[];
}

export interface Effective {
  mode: Mode;
  sites: Record<SiteId, boolean>;
  keepExcerpts: boolean;
  retentionDays: number;
  lang: LangSetting;
  agency?: Agency;
  locked: Lockable[];
  /** True when any managed policy is present. */
  managed: boolean;
}

export const DEFAULTS: Omit<Effective, 'locked' | 'managed'> = {
  mode: 'warn',
  sites: { x: true, facebook: true, instagram: true },
  keepExcerpts: false,
  retentionDays: 90,
  lang: 'auto',
};

export const DEFAULT_REFRESH_HOURS = 6;
const MIN_REFRESH_HOURS = 1;
const MAX_RETENTION_DAYS = 3650;

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Is this an address a pack may be fetched from: https, or http on this machine (for testing). */
export function packUrlProblem(url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return `not a URL: ${JSON.stringify(url)}`;
  }
  if (u.protocol === 'https:') return null;
  if (u.protocol === 'http:' && (u.hostname === '127.0.0.1' || u.hostname === 'localhost' || u.hostname === '[::1]')) return null;
  return `only https:// addresses are allowed (http:// only on 127.0.0.1/localhost, for testing): ${url}`;
}

/**
 * Read raw managed storage (whatever the admin wrote) into a policy. Bad entries are reported
 * and skipped; the rest still applies.
 */
export function parsePolicy(raw: unknown): { policy: ManagedPolicy; problems: PolicyProblem[]; present: boolean } {
  const problems: PolicyProblem[] = [];
  const policy: ManagedPolicy = { packs: [], locked: [] };
  const bad = (path: string, message: string) => problems.push({ path, message });
  if (!isObj(raw)) {
    if (raw !== undefined && raw !== null) bad('$', 'policy must be an object');
    return { policy, problems, present: false };
  }
  const present = Object.keys(raw).length > 0;
  for (const k of Object.keys(raw)) {
    if (!['mode', 'sites', 'packs', 'packPublicKey', 'locked', 'agency', 'siteSelectors'].includes(k)) bad(`$.${k}`, `unknown policy key '${k}' (ignored)`);
  }
  if (raw.mode !== undefined) {
    if (MODES.includes(raw.mode as Mode)) policy.mode = raw.mode as Mode;
    else bad('$.mode', `expected one of ${MODES.join(', ')}; got ${JSON.stringify(raw.mode)}`);
  }
  if (raw.sites !== undefined) {
    if (!Array.isArray(raw.sites)) bad('$.sites', 'expected a list of site ids');
    else {
      policy.sites = [];
      raw.sites.forEach((s, i) => {
        if (SITE_IDS.includes(s as SiteId)) policy.sites!.push(s as SiteId);
        else bad(`$.sites[${i}]`, `unknown site ${JSON.stringify(s)}; known: ${SITE_IDS.join(', ')}`);
      });
    }
  }
  if (raw.packs !== undefined) {
    if (!Array.isArray(raw.packs)) bad('$.packs', 'expected a list of {"url": …} or {"inline": {…}}');
    else
      raw.packs.forEach((p, i) => {
        const path = `$.packs[${i}]`;
        if (!isObj(p)) return bad(path, 'expected {"url": …} or {"inline": {…}}');
        if (typeof p.url === 'string') {
          const problem = packUrlProblem(p.url);
          if (problem) return bad(`${path}.url`, problem);
          let refreshHours = DEFAULT_REFRESH_HOURS;
          if (p.refreshHours !== undefined) {
            if (typeof p.refreshHours === 'number' && p.refreshHours >= MIN_REFRESH_HOURS) refreshHours = p.refreshHours;
            else bad(`${path}.refreshHours`, `expected a number of hours ≥ ${MIN_REFRESH_HOURS}; using ${DEFAULT_REFRESH_HOURS}`);
          }
          policy.packs.push({ url: p.url, refreshHours, index: i });
        } else if (p.inline !== undefined) {
          // Chrome hands the inline pack over as an object; an admin tool may also store it as JSON text.
          let inline = p.inline;
          if (typeof inline === 'string') {
            try {
              inline = JSON.parse(inline);
            } catch (e) {
              return bad(`${path}.inline`, `not valid JSON: ${(e as Error).message}`);
            }
          }
          policy.packs.push({ inline, index: i });
        } else bad(path, 'expected {"url": "https://…"} or {"inline": {…}}');
      });
  }
  if (raw.packPublicKey !== undefined) {
    if (typeof raw.packPublicKey === 'string' && raw.packPublicKey.trim()) policy.packPublicKey = raw.packPublicKey.trim();
    else bad('$.packPublicKey', 'expected a base64 Ed25519 public key');
  }
  if (raw.locked !== undefined) {
    if (!Array.isArray(raw.locked)) bad('$.locked', 'expected a list of setting names');
    else
      raw.locked.forEach((s, i) => {
        if (LOCKABLE.includes(s as Lockable)) policy.locked.push(s as Lockable);
        else bad(`$.locked[${i}]`, `unknown setting ${JSON.stringify(s)}; known: ${LOCKABLE.join(', ')}`);
      });
  }
  if (raw.agency !== undefined) {
    const a = raw.agency;
    if (isObj(a) && typeof a.name === 'string' && a.name.trim()) {
      policy.agency = { name: a.name.trim().slice(0, 200) };
      if (typeof a.contact === 'string' && a.contact.trim()) policy.agency.contact = a.contact.trim().slice(0, 200);
    } else bad('$.agency', 'expected {"name": "…", "contact": "…"}');
  }
  if (raw.siteSelectors !== undefined) {
    const section = checkSiteSelectors(raw.siteSelectors, '$.siteSelectors', bad);
    if (Object.keys(section).length) policy.siteSelectors = section;
  }
  return { policy, problems, present };
}

/** The settings in force: the person's choices where the policy leaves them free, the policy's elsewhere. */
export function mergeSettings(policy: ManagedPolicy, user: UserSettings = {}, present = true): Effective {
  const locked = new Set(policy.locked);
  const free = (k: Lockable) => !locked.has(k);
  const sites = { ...DEFAULTS.sites };
  if (policy.sites) for (const s of SITE_IDS) sites[s] = policy.sites.includes(s);
  if (free('sites') && user.sites) for (const s of SITE_IDS) if (typeof user.sites[s] === 'boolean') sites[s] = user.sites[s]!;
  const retention =
    free('retentionDays') && typeof user.retentionDays === 'number' && user.retentionDays >= 1
      ? Math.min(MAX_RETENTION_DAYS, Math.floor(user.retentionDays))
      : DEFAULTS.retentionDays;
  return {
    mode: free('mode') && user.mode && MODES.includes(user.mode) ? user.mode : policy.mode ?? DEFAULTS.mode,
    sites,
    keepExcerpts: free('keepExcerpts') && user.keepExcerpts === true,
    retentionDays: retention,
    lang: free('lang') && (user.lang === 'id' || user.lang === 'en') ? user.lang : 'auto',
    ...(policy.agency ? { agency: policy.agency } : {}),
    locked: [...policy.locked],
    managed: present,
  };
}

/** The site a page belongs to, from its host name. */
export function siteOf(hostname: string): SiteId | null {
  const h = hostname.toLowerCase();
  const is = (d: string) => h === d || h.endsWith(`.${d}`);
  if (is('x.com') || is('twitter.com')) return 'x';
  if (is('facebook.com')) return 'facebook';
  if (is('instagram.com')) return 'instagram';
  return null;
}
