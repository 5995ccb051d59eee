/**
 * Background: receives selector-health reports from the content scripts and marks the toolbar icon of
 * that tab ("!" badge and a title saying protection is degraded). The action API needs no permission.
 * (Moved unchanged from entrypoints/background.ts, issue #5, so the entry point stays one line per feature.)
 */
import { browser } from 'wxt/browser';
import { isHealthMessage } from '../content/health';
import { noteHealth, type HealthGap, type HealthThing, type SiteHealth } from '../lib/policy/site-health';

/** storage.local key of the per-site health report the settings page shows. */
export const SITE_HEALTH_KEY = 'siteHealth';
let writes: Promise<unknown> = Promise.resolve();

export function startHealth(): void {
  const action = (browser.action ?? (browser as unknown as { browserAction?: typeof browser.action }).browserAction)!;
  const msg = (key: 'healthDegraded' | 'healthOk', site: string) => browser.i18n.getMessage(key, [site]) || key;

  browser.runtime.onMessage.addListener((m: unknown, sender) => {
    if (!isHealthMessage(m)) return;
    const tabId = sender.tab?.id;
    if (tabId === undefined || sender.id !== browser.runtime.id) return;
    const degraded = m.status === 'degraded';
    // one write at a time, so reports of tabs arriving together don't overwrite each other
    writes = writes
      .then(async () => {
        const report = ((await browser.storage.local.get(SITE_HEALTH_KEY))[SITE_HEALTH_KEY] ?? {}) as SiteHealth;
        const news = { seen: (m.seen ?? []) as HealthThing[], problems: m.problems as HealthGap[] };
        await browser.storage.local.set({ [SITE_HEALTH_KEY]: noteHealth(report, m.site, news, Date.now()) });
      })
      .catch(() => {});
    void Promise.all([
      action.setBadgeText({ tabId, text: degraded ? '!' : '' }),
      action.setBadgeBackgroundColor({ tabId, color: '#b45309' }),
      action.setTitle({ tabId, title: msg(degraded ? 'healthDegraded' : 'healthOk', m.name) }),
    ]).catch(() => {});
  });
}
