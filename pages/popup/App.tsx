/**
 * The toolbar popup: on this tab, is protection active, degraded (part of the page not recognised) or
 * off; how many warnings today; a link to the settings page. The tab's state comes from its content
 * script ('jn:status') and the toolbar badge the background set from health reports.
 * `#tab=<id>` picks the tab explicitly (used by the tests); otherwise the active tab of this window
 * (or, when opened in a tab of its own, the tab used last before it).
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t, uiLang } from '../../components/i18n';
import { HistoryStore, startOfToday } from '../../lib/history/store';
import type { TabStatus } from '../../content/site-settings';
import { useAppState } from '../shared';

type Kind = 'ok' | 'degraded' | 'off' | 'idle';
interface TabState {
  kind: Kind;
  site?: TabStatus['site'];
}

const SITE_NAMES: Record<TabStatus['site'], string> = { x: 'X', facebook: 'Facebook', instagram: 'Instagram' };
const action = (browser.action ?? (browser as unknown as { browserAction?: typeof browser.action }).browserAction)!;

async function targetTabId(): Promise<number | undefined> {
  const fromHash = /(?:^#|&)tab=(\d+)/.exec(location.hash)?.[1];
  if (fromHash) return Number(fromHash);
  // opened as a page of its own (not as the toolbar popup): the tab used last before it
  const self = await browser.tabs.getCurrent();
  const tabs = await browser.tabs.query({ currentWindow: true });
  if (!self) return tabs.find((x) => x.active)?.id;
  return tabs.filter((x) => x.id !== self.id).sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0))[0]?.id;
}

async function tabState(): Promise<TabState> {
  const tabId = await targetTabId();
  if (tabId === undefined) return { kind: 'idle' };
  let status: TabStatus | undefined;
  try {
    status = (await browser.tabs.sendMessage(tabId, { type: 'jn:status' })) as TabStatus | undefined;
  } catch {
    return { kind: 'idle' }; // no Jaga Netral content script on this page
  }
  if (!status) return { kind: 'idle' };
  if (!status.enabled) return { kind: 'off', site: status.site };
  const badge = await action.getBadgeText({ tabId }).catch(() => '');
  return { kind: status.degraded || badge === '!' ? 'degraded' : 'ok', site: status.site };
}

function label(s: TabState): string {
  const name = s.site ? SITE_NAMES[s.site] : '';
  if (s.kind === 'ok') return t('healthOk', name);
  if (s.kind === 'degraded') return t('healthDegraded', name);
  if (s.kind === 'off') return t('popOff', name);
  return t('popupIdle');
}

export function PopupApp() {
  const state = useAppState();
  const [tab, setTab] = useState<TabState | null>(null);
  const [today, setToday] = useState<number | null>(null);
  useEffect(() => {
    tabState().then(setTab, () => setTab({ kind: 'idle' }));
    void (async () => {
      const store = await HistoryStore.open();
      try {
        setToday(await store.countSince(startOfToday()));
      } finally {
        store.close();
      }
    })();
  }, []);
  return (
    <main lang={uiLang()}>
      <h1>Jaga Netral</h1>
      {tab && (
        <p class={`status ${tab.kind}`} data-state={tab.kind} data-testid="tab-status" role="status">
          {label(tab)}
        </p>
      )}
      {state?.effective.agency && <p class="agency">{t('policyAgency', state.effective.agency.name)}</p>}
      <p data-testid="today">{today === null ? '…' : t('popToday', String(today))}</p>
      <p class="privacy">{t('popPrivacy')}</p>
      <a href={browser.runtime.getURL('/options.html')} target="_blank" rel="noopener" data-testid="open-options">
        {t('popOpenOptions')}
      </a>
    </main>
  );
}
