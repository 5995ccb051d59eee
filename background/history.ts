/**
 * Background side of the history: content scripts can't reach the extension's IndexedDB, so they
 * send each warning here ('jn:history:add'). Excerpts are dropped unless the person keeps them.
 * Records past the retention limit are pruned on start and once a day.
 */
import { browser } from 'wxt/browser';
import { HistoryStore, ACTIONS, type NewWarning } from '../lib/history/store';
import { STATE_KEY, type PolicyState } from './policy';
import { DEFAULTS } from '../lib/policy/policy';

export type HistoryMessage = { type: 'jn:history:add'; warning: NewWarning };

const PRUNE_ALARM = 'jn-history-prune';
let store: Promise<HistoryStore> | null = null;
const open = () => (store ??= HistoryStore.open());

async function settings() {
  const s = (await browser.storage.local.get(STATE_KEY))[STATE_KEY] as PolicyState | undefined;
  return s?.effective ?? { ...DEFAULTS, locked: [], managed: false };
}

function valid(w: NewWarning | undefined): w is NewWarning {
  return (
    !!w &&
    typeof w.at === 'number' &&
    typeof w.site === 'string' &&
    Array.isArray(w.rules) &&
    w.rules.every((r) => typeof r === 'string') &&
    (w.severity === 'violation' || w.severity === 'caution') &&
    ACTIONS.includes(w.action) &&
    (w.kind === undefined || ['like', 'share', 'repost', 'follow'].includes(w.kind))
  );
}

async function prune() {
  const { retentionDays } = await settings();
  await (await open()).prune(retentionDays);
}

export function startHistory(): void {
  browser.runtime.onMessage.addListener((msg: unknown, sender, sendResponse: (r: unknown) => void) => {
    const m = msg as HistoryMessage;
    if (m?.type !== 'jn:history:add') return undefined;
    if (sender.id !== browser.runtime.id || !valid(m.warning)) {
      sendResponse({ ok: false });
      return undefined;
    }
    void (async () => {
      const { keepExcerpts } = await settings();
      const { excerpt, ...rest } = m.warning;
      const id = await (await open()).add(keepExcerpts && excerpt ? { ...rest, excerpt } : rest);
      sendResponse({ ok: true, id });
    })().catch((e) => sendResponse({ ok: false, error: String(e) }));
    return true;
  });
  void prune().catch(() => {});
  void browser.alarms.get(PRUNE_ALARM).then((a) => {
    if (!a) void browser.alarms.create(PRUNE_ALARM, { periodInMinutes: 24 * 60 });
  });
  browser.alarms.onAlarm.addListener((a) => {
    if (a.name === PRUNE_ALARM) void prune().catch(() => {});
  });
  // a shorter retention applies at once
  browser.storage.onChanged.addListener((changes, area) => {
    const c = changes[STATE_KEY] as { oldValue?: PolicyState; newValue?: PolicyState } | undefined;
    if (area !== 'local' || !c?.newValue) return;
    if (c.newValue.effective.retentionDays !== c.oldValue?.effective.retentionDays) void prune().catch(() => {});
  });
}
