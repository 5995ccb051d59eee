/**
 * What a content script needs from the agency policy and the person's settings, for one site:
 * the guard's policy getter, the engine with the packs in force, and the history recorder.
 */
import { browser } from 'wxt/browser';
import { createEngine } from '../lib/packs';
import type { Engine } from '../lib/rules/engine';
import type { SiteId } from '../lib/policy/policy';
import type { SitePolicy, WarningOutcome } from './guard';
import { watchSettings } from './settings';
import type { NewWarning } from '../lib/history/store';

export interface SiteSettings {
  policy: () => SitePolicy;
  engine: () => Engine;
  onWarning: (o: WarningOutcome) => void;
}

export function siteSettings(site: SiteId, signal: AbortSignal): SiteSettings {
  let engine: Engine | undefined;
  let engineFor = -1;
  const current = watchSettings(signal);
  return {
    policy: () => {
      const { effective } = current();
      return { enabled: effective.sites[site] !== false, mode: effective.mode, ...(effective.agency ? { agency: effective.agency } : {}) };
    },
    engine: () => {
      const s = current();
      if (!engine || engineFor !== s.packsVersion) {
        try {
          engine = createEngine(s.packs);
        } catch (e) {
          // a pack the background accepted but the engine can't compile: keep the national pack
          console.warn('[jaga-netral] extra packs could not be loaded', e);
          engine = createEngine();
        }
        engineFor = s.packsVersion;
      }
      return engine;
    },
    onWarning: ({ analysis, text, action, reason }) => {
      const spans = analysis.findings.map((f) => text.slice(f.start, f.end));
      const warning: NewWarning = {
        at: Date.now(),
        site,
        rules: [...new Set(analysis.findings.map((f) => f.rule))],
        severity: analysis.verdict === 'violation' ? 'violation' : 'caution',
        action,
        ...(reason ? { reason } : {}),
        // the background drops this unless the person keeps excerpts
        ...(current().effective.keepExcerpts ? { excerpt: spans.join(' … ') } : {}),
      };
      browser.runtime.sendMessage({ type: 'jn:history:add', warning }).catch(() => {});
    },
  };
}
