/**
 * The toolbar popup: on this tab, is protection active, degraded (no composer recognised) or off;
 * how many warnings today; a link to the settings page.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t, uiLang } from '../../components/i18n';
import { HistoryStore, startOfToday } from '../../lib/history/store';
import type { TabStatus } from '../../content/site-settings';
import { useAppState } from '../shared';

type TabState = { kind: 'active' | 'degraded' | 'off'; status?: TabStatus } | { kind: 'unsupported' };

/** The tab the popup is about: the active one, or (when the popup is open in a tab itself) the last one used. */
async function targetTab() {
  const self = await browser.tabs.getCurrent();
  const tabs = await browser.tabs.query({ currentWindow: true });
  if (!self) return tabs.find((x) => x.active);
  return tabs.filter((x) => x.id !== self.id).sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0))[0];
}

async function tabState(): Promise<TabState> {
  const tab = await targetTab();
  if (tab?.id === undefined) return { kind: 'unsupported' };
  try {
    const status = (await browser.tabs.sendMessage(tab.id, { type: 'jn:status' })) as TabStatus | undefined;
    if (!status) return { kind: 'unsupported' };
    return { kind: !status.enabled ? 'off' : status.composerFound ? 'active' : 'degraded', status };
  } catch {
    return { kind: 'unsupported' }; // no Jaga Netral content script on this page
  }
}

const SITE_NAMES: Record<string, string> = { x: 'X', facebook: 'Facebook', instagram: 'Instagram' };

export function PopupApp() {
  const state = useAppState();
  const [tab, setTab] = useState<TabState | null>(null);
  const [today, setToday] = useState<{ all: number; site: number } | null>(null);
  useEffect(() => {
    void tabState().then(setTab);
  }, []);
  useEffect(() => {
    if (!tab) return;
    void (async () => {
      const store = await HistoryStore.open();
      try {
        const since = startOfToday();
        const site = 'status' in tab && tab.status ? tab.status.site : undefined;
        setToday({ all: await store.countSince(since), site: site ? await store.countSince(since, site) : 0 });
      } finally {
        store.close();
      }
    })();
  }, [tab]);
  const lang = uiLang();
  const site = tab && 'status' in tab && tab.status ? SITE_NAMES[tab.status.site] ?? tab.status.site : '';
  const label =
    !tab ? '…'
    : tab.kind === 'active' ? t('popActive', site)
    : tab.kind === 'degraded' ? t('popDegraded', site)
    : tab.kind === 'off' ? t('popOff', site)
    : t('popUnsupported');
  return (
    <main lang={lang}>
      <h1>Jaga Netral</h1>
      <p class={`status ${tab?.kind ?? ''}`} data-testid="tab-status" data-state={tab?.kind ?? ''} role="status">
        <span class="dot" aria-hidden="true" /> {label}
      </p>
      {state?.effective.agency && <p class="agency">{t('policyAgency', state.effective.agency.name)}</p>}
      <p data-testid="today">{today ? t('popToday', String(today.all)) : '…'}</p>
      <p class="privacy">{t('popPrivacy')}</p>
      <a href={browser.runtime.getURL('/options.html')} target="_blank" rel="noopener" data-testid="open-options">
        {t('popOpenOptions')}
      </a>
    </main>
  );
}
