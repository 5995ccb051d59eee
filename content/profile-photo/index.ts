/**
 * Profile and cover pictures: changing one publishes it as surely as a post does. A picture chosen
 * in one of the site's profile flows (sites/profile-photos.ts) is checked as it is chosen, through
 * the same engine and packs as attached photos, and held where it would be published: the flow's
 * Save (the click waits while the check runs and warns before a picture with a finding, or one that
 * could not be checked, is saved), or — where the site uploads the moment a file is chosen — the
 * choice itself, which the site receives only once the picture is clean or the person goes on.
 * "Tetap kirim" passes the click or the choice on once; "Ubah" leaves everything as it was (a held
 * choice is forgotten, so the same file can be chosen again). Nothing of the site's own is changed.
 */
import type { Engine } from '../../lib/rules/engine';
import type { ProfilePhotoFlow } from '../../sites/profile-photos';
import { safeClosest, type SiteAdapter } from '../../sites/types';
import type { Ui } from '../../components/ui';
import type { SitePolicy } from '../guard';
import { watchAttachments, type AttachmentWatcher } from '../attachments';
import { photoHold } from './hold';
import { holdSave } from './on-save';
import { holdChoice } from './on-choose';

export interface ProfilePhotoOptions {
  adapter: SiteAdapter;
  flow: ProfilePhotoFlow;
  engine: () => Engine;
  policy: () => SitePolicy;
  ui: Ui;
  signal: AbortSignal;
  /** How long a held save or choice waits for a running check (ms). */
  waitMs?: number;
  /** How long a click on the flow's opener keeps it armed (ms). */
  armMs?: number;
  /** The watcher (tests); default: one over the flow's own pickers. */
  watcher?: AttachmentWatcher;
}

export function startProfilePhotos({
  adapter,
  flow,
  engine,
  policy,
  ui,
  signal,
  waitMs = 10_000,
  armMs = 10 * 60_000,
  watcher,
}: ProfilePhotoOptions): void {
  // the flow's scope is the "composer" its pictures belong to
  const scoped: SiteAdapter = {
    ...adapter,
    selectors: { ...adapter.selectors, editor: flow.scope, dialog: flow.scope },
    composerOf: (el) => safeClosest(el, flow.scope),
  };
  let armedUntil = -Infinity;
  const armed = () => !flow.armedBy || performance.now() < armedUntil;
  // a choice handed on to the site after it was held: the watcher took its files already
  const released = new WeakSet<Event>();
  const photos =
    watcher ??
    watchAttachments({
      adapter: scoped,
      media: { fileInput: `${flow.scope} ${flow.fileInput}`, ...(flow.armedBy ? { exclude: '[role="dialog"]' } : {}) },
      signal,
      when: armed,
      single: !!flow.armedBy || flow.publish === 'on-choose',
      skip: (e) => released.has(e),
    });
  const held = photoHold({ photos, engine, policy, ui, waitMs });
  const enabled = () => policy().enabled;

  // inside the flow: in its scope while armed (and, for a flow in the page, in no dialog)
  const inFlow = (el: Element): Element | null => {
    if (!armed()) return null;
    const scope = safeClosest(el, flow.scope);
    return scope && !(flow.armedBy && safeClosest(el, '[role="dialog"]')) ? scope : null;
  };

  if (flow.armedBy) {
    const opener = flow.armedBy;
    const arm = (e: MouseEvent) => {
      if (!(e.target instanceof Element) || !safeClosest(e.target, opener)) return;
      armedUntil = performance.now() + armMs;
      // a new round of the flow: a picture chosen and cancelled before no longer counts
      const scope = safeClosest(e.target, flow.scope);
      if (scope) photos.clear(scope);
    };
    window.addEventListener('click', arm, { capture: true, signal });
  }

  if (flow.publish === 'on-choose') holdChoice({ picker: flow.fileInput, inFlow, released, photos, held, enabled, signal });
  else holdSave({ save: flow.publish.save, inFlow, inPage: !!flow.armedBy, disarm: () => (armedUntil = -Infinity), photos, held, enabled, signal });
}
