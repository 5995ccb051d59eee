/**
 * The health report an admin reads on the settings page: per site, what the guard recognised on the
 * last visits (a composer, its submit path, engagement buttons) and what it did not (a writing box,
 * composer or submit path it doesn't know), each with when it was last seen. Pure; no page content,
 * no addresses are kept.
 */
import type { SiteId } from './policy';

export type HealthThing = 'composer' | 'submit' | 'like' | 'share' | 'repost' | 'follow';
export type HealthGap = 'editor' | 'composer' | 'submit';

export interface SiteHealthRecord {
  /** When a page of the site last started with protection in place (ms since epoch). */
  lastVisit: number;
  /** Last time each thing was recognised. */
  seen: Partial<Record<HealthThing, number>>;
  /** Last time each problem was met. */
  problems: Partial<Record<HealthGap, number>>;
}
export type SiteHealth = Partial<Record<SiteId, SiteHealthRecord>>;

/** The report with one page's news laid over it. */
export function noteHealth(
  report: SiteHealth,
  site: SiteId,
  news: { seen: readonly HealthThing[]; problems: readonly HealthGap[] },
  now: number,
): SiteHealth {
  const prev = report[site] ?? { lastVisit: now, seen: {}, problems: {} };
  const next: SiteHealthRecord = { lastVisit: now, seen: { ...prev.seen }, problems: { ...prev.problems } };
  for (const t of news.seen) next.seen[t] = now;
  for (const p of news.problems) next.problems[p] = now;
  return { ...report, [site]: next };
}

/** A problem still stands when it was met after the thing it concerns was last recognised. */
export function standing(rec: SiteHealthRecord, gap: HealthGap): boolean {
  const met = rec.problems[gap];
  if (met === undefined) return false;
  const fixedBy = gap === 'submit' ? rec.seen.submit : rec.seen.composer;
  return fixedBy === undefined || met >= fixedBy;
}
