/** A small badge at the composer's corner: the draft has findings, so the warning at submit is no surprise. */
import { t } from './i18n';
import type { Verdict } from '../lib/rules/types';

export interface MarkerProps {
  count: number;
  verdict: Exclude<Verdict, 'ok'>;
  rect: DOMRect;
  onOpen: () => void;
  /** photo check: shown instead of the count */
  note?: string;
}

export function Marker({ count, verdict, rect, onOpen, note }: MarkerProps) {
  const label = note ?? t('markerLabel', String(count));
  return (
    <button
      type="button"
      class={`marker ${note && !count ? 'checking' : verdict}`}
      style={{ top: `${Math.max(0, rect.top + 4)}px`, left: `${Math.max(0, rect.right - 4)}px` }}
      title={`${label}. ${t('markerHint')}`}
      aria-label={label}
      data-count={count}
      // keep the editor's focus and caret: a mousedown here must not blur it
      onMouseDown={(e) => e.preventDefault()}
      onClick={onOpen}
    >
      {note && !count ? (
        <span data-note="photo">📷 {note}</span>
      ) : (
        <>
          <span aria-hidden="true">{verdict === 'violation' ? '⛔' : '⚠️'}</span> {count}
        </>
      )}
    </button>
  );
}
