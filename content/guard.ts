/**
 * The submit guard: watches a site's composers, checks drafts as they are typed, and stands between
 * the person and the site's submit (button click or key) when the draft has findings.
 *
 * It reads the editor and never writes to it. A clean draft goes through untouched, in the same
 * event. A draft with findings is held: the warning opens, and the person either goes back to the
 * editor (text, caret and focus as they were) or posts anyway, through the site's own submit, once.
 */
import type { Engine } from '../lib/rules/engine';
import type { Analysis } from '../lib/rules/types';
import { isDisabled, readDraft, safeClosest, submitOf, type Engagement, type HealthProblem, type SiteAdapter } from '../sites/types';
import { HOST_TAG, type Ui } from '../components/ui';
import type { Decision } from '../components/Overlay';
import type { Agency, Mode } from '../lib/policy/policy';
import type { Action } from '../lib/history/store';
import { restoreCaret, saveCaret, type Caret } from './caret';
import { t } from '../components/i18n';
// photo check (issue #4)
import type { AttachmentWatcher } from './attachments';
import { photoReport, type PhotoReport } from './photo-report';
import type { PhotoSource } from '../components/ui';

export interface GuardOptions {
  adapter: SiteAdapter;
  /** The engine, built on first need. */
  engine: () => Engine;
  ui: Ui;
  signal: AbortSignal;
  /** How long after typing stops the draft is checked (ms). */
  debounceMs?: number;
  /** photo check (issue #4): attached photos, and how long Post waits for a running check (ms). */
  photos?: { watcher: AttachmentWatcher; waitMs?: number };
  /** Called once per page and problem when the adapter can't find what it expects (see content/health.ts). */
  onHealth?: (problem: HealthProblem, detail: string) => void;
  /** The agency policy for this site, read (never awaited) at each event. Default: on, warn mode. */
  policy?: () => SitePolicy;
  /** While the policy is not known yet (the first moments after start), a promise that resolves when it is; null once known. A warning waits on it. */
  policyReady?: () => Promise<void> | null;
  /** Told once per submit warning what the person did (for their private history). */
  onWarning?: (outcome: WarningOutcome) => void;
}

/** What a held key press looked like, to replay it once after "Tetap kirim" when there is no button. */
interface HeldKey {
  key: string;
  code: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

export interface SitePolicy {
  enabled: boolean;
  mode: Mode;
  agency?: Agency;
}

export interface WarningOutcome {
  analysis: Analysis;
  text: string;
  action: Action;
  reason?: string;
  /** An engagement warning (Like/Share/Repost/Follow); absent for a post. */
  kind?: Engagement['action'];
  /** Findings on the attached photos (rule ids and the worst severity), if any. */
  photos?: { rules: string[]; violation: boolean };
}

const DEFAULT_POLICY: SitePolicy = { enabled: true, mode: 'warn' };

const CACHE_SIZE = 32;

export function startGuard({ adapter, engine, ui, signal, debounceMs = 80, onHealth, photos, policy = () => DEFAULT_POLICY, policyReady, onWarning }: GuardOptions): void {
  const cache = new Map<string, Analysis>();
  const lastEditor = new WeakMap<Element, HTMLElement>();
  /** Where the caret was when each editor last lost focus (Draft.js clears the DOM selection on blur). */
  const carets = new WeakMap<HTMLElement, Caret>();
  const pending = new Set<Element>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** The one submit click Jaga Netral itself sends after "Tetap kirim"; let through once. */
  let allowOnce: Element | null = null;
  /** The one key press Jaga Netral replays after "Tetap kirim" where a composer has no button. */
  let allowKey: Event | null = null;
  const reported = new Set<HealthProblem>();
  const report = (problem: HealthProblem, detail: string) => {
    if (reported.has(problem)) return;
    reported.add(problem);
    console.warn(`[jaga-netral] protection degraded on ${adapter.name}: ${problem} (${detail})`);
    try {
      onHealth?.(problem, detail);
    } catch {
      /* health reporting must never get in the way */
    }
  };

  let cachedFor: Engine | undefined;
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

  const editorsRect = (composer: Element): DOMRect | null => {
    if (!composer.isConnected) return null;
    const rects = adapter.editorsIn(composer).map((e) => e.getBoundingClientRect()).filter((r) => r.width || r.height);
    if (!rects.length) return null;
    const top = Math.min(...rects.map((r) => r.top));
    const left = Math.min(...rects.map((r) => r.left));
    const right = Math.max(...rects.map((r) => r.right));
    const bottom = Math.max(...rects.map((r) => r.bottom));
    return new DOMRect(left, top, right - left, bottom - top);
  };

  // ---- photo check (issue #4) ----
  const reportOf = (composer: Element): PhotoReport | null => {
    if (!photos) return null;
    try {
      return photoReport(photos.watcher.photosOf(composer), engine().packs);
    } catch (err) {
      console.warn('[jaga-netral] photo report failed', err);
      return null;
    }
  };
  const photoSource = (composer: Element): LivePhotoSource => {
    let waitedOut = false;
    const extra = new Set<() => void>();
    return {
      get: () => reportOf(composer),
      waitedOut: () => waitedOut,
      subscribe(cb) {
        extra.add(cb);
        const off = photos!.watcher.subscribe((c) => c === composer && cb());
        return () => {
          extra.delete(cb);
          off();
        };
      },
      markWaitedOut() {
        waitedOut = true;
        extra.forEach((cb) => cb());
      },
    };
  };
  photos?.watcher.subscribe((composer) => refresh(composer));
  // ---- end photo check ----

  const refresh = (composer: Element) => {
    if (!composer.isConnected || !policy().enabled) return ui.setMarker(composer, null);
    const { text } = readDraft(adapter, composer);
    const a0 = text.trim() ? analyze(text) : null;
    const pr = reportOf(composer);
    const a = pr ? combine(a0, pr) : a0;
    if (pr && pr.pending > 0 && (!a || a.verdict === 'ok')) {
      return ui.setMarker(composer, { count: 0, verdict: 'caution', rect: () => editorsRect(composer), onOpen: () => {}, note: t('photoChecking') });
    }
    if (!a || a.verdict === 'ok') return ui.setMarker(composer, null);
    ui.setMarker(composer, {
      count: a.findings.length + (pr ? pr.findings.length + pr.unchecked.length : 0),
      verdict: a.verdict,
      rect: () => editorsRect(composer),
      onOpen: () => void intervene(composer, null, 'preview'),
    });
  };

  const schedule = (composer: Element) => {
    pending.add(composer);
    clearTimeout(timer);
    timer = setTimeout(() => {
      for (const c of pending) refresh(c);
      pending.clear();
    }, debounceMs);
  };

  const editorOf = (target: EventTarget | null): HTMLElement | null => {
    if (!(target instanceof Element)) return null;
    const editor = safeClosest(target, adapter.selectors.editor) as HTMLElement | null;
    return editor && !adapter.ignores?.(editor) ? editor : null;
  };

  /** A box the person writes in that the adapter does not know: the site's markup has changed. */
  const checkUnknownEditable = (target: EventTarget | null) => {
    if (!(target instanceof Element) || target.closest(HOST_TAG)) return;
    // rich-text boxes only: plain textareas are also bios, search and settings fields
    const box = target.closest('[contenteditable]:not([contenteditable="false"])');
    if (!box || adapter.ignores?.(box)) return;
    report('editor', `a writing box that matches none of the ${adapter.name} editor selectors`);
  };

  const onDraftEvent = (e: Event) => {
    const editor = editorOf(e.target);
    if (!editor) {
      if (e.type === 'input') checkUnknownEditable(e.target);
      return;
    }
    const composer = adapter.composerOf(editor);
    if (!composer) {
      if (e.type === 'input') report('composer', 'an editor outside any known composer');
      return;
    }
    if (e.type === 'input' && !adapter.submitButtonOf(composer) && !adapter.submitsOnEnter?.(editor)) {
      report('submit', 'a composer without a known submit button');
    }
    lastEditor.set(composer, editor);
    schedule(composer);
  };

  /** Runs before the editor's own blur handling (capture on window), while the selection is intact. */
  const onFocusOut = (e: FocusEvent) => {
    const editor = editorOf(e.target);
    if (!editor) return;
    const caret = saveCaret(editor);
    if (caret) carets.set(editor, caret);
  };

  const afterSubmit = (composer: Element) => {
    photos?.watcher.clear(composer); // photo check (issue #4): the site sends and clears its attachments
    // the site clears the composer after posting; drop the marker once it has
    for (const ms of [300, 1500]) setTimeout(() => refresh(composer), ms);
  };

  /** Check the composer now (a cache lookup when the draft was checked as it was typed). */
  const check = (composer: Element): { analysis: Analysis; text: string; photos?: LivePhotoSource } | null => {
    const { text } = readDraft(adapter, composer);
    const analysis = text.trim() ? analyze(text) : null;
    const pr = reportOf(composer);
    if (pr?.needsAttention) return { analysis: analysis ?? { verdict: 'ok', findings: [] }, text, photos: photoSource(composer) };
    if (!text.trim()) return null;
    return analysis && analysis.verdict !== 'ok' ? { analysis, text } : null;
  };

  const intervene = async (
    composer: Element,
    button: Element | null,
    mode: 'submit' | 'preview',
    found = check(composer),
    key: HeldKey | null = null,
  ) => {
    if (!found) return;
    const editors = adapter.editorsIn(composer);
    const focused = editors.find((ed) => ed.contains(document.activeElement));
    const focusTarget = focused ?? lastEditor.get(composer) ?? editors[0] ?? null;
    const caret = focusTarget ? (focused ? saveCaret(focusTarget) : carets.get(focusTarget) ?? null) : null;

    // photo check (issue #4): a check still running gets a bounded wait, with progress on screen;
    // if it settles clean (and the text is clean) the post goes on as the person asked
    let decided = false;
    const src = found.photos;
    if (src && (src.get()?.pending ?? 0) > 0) {
      void photos!.watcher.settle(composer, photos!.waitMs ?? 10_000).then((settled) => {
        if (decided) return; // the person chose already; this warning is gone
        if (!settled) return src.markWaitedOut();
        const pr = src.get();
        if (mode === 'submit' && found.analysis.verdict === 'ok' && pr && !pr.needsAttention) ui.close('post');
      });
    }
    const waiting = policyReady?.();
    if (waiting) await waiting;
    const { mode: enforce, agency, enabled } = policy();
    let decision: Decision | undefined;
    // a site the policy (known only now) switches off: the submit goes on as if we weren't there
    const choice = !enabled ? 'post' : await ui.warn({
      ...found,
      mode,
      anchor: () => editorsRect(composer),
      enforcement: { mode: enforce, ...(agency ? { agency } : {}) },
      onDecision: (d) => (decision = d),
    });
    decided = true;
    const pr = found.photos?.get() ?? null;
    // settled clean while the warning was open (closed by the photo check, not by the person)
    const clean = found.analysis.verdict === 'ok' && !!pr && !pr.needsAttention;
    const blocked = enforce === 'block' && (found.analysis.verdict === 'violation' || pr?.verdict === 'violation');

    if (focusTarget?.isConnected) restoreCaret(focusTarget, caret);
    const reason = decision?.reason?.trim();
    // the warning enforces the mode; this makes sure of it
    const allowed = !enabled || (choice === 'post' && (clean || (!blocked && (enforce !== 'confirm' || !!reason))));
    if (mode === 'submit' && !clean && enabled) {
      const action: Action = allowed ? 'posted' : blocked ? 'blocked' : decision?.via === 'escape' ? 'cancelled' : 'edited';
      try {
        onWarning?.({
          analysis: found.analysis,
          text: found.text,
          action,
          ...(allowed && reason ? { reason } : {}),
          ...(pr?.findings.length ? { photos: { rules: pr.findings.map((f) => f.rule), violation: pr.verdict === 'violation' } } : {}),
        });
      } catch (err) {
        console.warn('[jaga-netral] could not record the warning', err);
      }
    }
    if (!allowed || mode !== 'submit') return;
    const target = button?.isConnected ? button : adapter.submitButtonOf(composer);
    if (target && !isDisabled(target)) {
      allowOnce = target;
      (target as HTMLElement).click();
      allowOnce = null;
      afterSubmit(composer);
      return;
    }
    // no button (a comment box that only Enter sends): press the same key again, once
    const editor = focusTarget?.isConnected ? focusTarget : null;
    if (!key || !editor) return;
    const replay = new KeyboardEvent('keydown', { ...key, bubbles: true, cancelable: true, composed: true });
    allowKey = replay;
    const where = editor.contains(document.activeElement) ? (document.activeElement as HTMLElement) : editor;
    where.dispatchEvent(replay);
    allowKey = null;
    afterSubmit(composer);
  };

  /** Content already warned about (by its text): once per item, so the warning informs without nagging. */
  const warnedItems = new Set<string>();

  /** Like / Share / Repost / Follow on content the engine rates as campaigning: warn once per item. */
  const onEngage = (e: MouseEvent, hit: Engagement) => {
    if (allowOnce === hit.button) {
      allowOnce = null;
      return;
    }
    const key = hit.text.trim();
    if (!key || warnedItems.has(key)) return;
    const analysis = analyze(hit.text);
    if (!analysis || analysis.verdict === 'ok') return; // quiet for neutral content
    warnedItems.add(key);
    e.preventDefault();
    e.stopImmediatePropagation();
    const item = hit.item;
    void ui.warn({ analysis, text: hit.text, mode: 'engage', action: hit.action, anchor: () => (item.isConnected ? item.getBoundingClientRect() : null) }).then((choice) => {
      try {
        onWarning?.({ analysis, text: hit.text, action: choice === 'post' ? 'posted' : 'cancelled', kind: hit.action });
      } catch (err) {
        console.warn('[jaga-netral] could not record the warning', err);
      }
      if (choice !== 'post' || !hit.button.isConnected) return;
      allowOnce = hit.button;
      (hit.button as HTMLElement).click();
      allowOnce = null;
    });
  };

  const onClick = (e: MouseEvent) => {
    const hit = e.target instanceof Element && !e.target.closest(HOST_TAG) ? adapter.engagementOf?.(e.target) : null;
    if (hit) return policy().enabled ? onEngage(e, hit) : undefined;
    const button = e.target instanceof Element ? submitOf(adapter, e.target) : null;
    if (!button) return;
    if (allowOnce === button) {
      allowOnce = null; // exactly once
      return;
    }
    if (isDisabled(button)) return;
    if (!policy().enabled) return;
    const composer = adapter.composerOf(button);
    if (!composer) return; // can't tell what it submits: stay out of the way
    const found = check(composer);
    if (!found) return afterSubmit(composer);
    e.preventDefault();
    e.stopImmediatePropagation();
    void intervene(composer, button, 'submit', found);
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e === allowKey) return; // the one replay after "Tetap kirim"
    if (e.isComposing || e.keyCode === 229) return; // IME composition: not a submit
    if (e.key !== 'Enter') return;
    if (!policy().enabled) return;
    const editor = editorOf(e.target);
    if (!editor || !adapter.isSubmitKey(e, editor)) return;
    const composer = adapter.composerOf(editor);
    if (!composer) return;
    lastEditor.set(composer, editor);
    // read now: some sites (Facebook comments) clear the box as soon as their own handler runs
    const found = check(composer);
    if (!found) return afterSubmit(composer);
    e.preventDefault();
    e.stopImmediatePropagation();
    const { key, code, ctrlKey, metaKey, shiftKey, altKey } = e;
    void intervene(composer, null, 'submit', found, { key, code, ctrlKey, metaKey, shiftKey, altKey });
  };

  const opts = { capture: true, signal } as const;
  window.addEventListener('click', onClick, opts);
  window.addEventListener('keydown', onKeyDown, opts);
  window.addEventListener('focusout', onFocusOut, opts);
  for (const type of ['input', 'focusin', 'paste', 'drop', 'compositionend']) window.addEventListener(type, onDraftEvent, opts);
  signal.addEventListener('abort', () => {
    clearTimeout(timer);
    ui.destroy();
  });
}

// ---- photo check (issue #4) ----
interface LivePhotoSource extends PhotoSource {
  /** The bounded wait ran out: say so in the open warning. */
  markWaitedOut(): void;
}

function combine(a: Analysis | null, pr: PhotoReport): Analysis {
  const findings = a?.findings ?? [];
  const verdict = a?.verdict === 'violation' || pr.verdict === 'violation' ? 'violation' : a?.verdict === 'caution' || pr.verdict === 'caution' || pr.unchecked.length ? 'caution' : 'ok';
  return { verdict, findings };
}

