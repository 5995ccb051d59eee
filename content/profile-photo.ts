/**
 * Profile and cover pictures: changing one publishes it as surely as a post does. A picture chosen
 * in the site's profile flow (sites/profile-photos.ts) is checked as it is chosen, through the
 * same engine and packs as attached photos; pressing the flow's Save holds the save while the check
 * runs, and warns before a picture with a finding (or one that could not be checked) is saved.
 * "Tetap kirim" passes the click on once; "Ubah" leaves the dialog as it was. Nothing of the
 * site's own is changed.
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
  /** How long Save waits for a running check (ms). */
  waitMs?: number;
  /** The watcher (tests); default: one over the flow's own pickers. */
  watcher?: AttachmentWatcher;
}

export function startProfilePhotos({ adapter, flow, engine, policy, ui, signal, waitMs = 10_000, watcher }: ProfilePhotoOptions): void {
  // the flow's dialog is the "composer" its pictures belong to
  const scoped: SiteAdapter = {
    ...adapter,
    selectors: { ...adapter.selectors, editor: flow.scope, dialog: flow.scope },
    composerOf: (el) => safeClosest(el, flow.scope),
  };
  const photos = watcher ?? watchAttachments({ adapter: scoped, media: { fileInput: `${flow.scope} ${flow.fileInput}` }, signal });
  let allowOnce: Element | null = null;
  let held = false;

  const onClick = (e: MouseEvent) => {
    if (!(e.target instanceof Element) || !policy().enabled) return;
    const save = safeClosest(e.target, flow.save);
    const scope = save && safeClosest(save, flow.scope);
    if (!save || !scope) return;
    if (allowOnce === save) return;
    const report = () => photoReport(photos.photosOf(scope), engine().packs);
    if (!report()?.needsAttention) return;
    e.preventDefault();
    e.stopImmediatePropagation();
    if (held) return;
    held = true;
    let waitedOut = false;
    const listeners = new Set<() => void>();
    const off = photos.subscribe((c) => c === scope && listeners.forEach((l) => l()));
    let decided = false;
    void photos.settle(scope, waitMs).then((settled) => {
      if (decided) return;
      if (!settled) {
        waitedOut = true;
        listeners.forEach((l) => l());
        return;
      }
      if (!report()?.needsAttention) ui.close('post');
    });
    const { mode, agency } = policy();
    let reason = '';
    void ui
      .warn({
        analysis: { verdict: 'ok', findings: [] },
        text: '',
        mode: 'submit',
        anchor: () => (scope.isConnected ? scope.getBoundingClientRect() : null),
        enforcement: { mode, ...(agency ? { agency } : {}) },
        onDecision: (d) => (reason = d.reason?.trim() ?? ''),
        photos: {
          get: report,
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
        const pr = report();
        const clean = !!pr && !pr.needsAttention;
        const blocked = mode === 'block' && pr?.verdict === 'violation';
        // the warning enforces the agency's mode; this makes sure of it
        const allowed = choice === 'post' && (clean || (!blocked && (mode !== 'confirm' || !!reason)));
        if (!allowed) return;
        if (!save.isConnected) return;
        allowOnce = save;
        (save as HTMLElement).click();
        allowOnce = null;
      });
  };
  window.addEventListener('click', onClick, { capture: true, signal });
}
