/**
 * The warning: an alertdialog anchored to the composer. It says what was found and why, shows the
 * words in the draft, cites the rule, its legal basis and sanction category, and offers
 * "Ubah tulisan" (back to the editor) and "Tetap kirim" (publish through the site's own submit).
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Analysis, Finding } from '../lib/rules/types';
import { local, t, type Lang } from './i18n';
import { LegalBasis } from './LegalBasis';
import { ModelEvidence } from './ModelEvidence';
import { Highlighted } from './Highlighted';
import type { Agency, Mode } from '../lib/policy/policy';
// photo check
import type { PhotoReport } from '../content/photo-report';
import { Photos } from './Photos';

export type Choice = 'edit' | 'post';
/** Engagement the warning can stand before (mode 'engage'). */
export type EngageAction = 'like' | 'share' | 'repost' | 'follow';

const ENGAGE_INTRO = { like: 'engageIntroLike', share: 'engageIntroShare', repost: 'engageIntroShare', follow: 'engageIntroFollow' } as const;

/** The agency policy the warning enforces: warn (edit or post), confirm (posting needs a reason), block (a violation can't be posted). */
export interface Enforcement {
  mode: Mode;
  agency?: Agency;
}

export interface Decision {
  choice: Choice;
  /** What the person typed as the reason to post anyway (confirm mode). */
  reason?: string;
  /** 'escape': closed with Esc; otherwise a button. */
  via?: 'escape' | 'button';
}

/** Shortest reason accepted in confirm mode. */
export const MIN_REASON = 5;

export interface OverlayProps {
  analysis: Analysis;
  text: string;
  lang: Lang;
  /** 'submit': the person pressed Post; 'preview': opened from the draft marker (no posting from here);
   *  'engage': the person pressed Like/Share/Repost/Follow on content that reads as campaigning. */
  mode: 'submit' | 'preview' | 'engage';
  action?: EngageAction;
  anchor: () => DOMRect | null;
  onChoose: (c: Choice, d?: Omit<Decision, 'choice'>) => void;
  enforcement?: Enforcement;
  /** photo check */
  photos?: PhotoReport | null;
  photosWaitedOut?: boolean;
}

const WIDTH = 460;

function place(anchor: DOMRect | null): { top: number; left: number; width: number; maxHeight: number } {
  const vw = window.innerWidth;
  const vh = window.innerHeight;
  const width = Math.min(WIDTH, vw - 16);
  if (!anchor || anchor.bottom < 0 || anchor.top > vh) {
    return { top: Math.max(8, vh / 2 - 220), left: Math.max(8, (vw - width) / 2), width, maxHeight: vh - 16 };
  }
  const left = Math.min(Math.max(8, anchor.left), vw - width - 8);
  const below = vh - anchor.bottom - 16;
  const above = anchor.top - 16;
  if (below >= 320 || below >= above) {
    const top = Math.max(8, anchor.bottom + 8);
    return { top, left, width, maxHeight: Math.max(200, vh - top - 8) };
  }
  const maxHeight = Math.max(200, above);
  return { top: Math.max(8, anchor.top - 8 - maxHeight), left, width, maxHeight };
}

export function Overlay({ analysis, text, lang, mode, action, anchor, onChoose, enforcement, photos, photosWaitedOut = false }: OverlayProps) {
  const root = useRef<HTMLDivElement>(null);
  const [done, setDone] = useState(false);
  const [pos, setPos] = useState(() => place(anchor()));
  const violation = analysis.verdict === 'violation' || photos?.verdict === 'violation';
  const verdictClass = violation ? 'violation' : 'caution';
  const [reason, setReason] = useState('');
  const policyMode = enforcement?.mode ?? 'warn';
  // the agency's mode governs posting (submit); engagement warnings and the preview keep their own buttons
  const blocked = mode === 'submit' && policyMode === 'block' && violation;
  const needsReason = mode === 'submit' && policyMode === 'confirm';
  const reasonOk = reason.trim().length >= MIN_REASON;

  // focus the safe choice in the same task as the click, so Esc and Enter work at once
  useLayoutEffect(() => {
    root.current?.querySelector<HTMLButtonElement>('button[data-action="edit"]')?.focus();
  }, []);

  useEffect(() => {
    let frame = 0;
    const update = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => setPos(place(anchor())));
    };
    window.addEventListener('resize', update, { passive: true });
    window.addEventListener('scroll', update, { passive: true, capture: true });
    return () => {
      cancelAnimationFrame(frame);
      window.removeEventListener('resize', update);
      window.removeEventListener('scroll', update, { capture: true });
    };
  }, []);

  const choose = (c: Choice, via: Decision['via'] = 'button') => {
    if (done) return;
    if (c === 'post' && (blocked || (needsReason && !reasonOk))) return;
    setDone(true);
    onChoose(c, { via, ...(c === 'post' && needsReason ? { reason: reason.trim() } : {}) });
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      choose('edit', 'escape');
      return;
    }
    if (e.key === 'Tab') {
      // keep focus inside the dialog
      const items = Array.from(root.current?.querySelectorAll<HTMLElement>('button:not([disabled]), textarea, [tabindex="0"]') ?? []);
      if (!items.length) return;
      const active = (root.current?.getRootNode() as ShadowRoot).activeElement as HTMLElement | null;
      const i = active ? items.indexOf(active) : -1;
      const next = e.shiftKey ? (i <= 0 ? items.length - 1 : i - 1) : i === items.length - 1 ? 0 : i + 1;
      e.preventDefault();
      items[next]!.focus();
    }
  };

  const titleId = 'jn-title';
  const descId = 'jn-desc';
  return (
    <div class="backdrop" onMouseDown={(e) => e.target === e.currentTarget && e.preventDefault()}>
      <div
        ref={root}
        class={`dialog ${verdictClass}`}
        role="alertdialog"
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={descId}
        lang={lang}
        style={{ top: `${pos.top}px`, left: `${pos.left}px`, width: `${pos.width}px`, maxHeight: `${pos.maxHeight}px` }}
        onKeyDown={onKeyDown}
      >
        <header>
          <span class="icon" aria-hidden="true">
            {violation ? '⛔' : '⚠️'}
          </span>
          <h2 id={titleId}>{t(violation ? 'warnTitleViolation' : 'warnTitleCaution')}</h2>
        </header>
        <p id={descId} class="intro">
          {t(mode === 'engage' ? ENGAGE_INTRO[action ?? 'like'] : mode === 'preview' ? 'warnIntroPreview' : 'warnIntro')}
        </p>
        {(text.trim() || !photos) && (
          <>
            <div class="label">{t(mode === 'engage' ? 'labelContent' : 'labelDraft')}</div>
            <Highlighted text={text} findings={analysis.findings} />
          </>
        )}
        <ul class="findings">
          {analysis.findings.map((f, i) => (
            <li key={i} class={f.severity} data-rule={f.rule}>
              <div class="head">
                <span class={`badge ${f.severity}`}>{t(f.severity === 'violation' ? 'severityViolation' : 'severityCaution')}</span>
                <q class="evidence">{f.evidence}</q>
                {f.entity && <span class="entity">{f.entity.label}</span>}
              </div>
              <p class="why">{local(f.why, lang)}</p>
              <ModelEvidence finding={f} />
              <LegalBasis legalRef={f.ref} rule={f.rule} source={f.source} sanctions={f.sanctions} />
            </li>
          ))}
        </ul>
        {photos && <Photos report={photos} lang={lang} waitedOut={photosWaitedOut} />}
        <footer>
          {mode === 'submit' && blocked && (
            <p class="policy blocked" data-policy="block">
              {t('policyBlocked')}
            </p>
          )}
          {mode === 'submit' && !blocked && needsReason && (
            <label class="reason" data-policy="confirm">
              <span>{t('policyReasonLabel')}</span>
              <textarea
                rows={2}
                maxLength={500}
                value={reason}
                onInput={(e) => setReason((e.currentTarget as HTMLTextAreaElement).value)}
                data-field="reason"
              />
            </label>
          )}
          <div class="actions">
            <button type="button" class="primary" data-action="edit" disabled={done} onClick={() => choose('edit')}>
              {t(mode === 'preview' ? 'btnClose' : mode === 'engage' ? 'btnCancelAction' : 'btnEdit')}
            </button>
            {mode !== 'preview' && !blocked && (
              <button
                type="button"
                class="secondary"
                data-action="post"
                disabled={done || (needsReason && !reasonOk)}
                onClick={() => choose('post')}
              >
                {t(mode === 'engage' ? 'btnActAnyway' : 'btnPostAnyway')}
              </button>
            )}
          </div>
          {enforcement?.agency && (
            <p class="agency" data-agency>
              {t('policyAgency', enforcement.agency.name)}
              {enforcement.agency.contact ? ` · ${t('policyContact', enforcement.agency.contact)}` : ''}
            </p>
          )}
          <p class="note">
            {t('privacyNote')} {t('hintEsc')}
          </p>
        </footer>
      </div>
    </div>
  );
}
