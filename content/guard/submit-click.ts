/** Holding a submit click: the site's Post/Reply/Send button, pressed on a draft that needs the warning. */
import { isDisabled, submitOf } from '../../sites/types';
import { HOST_TAG } from '../../components/ui';
import type { GuardContext } from './context';
import type { WarningFlow } from './warning';

export function startSubmitClick(ctx: GuardContext, flow: WarningFlow): void {
  const { adapter } = ctx;
  const onClick = (e: MouseEvent) => {
    if (!(e.target instanceof Element)) return;
    // an engagement button is the engagement feature's, whatever it decided
    if (!e.target.closest(HOST_TAG) && adapter.engagementOf?.(e.target)) return;
    const button = submitOf(adapter, e.target);
    if (!button || ctx.isOwnClick(button)) return; // our own click after "Tetap kirim": exactly once
    if (isDisabled(button)) return;
    if (!ctx.policy().enabled) return;
    const composer = adapter.composerOf(button);
    if (!composer) return; // can't tell what it submits: stay out of the way
    const found = flow.check(composer);
    if (!found) return ctx.submitted(composer);
    e.preventDefault();
    e.stopImmediatePropagation();
    void flow.warnDraft(composer, button, 'submit', found);
  };
  window.addEventListener('click', onClick, { capture: true, signal: ctx.signal });
}
