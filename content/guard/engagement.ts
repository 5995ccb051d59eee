/** Like / Share / Repost / Follow clicks on content the engine rates as campaigning: warn once per item. */
import { HOST_TAG } from '../../components/ui';
import type { GuardContext } from './context';
import type { WarningFlow } from './warning';

export function startEngagementClick(ctx: GuardContext, flow: WarningFlow): void {
  const onClick = (e: MouseEvent) => {
    if (!(e.target instanceof Element) || e.target.closest(HOST_TAG)) return;
    const hit = ctx.adapter.engagementOf?.(e.target);
    if (!hit || ctx.isOwnClick(hit.button) || !ctx.policy().enabled) return;
    if (!flow.warnEngagement(hit, () => hit.button.isConnected && ctx.clickOnce(hit.button))) return;
    e.preventDefault();
    e.stopImmediatePropagation();
  };
  window.addEventListener('click', onClick, { capture: true, signal: ctx.signal });
}
