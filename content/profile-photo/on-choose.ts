/**
 * A picture the site uploads the moment it is chosen (Instagram's profile photo): the picker's
 * `change` event is stopped in the capture phase, before the site's listeners, while the picture is
 * checked; it is dispatched again, once, when the picture is clean or the person goes on. "Ubah"
 * drops the choice and empties the picker, so the same file can be chosen again.
 */
import { safeClosest } from '../../sites/types';
import type { AttachmentWatcher } from '../attachments';
import type { PhotoHold } from './hold';

export interface ChooseFlowOptions {
  picker: string;
  inFlow(el: Element): Element | null;
  /** Change events handed on to the site: the watcher and this hold let them through. */
  released: WeakSet<Event>;
  photos: AttachmentWatcher;
  held: PhotoHold;
  enabled(): boolean;
  signal: AbortSignal;
}

export function holdChoice({ picker, inFlow, released, photos, held, enabled, signal }: ChooseFlowOptions): void {
  const onChange = (e: Event) => {
    const input = e.target;
    if (released.has(e) || !(input instanceof HTMLInputElement) || input.type !== 'file' || !enabled()) return;
    if (!safeClosest(input, picker)) return;
    const scope = inFlow(input);
    if (!scope || !held.report(scope)?.needsAttention) return;
    // the site never sees this change unless the person goes on (the watcher, registered first, has the files)
    e.stopImmediatePropagation();
    if (held.busy()) return;
    held.hold(
      scope,
      scope.getClientRects().length ? scope : (input.closest('[role="dialog"]') ?? document.body),
      () => {
        if (!input.isConnected) return;
        const again = new Event('change', { bubbles: true });
        released.add(again);
        input.dispatchEvent(again);
        photos.clear(scope);
      },
      () => {
        input.value = '';
        photos.clear(scope);
      },
    );
  };
  window.addEventListener('change', onChange, { capture: true, signal });
}
