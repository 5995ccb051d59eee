/**
 * Engagement by keyboard shortcut (X: `l` likes the focused post): warned about like a click, once
 * per item. "Tetap lanjutkan" presses the post's own button once, since a replayed key press would
 * be untrusted and ignored by the site.
 */
import type { GuardContext } from './context';
import { passOn } from './engagement';
import type { WarningFlow } from './warning';

export function startEngagementKeys(ctx: GuardContext, flow: WarningFlow): void {
  const { adapter } = ctx;
  if (!adapter.engagementOfKey) return;
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.isComposing || ctx.isOwnEvent(e)) return;
    const hit = adapter.engagementOfKey!(e);
    if (!hit || !ctx.policy().enabled) return;
    ctx.recognised(hit.action);
    if (!flow.warnEngagement(hit, () => passOn(ctx, hit))) return;
    e.preventDefault();
    e.stopImmediatePropagation();
  };
  window.addEventListener('keydown', onKeyDown, { capture: true, signal: ctx.signal });
}
