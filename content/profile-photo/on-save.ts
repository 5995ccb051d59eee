/**
 * A picture published by a Save button (X's Edit profile, Facebook's profile picture dialog and its
 * cover photo bar): the click is held while the picture is checked, and passed on once if the
 * person goes on. A flow in the page itself (no dialog that closes with it) starts afresh after.
 */
import { safeClosest } from '../../sites/types';
import type { AttachmentWatcher } from '../attachments';
import type { PhotoHold } from './hold';

export interface SaveFlowOptions {
  save: string;
  inFlow(el: Element): Element | null;
  /** The flow stands in the page (armed by an opener): anchor at the button, forget after saving. */
  inPage: boolean;
  disarm(): void;
  photos: AttachmentWatcher;
  held: PhotoHold;
  enabled(): boolean;
  signal: AbortSignal;
}

export function holdSave({ save: saveSel, inFlow, inPage, disarm, photos, held, enabled, signal }: SaveFlowOptions): void {
  let allowOnce: Element | null = null;
  const onClick = (e: MouseEvent) => {
    if (!(e.target instanceof Element) || !enabled()) return;
    const save = safeClosest(e.target, saveSel);
    const scope = save && inFlow(save);
    if (!save || !scope) return;
    if (allowOnce === save) return;
    if (!held.report(scope)?.needsAttention) return;
    e.preventDefault();
    e.stopImmediatePropagation();
    if (held.busy()) return;
    held.hold(
      scope,
      inPage ? save : scope,
      () => {
        if (!save.isConnected) return;
        allowOnce = save;
        (save as HTMLElement).click();
        allowOnce = null;
        if (inPage) {
          photos.clear(scope);
          disarm();
        }
      },
      () => {},
    );
  };
  window.addEventListener('click', onClick, { capture: true, signal });
}
