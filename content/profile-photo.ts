/**
 * Profile and cover pictures: changing one publishes it as surely as a post does. A picture chosen
 * in one of the site's profile flows (sites/profile-photos.ts) is checked as it is chosen, through
 * the same engine and packs as attached photos, and held where it would be published: the flow's
 * Save (the click waits while the check runs and warns before a picture with a finding, or one that
 * could not be checked, is saved), or — where the site uploads the moment a file is chosen — the
 * choice itself, which the site receives only once the picture is clean or the person goes on.
 * "Tetap kirim" passes the click or the choice on once; "Ubah" leaves everything as it was (a held
 * choice is forgotten, so the same file can be chosen again). Nothing of the site's own is changed.
 */
import type { Engine } from '../lib/rules/engine';
import type { ProfilePhotoFlow } from '../sites/profile-photos';
import { safeClosest, type SiteAdapter } from '../sites/types';
import type { Ui } from '../components/ui';
import type { SitePolicy } from './guard';
import { watchAttachments, type AttachmentWatcher } from './attachments';
import { photoReport } from './photo-report';

export interface ProfilePhotoOptions {
  adapter: SiteAdapter;
  flow: ProfilePhotoFlow;
  engine: () => Engine;
  policy: () => SitePolicy;
  ui: Ui;
  signal: AbortSignal;
  /** How long a held save or choice waits for a running check (ms). */
  waitMs?: number;
  /** How long a click on the flow's opener keeps it armed (ms). */
  armMs?: number;
  /** The watcher (tests); default: one over the flow's own pickers. */
  watcher?: AttachmentWatcher;
}

export function startProfilePhotos({
  adapter,
  flow,
  engine,
  policy,
  ui,
  signal,
  waitMs = 10_000,
  armMs = 10 * 60_000,
  watcher,
}: ProfilePhotoOptions): void {
  // the flow's scope is the "composer" its pictures belong to
  const scoped: SiteAdapter = {
    ...adapter,
    selectors: { ...adapter.selectors, editor: flow.scope, dialog: flow.scope },
    composerOf: (el) => safeClosest(el, flow.scope),
  };
  let armedUntil = -Infinity;
  const armed = () => !flow.armedBy || performance.now() < armedUntil;
  // a choice handed on to the site after it was held: the watcher took its files already
  const released = new WeakSet<Event>();
  const photos =
    watcher ??
    watchAttachments({
      adapter: scoped,
      media: { fileInput: `${flow.scope} ${flow.fileInput}`, ...(flow.armedBy ? { exclude: '[role="dialog"]' } : {}) },
      signal,
      when: armed,
      single: !!flow.armedBy || flow.publish === 'on-choose',
      skip: (e) => released.has(e),
    });
  const report = (scope: Element) => photoReport(photos.photosOf(scope), engine());
  let held = false;

  /**
   * Holds a publication of the scope's pictures while they are checked and, if they need it, while
   * the person reads the warning; calls go() at most once, when the picture may go out.
   */
  const hold = (scope: Element, anchor: Element, go: () => void, stay: () => void) => {
    held = true;
    let waitedOut = false;
    let decided = false;
    const listeners = new Set<() => void>();
    const off = photos.subscribe((c) => c === scope && listeners.forEach((l) => l()));
    void photos.settle(scope, waitMs).then((settled) => {
      if (decided) return;
      if (!settled) {
        waitedOut = true;
        listeners.forEach((l) => l());
        return;
      }
      if (!report(scope)?.needsAttention) ui.close('post');
    });
    const { mode, agency } = policy();
    let reason = '';
    void ui
      .warn({
        analysis: { verdict: 'ok', findings: [] },
        text: '',
        mode: 'submit',
        anchor: () => (anchor.isConnected ? anchor.getBoundingClientRect() : null),
        enforcement: { mode, ...(agency ? { agency } : {}) },
        onDecision: (d) => (reason = d.reason?.trim() ?? ''),
        photos: {
          get: () => report(scope),
          subscribe: (cb) => {
            listeners.add(cb);
            return () => listeners.delete(cb);
          },
          waitedOut: () => waitedOut,
        },
      })
      .then((choice) => {
        decided = true;
        held = false;
        off();
        const pr = report(scope);
        const clean = !!pr && !pr.needsAttention;
        const blocked = mode === 'block' && pr?.verdict === 'violation';
        // the warning enforces the agency's mode; this makes sure of it
        const allowed = choice === 'post' && (clean || (!blocked && (mode !== 'confirm' || !!reason)));
        if (allowed) go();
        else stay();
      });
  };

  const inFlow = (el: Element): Element | null => {
    if (!armed()) return null;
    const scope = safeClosest(el, flow.scope);
    return scope && !(flow.armedBy && safeClosest(el, '[role="dialog"]')) ? scope : null;
  };

  if (flow.armedBy) {
    const opener = flow.armedBy;
    const arm = (e: MouseEvent) => {
      if (!(e.target instanceof Element) || !safeClosest(e.target, opener)) return;
      armedUntil = performance.now() + armMs;
      // a new round of the flow: a picture chosen and cancelled before no longer counts
      const scope = safeClosest(e.target, flow.scope);
      if (scope) photos.clear(scope);
    };
    window.addEventListener('click', arm, { capture: true, signal });
  }

  if (flow.publish === 'on-choose') {
    const picker = flow.fileInput;
    const onChange = (e: Event) => {
      const input = e.target;
      if (released.has(e) || !(input instanceof HTMLInputElement) || input.type !== 'file' || !policy().enabled) return;
      if (!safeClosest(input, picker)) return;
      const scope = inFlow(input);
      if (!scope || !report(scope)?.needsAttention) return;
      // the site never sees this change unless the person goes on (the watcher, registered first, has the files)
      e.stopImmediatePropagation();
      if (held) return;
      hold(
        scope,
        scope.getClientRects().length ? scope : input.closest('[role="dialog"]') ?? document.body,
        () => {
          if (!input.isConnected) return;
          const again = new Event('change', { bubbles: true });
          released.add(again);
          input.dispatchEvent(again);
          photos.clear(scope);
        },
        () => {
          // the choice is dropped: the picker is emptied so that the same file can be chosen again
          input.value = '';
          photos.clear(scope);
        },
      );
    };
    window.addEventListener('change', onChange, { capture: true, signal });
    return;
  }

  const saveSel = flow.publish.save;
  let allowOnce: Element | null = null;
  const onClick = (e: MouseEvent) => {
    if (!(e.target instanceof Element) || !policy().enabled) return;
    const save = safeClosest(e.target, saveSel);
    const scope = save && inFlow(save);
    if (!save || !scope) return;
    if (allowOnce === save) return;
    if (!report(scope)?.needsAttention) return;
    e.preventDefault();
    e.stopImmediatePropagation();
    if (held) return;
    hold(
      scope,
      flow.armedBy ? save : scope,
      () => {
        if (!save.isConnected) return;
        allowOnce = save;
        (save as HTMLElement).click();
        allowOnce = null;
        // a flow in the page itself (no dialog that closes with it) starts afresh after saving
        if (flow.armedBy) {
          photos.clear(scope);
          armedUntil = -Infinity;
        }
      },
      () => {},
    );
  };
  window.addEventListener('click', onClick, { capture: true, signal });
}
