/**
 * The settings a content script acts on, from the background's cache in storage.local ('state').
 * Read once at start and kept current through storage.onChanged, so a policy change applies to open
 * tabs at once. Nothing waits on it: until the cache is read, the defaults apply (warn mode, on),
 * and a clean post is never held.
 */
import { browser } from 'wxt/browser';
import { DEFAULTS, type Effective } from '../lib/policy/policy';
import type { RulePack } from '../lib/rules/types';
import type { SelectorsInForce } from '../lib/policy/site-selectors';
import { setLanguage, type Lang, type MessageTable } from '../components/i18n';

const STATE_KEY = 'state';

export interface LiveSettings {
  effective: Effective;
  packs: RulePack[];
  /** Increases each time the packs change. */
  packsVersion: number;
  /** Selector overrides in force for the site adapters. */
  siteSelectors: SelectorsInForce;
  loaded: boolean;
}

export function watchSettings(signal: AbortSignal, onChange?: (s: LiveSettings) => void): () => LiveSettings {
  let current: LiveSettings = { effective: { ...DEFAULTS, locked: [], managed: false }, packs: [], packsVersion: 0, siteSelectors: {}, loaded: false };
  let packsJson = '[]';
  let updatedAt = 0;
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
    onChange?.(current);
  };
  try {
    void browser.storage.local.get(STATE_KEY).then((r) => signal.aborted || apply(r[STATE_KEY]), () => {});
    const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area === 'local' && changes[STATE_KEY]) apply(changes[STATE_KEY].newValue);
    };
    browser.storage.onChanged.addListener(listener);
    signal.addEventListener('abort', () => browser.storage.onChanged.removeListener(listener));
  } catch (e) {
    console.warn('[jaga-netral] settings unavailable; defaults apply', e);
  }
  return () => current;
}
