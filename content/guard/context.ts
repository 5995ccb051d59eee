/**
 * What every guard feature shares: the adapter, the page's warning UI, the policy, the cached
 * analysis, health reporting, and the one click or key press Jaga Netral itself sends after
 * "Tetap kirim" (which every feature must let through, exactly once).
 */
import type { Engine } from '../../lib/rules/engine';
import type { Analysis } from '../../lib/rules/types';
import { safeClosest, type HealthProblem, type Recognised, type SiteAdapter } from '../../sites/types';
import type { Ui } from '../../components/ui';
import type { Caret } from '../caret';
import type { GuardOptions, SitePolicy, WarningOutcome } from '../guard';

export interface GuardContext {
  adapter: SiteAdapter;
  ui: Ui;
  signal: AbortSignal;
  policy: () => SitePolicy;
  /** Null once the policy is known; until then a promise that resolves when it is. */
  policyReady: () => Promise<void> | null;
  debounceMs: number;
  /** The engine, built on first need (its packs decide a photo's ballot numbers too). */
  engine: () => Engine;
  /** The engine's verdict on `text`, cached; null when the analysis failed (the post is then not held). */
  analyze(text: string): Analysis | null;
  /** Once per page and problem: the adapter did not find what it expects. */
  report(problem: HealthProblem, detail: string): void;
  /** Once per page and thing: the adapter recognised it (for the health report). */
  recognised(thing: Recognised): void;
  /** Tell the person's history what they did about a warning; never throws. */
  record(outcome: WarningOutcome): void;
  /** The adapter's editor `target` is in, unless the adapter leaves it alone. */
  editorOf(target: EventTarget | null): HTMLElement | null;
  /** The box around a composer's visible editors, to anchor the warning and marker. */
  editorsRect(composer: Element): DOMRect | null;
  /** The editor of each composer that was last written in. */
  lastEditor: WeakMap<Element, HTMLElement>;
  /** Where the caret was when each editor last lost focus (Draft.js clears the DOM selection on blur). */
  carets: WeakMap<HTMLElement, Caret>;
  /** Click `el` on the person's behalf; the guard's own listeners let that one click through. */
  clickOnce(el: Element): void;
  /** Is this click the one `clickOnce` is sending? */
  isOwnClick(el: Element): boolean;
  /** Dispatch `e` on `where` on the person's behalf; the guard's own listeners let it through. */
  dispatchOnce(where: Element, e: Event): void;
  isOwnEvent(e: Event): boolean;
  /** A post left the composer (the site sends and clears it): features drop what they held for it. */
  submitted(composer: Element): void;
  onSubmitted(cb: (composer: Element) => void): void;
}

const CACHE_SIZE = 32;

export function createGuardContext(opts: GuardOptions, policy: () => SitePolicy): GuardContext {
  const { adapter, engine, ui, signal, onHealth, onRecognised, onWarning, debounceMs = 80 } = opts;
  const recognisedOnce = new Set<Recognised>();
  const cache = new Map<string, Analysis>();
  let cachedFor: Engine | undefined;
  const reported = new Set<HealthProblem>();
  let ownClick: Element | null = null;
  let ownEvent: Event | null = null;
  const submittedListeners: ((composer: Element) => void)[] = [];

  const analyze = (text: string): Analysis | null => {
    try {
      const current = engine();
      if (current !== cachedFor) {
        cache.clear(); // the packs changed: earlier results no longer hold
        cachedFor = current;
      }
    } catch {
      /* reported below */
    }
    const hit = cache.get(text);
    if (hit) {
      cache.delete(text);
      cache.set(text, hit);
      return hit;
    }
    try {
      const a = engine().analyze(text);
      cache.set(text, a);
      if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
      return a;
    } catch (err) {
      // Fail open, loudly: a broken check must never swallow a post.
      console.warn('[jaga-netral] analysis failed; the post is not held', err);
      return null;
    }
  };

  return {
    adapter,
    ui,
    signal,
    policy,
    policyReady: opts.policyReady ?? (() => null),
    debounceMs,
    engine,
    analyze,
    report(problem, detail) {
      if (reported.has(problem)) return;
      reported.add(problem);
      console.warn(`[jaga-netral] protection degraded on ${adapter.name}: ${problem} (${detail})`);
      try {
        onHealth?.(problem, detail);
      } catch {
        /* health reporting must never get in the way */
      }
    },
    recognised(thing) {
      if (recognisedOnce.has(thing)) return;
      recognisedOnce.add(thing);
      try {
        onRecognised?.(thing);
      } catch {
        /* health reporting must never get in the way */
      }
    },
    record(outcome) {
      try {
        onWarning?.(outcome);
      } catch (err) {
        console.warn('[jaga-netral] could not record the warning', err);
      }
    },
    editorOf(target) {
      if (!(target instanceof Element)) return null;
      const editor = safeClosest(target, adapter.selectors.editor) as HTMLElement | null;
      return editor && !adapter.ignores?.(editor) ? editor : null;
    },
    editorsRect(composer) {
      if (!composer.isConnected) return null;
      const rects = adapter
        .editorsIn(composer)
        .map((e) => e.getBoundingClientRect())
        .filter((r) => r.width || r.height);
      if (!rects.length) return null;
      const top = Math.min(...rects.map((r) => r.top));
      const left = Math.min(...rects.map((r) => r.left));
      const right = Math.max(...rects.map((r) => r.right));
      const bottom = Math.max(...rects.map((r) => r.bottom));
      return new DOMRect(left, top, right - left, bottom - top);
    },
    lastEditor: new WeakMap(),
    carets: new WeakMap(),
    clickOnce(el) {
      ownClick = el;
      try {
        (el as HTMLElement).click();
      } finally {
        ownClick = null;
      }
    },
    isOwnClick: (el) => ownClick === el,
    dispatchOnce(where, e) {
      ownEvent = e;
      try {
        where.dispatchEvent(e);
      } finally {
        ownEvent = null;
      }
    },
    isOwnEvent: (e) => ownEvent === e,
    submitted(composer) {
      for (const cb of submittedListeners) cb(composer);
    },
    onSubmitted(cb) {
      submittedListeners.push(cb);
    },
  };
}
