/**
 * The photo part of the warning: progress while photos are checked, each finding with a
 * thumbnail of its photo and the hand (or the words read, or the matched reference) boxed, and an honest list of photos that could not be
 * checked. Thumbnails are drawn into canvases (no data: URLs, so the page's CSP does not apply).
 */
import { useLayoutEffect, useRef } from 'preact/hooks';
import type { PhotoReport } from '../content/photo-report';
import type { Photo } from '../content/attachments';
import type { ImageFinding } from '../lib/vision/types';
import { local, t, type Lang } from './i18n';
import { LegalBasis } from './LegalBasis';
import { problemText } from './photo-text';

/** A small copy of a photo with boxes drawn on it (boxes in the pixels of width × height). */
export function Thumb({ photo, boxes }: { photo: Pick<Photo, 'thumb' | 'width' | 'height' | 'name'>; boxes: [number, number, number, number][] }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useLayoutEffect(() => {
    const c = ref.current;
    const bmp = photo.thumb;
    if (!c || !bmp) return;
    c.width = bmp.width;
    c.height = bmp.height;
    const ctx = c.getContext('2d');
    if (!ctx) return;
    ctx.drawImage(bmp, 0, 0);
    const sx = bmp.width / (photo.width || bmp.width);
    const sy = bmp.height / (photo.height || bmp.height);
    const lw = Math.max(2, bmp.width / 120);
    // a white halo under the red line, so a box shows on a red poster too
    for (const [style, width] of [['#fff', lw + 3], ['#d92d20', lw]] as const) {
      ctx.lineWidth = width;
      ctx.strokeStyle = style;
      for (const [x, y, w, h] of boxes) ctx.strokeRect(x * sx, y * sy, w * sx, h * sy);
    }
  }, [photo.thumb, boxes.map((b) => b.join(',')).join(';')]);
  return <canvas ref={ref} class="thumb" data-photo={photo.name} data-boxes={JSON.stringify(boxes)} aria-hidden="true" />;
}

function FindingItem({ f, photo, lang }: { f: ImageFinding; photo: Photo | undefined; lang: Lang }) {
  const kind = f.kind ?? 'pose';
  return (
    <li class={`${f.severity} photo-finding`} data-rule={f.rule} data-kind={kind} {...(f.hand ? { 'data-gesture': f.hand.gesture } : {})}>
      <div class="head">
        <span class={`badge ${f.severity}`}>{t(f.severity === 'violation' ? 'severityViolation' : 'severityCaution')}</span>
        {kind === 'text' && <span class="kind">{t('photoTextKind')}</span>}
        {kind === 'reference' && <span class="kind">{t('photoReferenceKind')}</span>}
        <q class="evidence">{f.evidence}</q>
        {f.entity && <span class="entity">{f.entity.label}</span>}
      </div>
      {f.text && (
        <p class="words">
          {t('photoTextRead')}: <mark class="read">{f.text.words}</mark>
        </p>
      )}
      {photo?.thumb && <Thumb photo={photo} boxes={f.boxes ?? (f.hand ? [f.hand.box] : [])} />}
      <p class="why">{local(f.why, lang)}</p>
      <LegalBasis
        legalRef={f.ref}
        rule={f.rule}
        source={f.source}
        sanctions={f.sanctions}
        extra={f.hand ? ` · ${t('photoConfidence')} ${Math.round(f.hand.score * 100)}%` : ''}
      />
    </li>
  );
}

export function Photos({ report, lang, waitedOut }: { report: PhotoReport; lang: Lang; waitedOut: boolean }) {
  const done = report.photos.length - report.pending;
  return (
    <section class="photos" aria-live="polite">
      {report.pending > 0 && (
        <div class="checking" role="status" data-pending={report.pending}>
          <span>{t('photoCheckingN', String(done), String(report.photos.length))}</span>
          <progress max={report.photos.length} value={done} />
          {waitedOut && <p class="why">{t('photoStillChecking')}</p>}
        </div>
      )}
      {report.findings.length > 0 && (
        <ul class="findings">
          {report.findings.map((f, i) => (
            <FindingItem key={`p${i}`} f={f} photo={report.photos[f.image.index]} lang={lang} />
          ))}
        </ul>
      )}
      {report.unchecked.length > 0 && (
        <div class="unchecked" data-count={report.unchecked.length}>
          <div class="label">{t('photoUncheckedTitle')}</div>
          <p class="why">{t('photoUncheckedIntro')}</p>
          <ul>
            {report.unchecked.map((p) => (
              <li key={p.id} data-problem={p.problem ?? 'engine-failed'}>
                <b>{p.name}</b>: {problemText(p.problem ?? 'engine-failed', lang)}
              </li>
            ))}
          </ul>
        </div>
      )}
      {report.photos.some((p) => p.problem === 'animated') && <p class="note">{t('photoAnimatedNote')}</p>}
    </section>
  );
}

export const PHOTO_STYLES = `
.photos { margin: 8px 0; display: grid; gap: 8px; }
.photos .checking { background: #eff8ff; border: 1px solid #b2ddff; border-radius: 8px; padding: 8px 10px; }
.photos progress { width: 100%; }
.photos .kind { font-size: 12px; font-weight: 600; color: #344054; background: #f2f4f7; border-radius: 4px; padding: 1px 6px; }
.photos .words { margin: 4px 0; }
.photos .words mark { background: #fef0c7; color: inherit; padding: 0 2px; }
.photos .thumb { display: block; max-width: 100%; max-height: 220px; margin: 6px 0; border-radius: 6px; }
.photos .unchecked { border: 1px dashed #f79009; border-radius: 8px; padding: 8px 10px; }
.photos .unchecked ul { margin: 4px 0 0; padding-left: 18px; }
.marker.checking { background: #eff8ff; color: #175cd3; }
`;
