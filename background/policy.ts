/**
 * Background side of the agency policy: reads managed storage, merges it with the person's settings,
 * downloads and checks the agency's packs, and caches the result in storage.local ('state'), where
 * content scripts, the popup and the options page read it without waiting on managed storage.
 *
 * Re-run on start, when the policy or the settings change (no browser restart needed), on a
 * 30-minute alarm (each URL pack is refreshed when its `refreshHours` have passed) and on request
 * from the options page.
 */
import { browser } from 'wxt/browser';
import { mergeSettings, parsePolicy, type Effective, type PolicyProblem, type UserSettings } from '../lib/policy/policy';
import { resolvePacks, type CachedPack, type PackStatus } from '../lib/policy/packs';
import { selectorsInForce, type SelectorsInForce } from '../lib/policy/site-selectors';
import type { RulePack } from '../lib/rules/types';
import type { Lang, MessageTable } from '../components/i18n';
import { allowPackUrls } from './network';

export const STATE_KEY = 'state';
export const SETTINGS_KEY = 'settings';
const CACHE_KEY = 'packCache';
const ALARM = 'jn-pack-refresh';

/** What storage.local 'state' holds. */
export interface PolicyState {
  effective: Effective;
  /** Validated extra packs in force (agency's, then the person's). */
  packs: RulePack[];
  status: PackStatus[];
  problems: PolicyProblem[];
  /** Selector overrides in force for the site adapters (agency packs, then the policy), with their source. */
  siteSelectors: SelectorsInForce;
  /** The interface strings of the language the person chose (absent: the browser's language). */
  language?: { lang: Lang; table: MessageTable };
  updatedAt: number;
}

async function languageTable(lang: Effective['lang']): Promise<PolicyState['language']> {
  if (lang === 'auto') return undefined;
  try {
    const res = await fetch(browser.runtime.getURL(`/_locales/${lang}/messages.json` as '/_locales/id/messages.json'));
    return { lang, table: (await res.json()) as MessageTable };
  } catch {
    return undefined;
  }
}

export type PolicyMessage = { type: 'jn:refresh-packs' };

async function readManaged(): Promise<unknown> {
  try {
    return await browser.storage.managed.get();
  } catch {
    // Firefox without a policies.json entry (or no managed storage at all): no policy
    return {};
  }
}

async function fetchBytes(url: string) {
  const res = await fetch(url, { cache: 'no-store', credentials: 'omit', redirect: 'follow' });
  return { status: res.status, bytes: new Uint8Array(await res.arrayBuffer()) };
}

let queue: Promise<unknown> = Promise.resolve();

/** Recompute the state; runs one at a time, in order. */
export function recompute(force = false): Promise<PolicyState> {
  const run = queue.then(async () => {
    const [raw, local] = await Promise.all([readManaged(), browser.storage.local.get([SETTINGS_KEY, CACHE_KEY, STATE_KEY])]);
    const { policy, problems, present } = parsePolicy(raw);
    const user = (local[SETTINGS_KEY] ?? {}) as UserSettings;
    const effective = mergeSettings(policy, user, present);
    // the only addresses the background may reach (background/network.ts)
    const packUrls = policy.packs.flatMap((p) => ('url' in p ? [p.url] : []));
    allowPackUrls(packUrls);
    const cache = { ...((local[CACHE_KEY] ?? {}) as Record<string, CachedPack>) };
    const userPacks = effective.locked.includes('userPacks') ? [] : user.userPacks ?? [];
    const language = await languageTable(effective.lang);
    // A fresh install has no state yet: publish the mode, sites and agency before any pack
    // download, which can take seconds (or a network time-out), so that a block policy holds on the
    // first pages; the agency's packs follow when downloaded. (Later changes keep the last state
    // in force until the new one is complete.)
    if (!local[STATE_KEY]) {
      const early: PolicyState = { effective, packs: [], status: [], problems, siteSelectors: selectorsInForce([], policy.siteSelectors), ...(language ? { language } : {}), updatedAt: Date.now() };
      await browser.storage.local.set({ [STATE_KEY]: early });
    }
    const { packs, status } = await resolvePacks(policy, userPacks, { fetchBytes, cache, now: Date.now(), force });
    // forget copies of packs the policy no longer lists
    const urls = new Set(packUrls);
    for (const u of Object.keys(cache)) if (!urls.has(u)) delete cache[u];
    // only the agency's packs may patch selectors: the person's own cannot switch protection off that way
    const agencyIds = new Set(status.filter((s) => s.active && (s.source === 'inline' || s.source === 'url')).map((s) => s.id));
    const siteSelectors = selectorsInForce(
      packs.filter((p) => agencyIds.has(p.id)),
      policy.siteSelectors,
    );
    const state: PolicyState = { effective, packs, status, problems, siteSelectors, ...(language ? { language } : {}), updatedAt: Date.now() };
    await browser.storage.local.set({ [STATE_KEY]: state, [CACHE_KEY]: cache });
    for (const p of problems) console.warn(`[jaga-netral] policy ${p.path}: ${p.message}`);
    for (const s of status) if (s.error) console.warn(`[jaga-netral] pack ${s.url ?? s.id ?? s.source}: ${s.error}`);
    return state;
  });
  queue = run.catch((e) => console.error('[jaga-netral] policy update failed', e));
  return run;
}

export function startPolicy(): void {
  void recompute();
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'managed' || (area === 'local' && SETTINGS_KEY in changes)) void recompute();
  });
  void browser.alarms.get(ALARM).then((a) => {
    if (!a) void browser.alarms.create(ALARM, { periodInMinutes: 30 });
  });
  browser.alarms.onAlarm.addListener((a) => {
    if (a.name === ALARM) void recompute();
  });
  browser.runtime.onMessage.addListener((msg: unknown, _sender, sendResponse: (r: unknown) => void) => {
    if ((msg as PolicyMessage)?.type !== 'jn:refresh-packs') return undefined;
    recompute(true).then(
      (s) => sendResponse({ ok: true, status: s.status }),
      (e) => sendResponse({ ok: false, error: String(e) }),
    );
    return true;
  });
}
