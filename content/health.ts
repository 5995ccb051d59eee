/**
 * Selector health: when an adapter can't find what it expects (a writing box it doesn't know, an editor
 * outside any composer, a composer without a submit path), the guard fails safe — it stays out of the
 * way, so the site keeps working and no draft is lost — and the content script tells the background,
 * which marks the toolbar icon for that tab (entrypoints/background.ts).
 */
import type { HealthProblem, Recognised, SiteId } from '../sites/types';

export const HEALTH_MESSAGE = 'jaga-netral/health';

export interface HealthMessage {
  type: typeof HEALTH_MESSAGE;
  site: SiteId;
  /** The site's display name, for the toolbar title. */
  name: string;
  status: 'ok' | 'degraded';
  problems: HealthProblem[];
  /** What this page's guard recognised so far (for the settings page's health report). */
  seen?: Recognised[];
}

export function isHealthMessage(m: unknown): m is HealthMessage {
  if (!m || typeof m !== 'object') return false;
  const o = m as Record<string, unknown>;
  return o.type === HEALTH_MESSAGE && typeof o.site === 'string' && (o.status === 'ok' || o.status === 'degraded') && Array.isArray(o.problems);
}

/** Sends health reports for one page; never throws (no background, extension reloaded: ignored). */
export function createHealthReporter(site: SiteId, name: string) {
  const problems: HealthProblem[] = [];
  const seen: Recognised[] = [];
  let status: HealthMessage['status'] = 'ok';
  const send = (s: HealthMessage['status']) => {
    status = s;
    const msg: HealthMessage = { type: HEALTH_MESSAGE, site, name, status, problems: problems.slice(), seen: seen.slice() };
    try {
      void browser.runtime.sendMessage(msg).catch(() => {});
    } catch {
      /* the extension context is gone */
    }
  };
  return {
    /** This page has started with protection in place (clears a mark left by an earlier page). */
    ok: () => send('ok'),
    /** The guard recognised this on the page (told once per page and thing). */
    recognised(thing: Recognised) {
      if (seen.includes(thing)) return;
      seen.push(thing);
      send(status);
    },
    degraded(problem: HealthProblem) {
      if (!problems.includes(problem)) problems.push(problem);
      document.documentElement.setAttribute('data-jaga-netral-health', 'degraded');
      send('degraded');
    },
  };
}
