/** What every site's content script does: start the guard for its adapter, with health reporting. */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { startGuard } from './guard';
import { createHealthReporter } from './health';
import { createUi } from '../components/ui';
import { createEngine } from '../lib/packs';
import type { Engine } from '../lib/rules/engine';
import type { SiteAdapter } from '../sites/types';

export function startSite(adapter: SiteAdapter, ctx: ContentScriptContext): void {
  let engine: Engine | undefined;
  const health = createHealthReporter(adapter.id, adapter.name);
  startGuard({
    adapter,
    engine: () => (engine ??= createEngine()),
    ui: createUi(),
    signal: ctx.signal,
    onHealth: (problem) => health.degraded(problem),
  });
  health.ok();
  document.documentElement.setAttribute('data-jaga-netral', 'active');
  ctx.signal.addEventListener('abort', () => document.documentElement.removeAttribute('data-jaga-netral'));
}
