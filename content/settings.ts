/**
 * The settings a content script acts on, from the background's cache in storage.local ('state').
 * Read once at start and kept current through storage.onChanged, so a policy change applies to open
 * tabs at once. Nothing waits on it on the way to a clean post.
 *
 * Until that cache exists (the first moments after the extension is installed or the browser
 * starts: the background writes it only after reading the policy), the content script reads the
 * agency's managed policy itself and merges it with the person's settings the same way the
 * background does, so block, confirm and sites switched off hold from the first page. `ready()`
 * resolves when one of them has answered: a warning waits on it, so it never offers "Tetap kirim"
 * under a block policy it has not read yet (a clean post never waits: it is never held).
 */
import { browser } from 'wxt/browser';
import { DEFAULTS, mergeSettings, parsePolicy, type Effective, type UserSettings } from '../lib/policy/policy';
import type { RulePack } from '../lib/rules/types';
import type { SelectorsInForce } from '../lib/policy/site-selectors';
import { setLanguage, type Lang, type MessageTable } from '../components/i18n';

const STATE_KEY = 'state';
const SETTINGS_KEY = 'settings';
/**
 * The longest a warning waits for the policy to be known. Chrome answers storage.managed only once
 * it has loaded the extension's policy: about 4-6 s after the browser starts on a fresh profile
 * (measured in tests/e2e/policy-first-second.e2e.test.ts), for the background and content scripts
 * alike; later reads answer in milliseconds. After this, the defaults apply (warn mode, on).
 */
export const POLICY_WAIT_MS = 10_000;

export interface LiveSettings {
  effective: Effective;
  packs: RulePack[];
  /** Increases each time the packs change. */
  packsVersion: number;
  /** Selector overrides in force for the site adapters. */
  siteSelectors: SelectorsInForce;
  loaded: boolean;
}

export interface SettingsWatch {
  current: () => LiveSettings;
  /** null once the policy in force is known (the cache or the managed policy); until then a promise that resolves when it is, or after POLICY_WAIT_MS. */
  ready: () => Promise<void> | null;
}

export function watchSettings(signal: AbortSignal, onChange?: (s: LiveSettings) => void): SettingsWatch {
  let current: LiveSettings = { effective: { ...DEFAULTS, locked: [], managed: false }, packs: [], packsVersion: 0, siteSelectors: {}, loaded: false };
  let packsJson = '[]';
  let updatedAt = 0;
  let isKnown = false;
  let resolveKnown!: () => void;
  const knownPromise = new Promise<void>((resolve) => (resolveKnown = resolve));
  const known = () => {
    isKnown = true;
    resolveKnown();
  };
  const apply = (state: unknown) => {
    const s = state as
      | { effective?: Effective; packs?: RulePack[]; updatedAt?: number; language?: { lang: Lang; table: MessageTable }; siteSelectors?: SelectorsInForce }
      | undefined;
    if (!s?.effective) return;
    if (typeof s.updatedAt === 'number') {
      if (s.updatedAt < updatedAt) return; // an older read arriving after a newer change
      updatedAt = s.updatedAt;
    }
    const json = JSON.stringify(s.packs ?? []);
    const changed = json !== packsJson;
    packsJson = json;
    setLanguage(s.language ?? null);
    current = { effective: s.effective, packs: s.packs ?? [], packsVersion: current.packsVersion + (changed ? 1 : 0), siteSelectors: s.siteSelectors ?? {}, loaded: true };
    known();
    onChange?.(current);
  };
  /** No cache yet: the managed policy and the person's settings, merged here (packs follow with the cache). */
  const fromPolicy = (managed: unknown, user: UserSettings | undefined) => {
    if (current.loaded || signal.aborted) return;
    const { policy, present } = parsePolicy(managed ?? {});
    current = { ...current, effective: mergeSettings(policy, user ?? {}, present) };
    known();
    onChange?.(current);
  };
  try {
    const local = browser.storage.local.get([STATE_KEY, SETTINGS_KEY]);
    void local.then((r) => signal.aborted || apply(r[STATE_KEY]), () => {});
    // Firefox without a policies.json entry rejects: no policy
    const managed = browser.storage.managed.get().catch(() => ({}));
    void Promise.all([managed, local.catch(() => ({}) as Record<string, unknown>)]).then(([m, l]) => fromPolicy(m, l[SETTINGS_KEY] as UserSettings | undefined));
    const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area === 'local' && changes[STATE_KEY]) apply(changes[STATE_KEY].newValue);
    };
    browser.storage.onChanged.addListener(listener);
    signal.addEventListener('abort', () => browser.storage.onChanged.removeListener(listener));
  } catch (e) {
    console.warn('[jaga-netral] settings unavailable; defaults apply', e);
  }
  const timeout = new Promise<void>((resolve) =>
    setTimeout(() => {
      isKnown = true; // the defaults, from now on
      resolve();
    }, POLICY_WAIT_MS),
  );
  const waiting = Promise.race([knownPromise, timeout]);
  return { current: () => current, ready: () => (isKnown ? null : waiting) };
}
