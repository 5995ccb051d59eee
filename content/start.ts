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
import { ownedScopes, PROFILE_PHOTOS } from '../sites/profile-photos';
import { startProfilePhotos } from './profile-photo';

/**
 * Starts the site's guard, and starts it again with a new adapter whenever the selector overrides in
 * force change (managed policy or an agency pack, `siteSelectors`): a fix reaches open tabs at once,
 * without a browser restart.
 *
 * @param overrides selector overrides, `{ [siteId]: { [selectorName]: selector } }` (sites/overrides.ts),
 *   under those of the policy and packs.
 */
export function startSite(site: SiteId, ctx: ContentScriptContext, overrides?: unknown): void {
  // policy, packs and history: read from the background's cache, never awaited on the submit path
  const settings = siteSettings(site, ctx.signal);
  const base = (overrides as Record<string, Record<string, string>> | undefined)?.[site] ?? {};
  let run: AbortController | undefined;
  let applied: string | undefined;

  const start = () => {
    const forSite = { ...base, ...settings.selectorOverrides() };
    const key = JSON.stringify(forSite);
    if (key === applied) return;
    applied = key;
    run?.abort();
    run = new AbortController();
    const signal = AbortSignal.any([ctx.signal, run.signal]);
    const { adapter } = adapterWithOverrides(site, { [site]: forSite });
    // a new adapter starts from a clean bill of health; it reports again what it doesn't recognise
    document.documentElement.removeAttribute('data-jaga-netral-health');
    const health = createHealthReporter(adapter.id, adapter.name);
    // one warning UI for the guard and the profile-picture check (the guard destroys it with its run)
    const ui = createUi();
    // photo check: photos attached through the adapter's media inputs (and dropped or pasted into a
    // composer) are checked as they are attached, in the extension's engine
    const media = adapter.selectors.media;
    const remove = MEDIA_REMOVE[site];
    const flows = PROFILE_PHOTOS[site] ?? [];
    const owned = ownedScopes(flows);
    const watcher = media
      ? watchAttachments({ adapter, media: { fileInput: media, ...(remove ? { remove } : {}), ...(owned ? { exclude: owned } : {}) }, signal })
      : undefined;
    startGuard({
      adapter,
      ...settings,
      ui,
      signal,
      onHealth: (problem) => health.degraded(problem),
      onRecognised: (thing) => health.recognised(thing),
      ...(watcher ? { photos: { watcher } } : {}),
    });
    // profile and cover pictures: checked when chosen, warned about before they are saved
    for (const flow of flows) startProfilePhotos({ adapter, flow, engine: settings.engine, policy: settings.policy, ui, signal });
    health.ok();
  };

  start();
  settings.onChange(start);
  answerStatus(site, settings, ctx.signal);
  document.documentElement.setAttribute('data-jaga-netral', 'active');
  ctx.signal.addEventListener('abort', () => document.documentElement.removeAttribute('data-jaga-netral'));
}
