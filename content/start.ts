/** What every site's content script does: start the guard for its adapter, with health reporting, the agency policy and the private history. */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { startGuard } from './guard';
import { createHealthReporter } from './health';
import { answerStatus, siteSettings } from './site-settings';
import { createUi } from '../components/ui';
import { adapterWithOverrides } from '../sites/overrides';
import type { SiteId } from '../sites/types';
import { watchAttachments } from './attachments';
import { MEDIA_REMOVE } from '../sites/media-remove';
import { PROFILE_PHOTOS } from '../sites/profile-photos';
import { startProfilePhotos } from './profile-photo';

/**
 * @param overrides selector overrides, `{ [siteId]: { [selectorName]: selector } }` (sites/overrides.ts).
 *   Not wired to a source yet (not part of the managed policy keys of issue #6).
 */
export function startSite(site: SiteId, ctx: ContentScriptContext, overrides?: unknown): void {
  const { adapter } = adapterWithOverrides(site, overrides);
  const health = createHealthReporter(adapter.id, adapter.name);
  // policy, packs and history: read from the background's cache, never awaited on the submit path
  const settings = siteSettings(site, ctx.signal);
  const ui = createUi();
  // photo check (issue #4): photos attached through the adapter's media inputs (and dropped or
  // pasted into a composer) are checked as they are attached, in the extension's engine
  const media = adapter.selectors.media;
  const remove = MEDIA_REMOVE[site];
  const profile = PROFILE_PHOTOS[site];
  const watcher = media
    ? watchAttachments({ adapter, media: { fileInput: media, ...(remove ? { remove } : {}), ...(profile ? { exclude: profile.scope } : {}) }, signal: ctx.signal })
    : undefined;
  startGuard({
    adapter,
    ...settings,
    ui,
    signal: ctx.signal,
    onHealth: (problem) => health.degraded(problem),
    ...(watcher ? { photos: { watcher } } : {}),
  });
  // profile and cover pictures: checked when chosen, warned about before they are saved
  if (profile) startProfilePhotos({ adapter, flow: profile, engine: settings.engine, policy: settings.policy, ui, signal: ctx.signal });
  answerStatus(site, settings, ctx.signal);
  health.ok();
  document.documentElement.setAttribute('data-jaga-netral', 'active');
  ctx.signal.addEventListener('abort', () => document.documentElement.removeAttribute('data-jaga-netral'));
}
