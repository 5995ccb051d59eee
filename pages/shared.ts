/** What the options page and the popup share: the cached state, the person's settings, strings. */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { setLanguage } from '../components/i18n';
import type { PolicyState } from '../background/policy';
import type { UserSettings } from '../lib/policy/policy';

export const STATE_KEY = 'state';
export const SETTINGS_KEY = 'settings';

/** The background's cached state, kept current; applies the chosen language. */
export function useAppState(): PolicyState | null {
  const [state, setState] = useState<PolicyState | null>(null);
  useEffect(() => {
    const apply = (s: unknown) => {
      const st = (s as PolicyState | undefined) ?? null;
      setLanguage(st?.language ?? null);
      if (st) document.documentElement.lang = st.language?.lang ?? document.documentElement.lang;
      setState(st);
    };
    void browser.storage.local.get(STATE_KEY).then((r) => apply(r[STATE_KEY]));
    const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area === 'local' && changes[STATE_KEY]) apply(changes[STATE_KEY].newValue);
    };
    browser.storage.onChanged.addListener(listener);
    return () => browser.storage.onChanged.removeListener(listener);
  }, []);
  return state;
}

export function useUserSettings(): [UserSettings, (patch: Partial<UserSettings>) => Promise<void>] {
  const [settings, setSettings] = useState<UserSettings>({});
  useEffect(() => {
    void browser.storage.local.get(SETTINGS_KEY).then((r) => setSettings((r[SETTINGS_KEY] as UserSettings) ?? {}));
  }, []);
  const update = async (patch: Partial<UserSettings>) => {
    const current = ((await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY] as UserSettings) ?? {};
    const next = { ...current, ...patch };
    setSettings(next);
    await browser.storage.local.set({ [SETTINGS_KEY]: next });
  };
  return [settings, update];
}

export function formatTime(ms: number | undefined, lang: string): string {
  if (!ms) return '—';
  return new Date(ms).toLocaleString(lang === 'en' ? 'en-GB' : 'id-ID', { dateStyle: 'medium', timeStyle: 'short' });
}

export function download(name: string, type: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
