/** Holding a submit key: Ctrl/Cmd+Enter on X, Enter in a comment box, on a draft that needs the warning. */
import type { GuardContext } from './context';
import { heldKey, type WarningFlow } from './warning';

export function startSubmitKey(ctx: GuardContext, flow: WarningFlow): void {
  const { adapter } = ctx;
  const onKeyDown = (e: KeyboardEvent) => {
    if (ctx.isOwnEvent(e)) return; // the one replay after "Tetap kirim"
    if (e.isComposing || e.keyCode === 229) return; // IME composition: not a submit
    if (e.key !== 'Enter') return;
    if (!ctx.policy().enabled) return;
    const editor = ctx.editorOf(e.target);
    if (!editor || !adapter.isSubmitKey(e, editor)) return;
    const composer = adapter.composerOf(editor);
    if (!composer) return;
    ctx.lastEditor.set(composer, editor);
    // read now: some sites (Facebook comments) clear the box as soon as their own handler runs
    const found = flow.check(composer);
    if (!found) return ctx.submitted(composer);
    e.preventDefault();
    e.stopImmediatePropagation();
    void flow.warnDraft(composer, null, 'submit', found, heldKey(e));
  };
  window.addEventListener('keydown', onKeyDown, { capture: true, signal: ctx.signal });
}
