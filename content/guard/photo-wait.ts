/**
 * Waiting for photos: the attached photos' report for a composer, and the live source the warning
 * shows while a check is still running. Post waits a bounded time for a running check, with progress
 * on screen; a check that settles clean lets the post go on as the person asked.
 */
import type { Analysis } from '../../lib/rules/types';
import type { PhotoSource } from '../../components/ui';
import type { AttachmentWatcher } from '../attachments';
import { photoReport, type PhotoReport } from '../photo-report';
import type { GuardContext } from './context';

export interface LivePhotoSource extends PhotoSource {
  /** The bounded wait ran out: say so in the open warning. */
  markWaitedOut(): void;
}

export interface PhotoWait {
  reportOf(composer: Element): PhotoReport | null;
  sourceOf(composer: Element): LivePhotoSource;
  /** Resolves true when the composer's checks settled within the wait, false when it ran out. */
  settle(composer: Element): Promise<boolean>;
  /** Called with a composer whenever one of its photos changes state. */
  subscribe(cb: (composer: Element) => void): () => void;
}

export function createPhotoWait(ctx: GuardContext, { watcher, waitMs = 10_000 }: { watcher: AttachmentWatcher; waitMs?: number }): PhotoWait {
  const reportOf = (composer: Element): PhotoReport | null => {
    try {
      return photoReport(watcher.photosOf(composer), ctx.engine());
    } catch (err) {
      console.warn('[jaga-netral] photo report failed', err);
      return null;
    }
  };
  // the site sends and clears its attachments
  ctx.onSubmitted((composer) => watcher.clear(composer));
  return {
    reportOf,
    sourceOf(composer) {
      let waitedOut = false;
      const extra = new Set<() => void>();
      return {
        get: () => reportOf(composer),
        waitedOut: () => waitedOut,
        subscribe(cb) {
          extra.add(cb);
          const off = watcher.subscribe((c) => c === composer && cb());
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
    },
    settle: (composer) => watcher.settle(composer, waitMs),
    subscribe: (cb) => watcher.subscribe(cb),
  };
}

/** The text's verdict and the photos' together: the worse of the two; unchecked photos are a caution. */
export function combine(a: Analysis | null, pr: PhotoReport): Analysis {
  const findings = a?.findings ?? [];
  const verdict = a?.verdict === 'violation' || pr.verdict === 'violation' ? 'violation' : a?.verdict === 'caution' || pr.verdict === 'caution' || pr.unchecked.length ? 'caution' : 'ok';
  return { verdict, findings };
}
