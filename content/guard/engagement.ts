/** Like / Share / Repost / Follow clicks on content the engine rates as campaigning: warn once per item. */
import { HOST_TAG } from '../../components/ui';
import type { Engagement } from '../../sites/types';
import type { GuardContext } from './context';
import type { WarningFlow } from './warning';

/** How long a reopened menu may take to show its item again (ms). */
const REOPEN_WAIT_MS = 3000;

/** Press the engagement's button once for the person; a menu item whose menu closed meanwhile is reached again through its opener. */
export function passOn(ctx: GuardContext, hit: Engagement): void {
  if (hit.button.isConnected) return ctx.clickOnce(hit.button);
  const reopen = hit.reopen;
  if (!reopen?.opener.isConnected) return;
  ctx.clickOnce(reopen.opener);
  const started = performance.now();
  const look = () => {
    const again = reopen.find();
    if (again) return ctx.clickOnce(again);
    if (performance.now() - started < REOPEN_WAIT_MS && !ctx.signal.aborted) requestAnimationFrame(look);
  };
  look();
}

export function startEngagementClick(ctx: GuardContext, flow: WarningFlow): void {
  const onClick = (e: MouseEvent) => {
    if (!(e.target instanceof Element) || e.target.closest(HOST_TAG)) return;
    const hit = ctx.adapter.engagementOf?.(e.target);
    if (!hit || ctx.isOwnClick(hit.button) || !ctx.policy().enabled) return;
    ctx.recognised(hit.action);
    if (!flow.warnEngagement(hit, () => passOn(ctx, hit))) return;
    e.preventDefault();
    e.stopImmediatePropagation();
  };
  window.addEventListener('click', onClick, { capture: true, signal: ctx.signal });
}
