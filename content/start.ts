/** What every site's content script does: start the guard for its adapter, with health reporting. */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { startGuard } from './guard';
import { createHealthReporter } from './health';
import { createUi } from '../components/ui';
import { createEngine } from '../lib/packs';
import type { Engine } from '../lib/rules/engine';
import { adapterWithOverrides } from '../sites/overrides';
import type { SiteId } from '../sites/types';
import { watchAttachments } from './attachments';

/**
 * @param overrides selector overrides, `{ [siteId]: { [selectorName]: selector } }` (sites/overrides.ts).
 *   Not wired to a source yet: issue #6 passes the managed policy's / rule pack's section here.
 */
export function startSite(site: SiteId, ctx: ContentScriptContext, overrides?: unknown): void {
  const { adapter } = adapterWithOverrides(site, overrides);
  let engine: Engine | undefined;
  const health = createHealthReporter(adapter.id, adapter.name);
  // photo check (issue #4): photos attached through the adapter's media inputs (and dropped or
  // pasted into a composer) are checked as they are attached, in the extension's engine
  const media = adapter.selectors.media;
  const watcher = media ? watchAttachments({ adapter, media: { fileInput: media }, signal: ctx.signal }) : undefined;
  startGuard({
    adapter,
    engine: () => (engine ??= createEngine()),
    ui: createUi(),
    signal: ctx.signal,
    onHealth: (problem) => health.degraded(problem),
    ...(watcher ? { photos: { watcher } } : {}),
  });
  health.ok();
  document.documentElement.setAttribute('data-jaga-netral', 'active');
  ctx.signal.addEventListener('abort', () => document.documentElement.removeAttribute('data-jaga-netral'));
}
