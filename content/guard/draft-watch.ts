/**
 * Drafts as they are typed: each composer's draft is checked shortly after typing stops, so that
 * pressing Post costs a lookup, not an analysis; the draft marker shows what was found. Writing boxes
 * the adapter does not recognise are reported (the site's markup changed), and each editor's caret is
 * kept as it loses focus, for the warning to hand it back.
 */
import { readDraft } from '../../sites/types';
import { HOST_TAG } from '../../components/ui';
import { t } from '../../components/i18n';
import { saveCaret } from '../caret';
import type { GuardContext } from './context';
import { combine, type PhotoWait } from './photo-wait';
import type { WarningFlow } from './warning';

export function startDraftWatch(ctx: GuardContext, flow: WarningFlow, photos: PhotoWait | null): void {
  const { adapter, ui } = ctx;
  const pending = new Set<Element>();
  let timer: ReturnType<typeof setTimeout> | undefined;

  const refresh = (composer: Element) => {
    if (!composer.isConnected || !ctx.policy().enabled) return ui.setMarker(composer, null);
    const { text } = readDraft(adapter, composer);
    flow.remember(composer, text);
    const a0 = text.trim() ? ctx.analyze(text) : null;
    const pr = photos?.reportOf(composer) ?? null;
    const a = pr ? combine(a0, pr) : a0;
    if (pr && pr.pending > 0 && (!a || a.verdict === 'ok')) {
      return ui.setMarker(composer, { count: 0, verdict: 'caution', rect: () => ctx.editorsRect(composer), onOpen: () => {}, note: t('photoChecking') });
    }
    if (!a || a.verdict === 'ok') return ui.setMarker(composer, null);
    ui.setMarker(composer, {
      count: a.findings.length + (pr ? pr.findings.length + pr.unchecked.length : 0),
      verdict: a.verdict,
      rect: () => ctx.editorsRect(composer),
      onOpen: () => void flow.warnDraft(composer, null, 'preview'),
    });
  };

  const schedule = (composer: Element) => {
    pending.add(composer);
    clearTimeout(timer);
    timer = setTimeout(() => {
      for (const c of pending) refresh(c);
      pending.clear();
    }, ctx.debounceMs);
  };

  /** A box the person writes in that the adapter does not know: the site's markup has changed. */
  const checkUnknownEditable = (target: EventTarget | null) => {
    if (!(target instanceof Element) || target.closest(HOST_TAG)) return;
    // rich-text boxes only: plain textareas are also bios, search and settings fields
    const box = target.closest('[contenteditable]:not([contenteditable="false"])');
    if (!box || adapter.ignores?.(box)) return;
    ctx.report('editor', `a writing box that matches none of the ${adapter.name} editor selectors`);
  };

  const onDraftEvent = (e: Event) => {
    const editor = ctx.editorOf(e.target);
    if (!editor) {
      if (e.type === 'input') checkUnknownEditable(e.target);
      return;
    }
    const composer = adapter.composerOf(editor);
    if (!composer) {
      if (e.type === 'input') ctx.report('composer', 'an editor outside any known composer');
      return;
    }
    if (e.type === 'input') {
      ctx.recognised('composer');
      if (adapter.submitButtonOf(composer) || adapter.submitsOnEnter?.(editor)) ctx.recognised('submit');
      else ctx.report('submit', 'a composer without a known submit button');
    }
    ctx.lastEditor.set(composer, editor);
    schedule(composer);
  };

  /** Runs before the editor's own blur handling (capture on window), while the selection is intact. */
  const onFocusOut = (e: FocusEvent) => {
    const editor = ctx.editorOf(e.target);
    if (!editor) return;
    const caret = saveCaret(editor);
    if (caret) ctx.carets.set(editor, caret);
    // the draft as it leaves the person's hands: a later step may take the editor away before the debounce
    const composer = adapter.composerOf(editor);
    if (composer) flow.remember(composer, readDraft(adapter, composer).text);
  };

  photos?.subscribe((composer) => refresh(composer));
  // the site clears the composer after posting; drop the marker once it has
  ctx.onSubmitted((composer) => {
    for (const ms of [300, 1500]) setTimeout(() => refresh(composer), ms);
  });

  const opts = { capture: true, signal: ctx.signal } as const;
  window.addEventListener('focusout', onFocusOut, opts);
  for (const type of ['input', 'focusin', 'paste', 'drop', 'compositionend']) window.addEventListener(type, onDraftEvent, opts);
  ctx.signal.addEventListener('abort', () => clearTimeout(timer));
}
