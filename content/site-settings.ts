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
import { overridesFor } from '../lib/policy/site-selectors';
import { watchModel } from './model';
import type { NewWarning } from '../lib/history/store';

export interface SiteSettings {
  policy: () => SitePolicy;
  /** null once the policy in force is known; until then, a promise (content/settings.ts). */
  policyReady: () => Promise<void> | null;
  engine: () => Engine;
  onWarning: (o: WarningOutcome) => void;
  /** This site's selector overrides in force ({ name: selector }). */
  selectorOverrides: () => Record<string, string>;
  /** Called whenever the settings change (policy, packs, overrides). */
  onChange: (cb: () => void) => void;
}

export function siteSettings(site: SiteId, signal: AbortSignal): SiteSettings {
  let engine: Engine | undefined;
  let base: Engine | undefined;
  let engineFor = -1;
  const listeners: (() => void)[] = [];
  const { current, ready } = watchSettings(signal, () => listeners.forEach((cb) => cb()));
  // the learned stage arrives after the page starts: a new engine then, so the guard drops analyses made without it
  const model = watchModel(signal, () => (engine = undefined));
  return {
    policyReady: ready,
    selectorOverrides: () => overridesFor(current().siteSelectors, site),
    onChange: (cb) => void listeners.push(cb),
    policy: () => {
      const { effective } = current();
      return { enabled: effective.sites[site] !== false, mode: effective.mode, ...(effective.agency ? { agency: effective.agency } : {}) };
    },
    engine: () => {
      const s = current();
      if (!base || engineFor !== s.packsVersion) {
        try {
          base = createEngine(s.packs);
        } catch (e) {
          // a pack the background accepted but the engine can't compile: keep the national pack
          console.warn('[jaga-netral] extra packs could not be loaded', e);
          base = createEngine();
        }
        engineFor = s.packsVersion;
        engine = undefined;
      }
      engine ??= base.withModel(model());
      return engine;
    },
    onWarning: ({ analysis, text, action, reason, kind, photos }) => {
      const spans = analysis.findings.map((f) => text.slice(f.start, f.end));
      const warning: NewWarning = {
        at: Date.now(),
        site,
        rules: [...new Set([...analysis.findings.map((f) => f.rule), ...(photos?.rules ?? [])])],
        severity: analysis.verdict === 'violation' || photos?.violation ? 'violation' : 'caution',
        action,
        ...(kind ? { kind } : {}),
        ...(reason ? { reason } : {}),
        // the background drops this unless the person keeps excerpts
        ...(current().effective.keepExcerpts ? { excerpt: spans.join(' … ') } : {}),
      };
      browser.runtime.sendMessage({ type: 'jn:history:add', warning }).catch(() => {});
    },
  };
}

export interface TabStatus {
  site: SiteId;
  /** On for this site (policy and settings). */
  enabled: boolean;
  /** The guard reported that it doesn't recognise part of the page (content/health.ts). */
  degraded: boolean;
}

/** Answers the popup's "what is the state on this tab?" ('jn:status'). */
export function answerStatus(site: SiteId, settings: SiteSettings, signal: AbortSignal): void {
  const listener = (msg: unknown, _sender: unknown, sendResponse: (r: TabStatus) => void) => {
    if ((msg as { type?: string })?.type !== 'jn:status') return undefined;
    sendResponse({
      site,
      enabled: settings.policy().enabled,
      degraded: document.documentElement.getAttribute('data-jaga-netral-health') === 'degraded',
    });
    return undefined;
  };
  browser.runtime.onMessage.addListener(listener);
  signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(listener));
}
