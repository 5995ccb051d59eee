/**
 * Holding a profile picture's publication: while the picture is checked and, if it needs it, while
 * the person reads the warning. The warning enforces the agency's mode (block offers no way on,
 * confirm asks a reason); the decision is checked again here before the picture may go out.
 */
import type { Engine } from '../../lib/rules/engine';
import type { Ui } from '../../components/ui';
import type { SitePolicy } from '../guard';
import type { AttachmentWatcher } from '../attachments';
import { photoReport, type PhotoReport } from '../photo-report';

export interface PhotoHold {
  /** The scope's pictures, judged. */
  report(scope: Element): PhotoReport | null;
  /** A hold is running (a second publication attempt meanwhile is swallowed, not doubled). */
  busy(): boolean;
  /**
   * Holds the scope's publication; calls `go` at most once, when the picture may go out, or `stay`
   * when the person goes back (or the mode refuses it).
   */
  hold(scope: Element, anchor: Element, go: () => void, stay: () => void): void;
}

export function photoHold({ photos, engine, policy, ui, waitMs }: { photos: AttachmentWatcher; engine: () => Engine; policy: () => SitePolicy; ui: Ui; waitMs: number }): PhotoHold {
  const report = (scope: Element) => photoReport(photos.photosOf(scope), engine());
  let held = false;
  return {
    report,
    busy: () => held,
    hold(scope, anchor, go, stay) {
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
          const allowed = choice === 'post' && (clean || (!blocked && (mode !== 'confirm' || !!reason)));
          if (allowed) go();
          else stay();
        });
    },
  };
}
