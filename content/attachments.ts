/**
 * The attachment watcher: catches photos as they are attached to a composer (file picker, drag
 * and drop, paste), checks them at once through the extension's hand engine, and keeps the
 * result per composer so that by the time Post is pressed the verdict is usually ready.
 *
 * It only reads what the person attaches: the site's own handling of the file is untouched.
 * A site plugs in with a MediaAdapter (which inputs attach media); composers come from its
 * SiteAdapter.
 */
import { safeClosest, type SiteAdapter } from '../sites/types';
import { confirms, previewAt, removalAt, removeButtonAt, type MediaRemoval, type RemoveControl, type Removal } from '../sites/media-remove';
import { PreviewPairing } from './preview-pairing';
import { watchPreviewDrags } from './preview-drag';

/** querySelector that treats a broken selector (selectors can come from data) as no match. */
function safeQuery(root: Element, selector: string): Element | null {
  try {
    return root.querySelector(selector);
  } catch {
    return null;
  }
}
import type { ImageAnalysis, ImageProblem } from '../lib/vision/types';
import { triage } from '../lib/vision/sniff';
import { MSG_ANALYSE, MSG_WARM, toBase64, type AnalyseResponse } from '../vision/protocol';

export interface MediaAdapter {
  /** File inputs that attach media to the composer they sit in. */
  fileInput: string;
  /** The controls that take attached photos out of the draft again (sites/media-remove.ts). */
  remove?: MediaRemoval;
  /** Places whose pickers and drops another watcher owns (the profile-photo flow's dialog). */
  exclude?: string;
}

export type PhotoStatus = 'checking' | 'done' | 'failed';

export interface Photo {
  id: number;
  name: string;
  status: PhotoStatus;
  /** Small copy for the warning (drawn into a canvas: no data: URL, so no page CSP issue). */
  thumb?: ImageBitmap;
  /** Size of the image the engine analysed (boxes are in these pixels). */
  width?: number;
  height?: number;
  analysis?: ImageAnalysis;
  problem?: ImageProblem;
  detail?: string;
}

export interface ComposerPhotos {
  photos: Photo[];
  pending: number;
}

export interface AttachmentWatcher {
  /** The photos attached to a composer, or null if none. */
  photosOf(composer: Element): ComposerPhotos | null;
  /** Resolves when every photo of the composer is checked, or after timeoutMs (false). */
  settle(composer: Element, timeoutMs: number): Promise<boolean>;
  /** Forget a composer's photos (after it posted). */
  clear(composer: Element): void;
  /** Called whenever a photo's state changes. */
  subscribe(cb: (composer: Element) => void): () => void;
}

export interface WatchOptions {
  adapter: SiteAdapter;
  media: MediaAdapter;
  signal: AbortSignal;
  /** Sends one image to the engine; default: the extension's background. */
  send?: (data: string, name: string) => Promise<AnalyseResponse>;
  /** Asks the engine to load ahead of a photo; default: the extension's background. */
  warm?: () => void;
  /** Attachments count only while this holds (a flow armed by a click; default: always). */
  when?: () => boolean;
  /** A new choice replaces the composer's earlier photos (a picture picker, where the last choice is what is saved). */
  single?: boolean;
  /** Events this watcher must not take (a choice handed on again by whoever held it). */
  skip?: (e: Event) => boolean;
}

/** At most one warm-up request in this long (the engine idles out after 60 s). */
export const WARM_EVERY_MS = 30_000;

/** Longest side sent to the engine, and of the thumbnail. */
export const SEND_SIDE = 1280;
export const THUMB_SIDE = 360;
/** Files above this are not read at all. */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;

const defaultSend = (data: string, name: string) =>
  browser.runtime.sendMessage({ type: MSG_ANALYSE, data, name }) as Promise<AnalyseResponse>;
const defaultWarm = () => void browser.runtime.sendMessage({ type: MSG_WARM }).catch(() => {});

function isImageFile(f: File): boolean {
  if (f.type.startsWith('image/')) return true;
  if (f.type.startsWith('video/') || f.type.startsWith('audio/')) return false;
  return /\.(jpe?g|png|gif|webp|bmp|avif|heic|heif|svg)$/i.test(f.name) || f.type === '';
}

async function scaled(bytes: Uint8Array, w: number | undefined, h: number | undefined, side: number): Promise<ImageBitmap> {
  const blob = new Blob([bytes as BlobPart]);
  if (w && h && Math.max(w, h) > side) {
    const s = side / Math.max(w, h);
    return createImageBitmap(blob, { resizeWidth: Math.max(1, Math.round(w * s)), resizeHeight: Math.max(1, Math.round(h * s)), resizeQuality: 'medium' });
  }
  return createImageBitmap(blob);
}

/**
 * The bytes of a Blob (or File) in this script's own memory. In a Firefox content script, DOM
 * objects (the page's File, an OffscreenCanvas blob) hand back buffers owned by the page's
 * compartment, and typed-array methods on them (subarray, used to encode) fail with 'Permission
 * denied to access property "constructor"'; copying into a buffer made here avoids that. In
 * Chrome it's one extra copy of at most a few MB.
 */
export async function ownBytes(blob: Blob): Promise<Uint8Array> {
  const foreign = new Uint8Array(await blob.arrayBuffer());
  const own = new Uint8Array(foreign.length);
  own.set(foreign);
  return own;
}

async function encodeJpeg(bitmap: ImageBitmap): Promise<Uint8Array> {
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  canvas.getContext('2d')!.drawImage(bitmap, 0, 0);
  return ownBytes(await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.9 }));
}

export function watchAttachments({ adapter, media, signal, send = defaultSend, warm = defaultWarm, when, single, skip }: WatchOptions): AttachmentWatcher {
  const byComposer = new Map<Element, Photo[]>();
  /** Which photo each of a composer's previews shows (sites whose removals go by preview). */
  const pairings = new Map<Element, PreviewPairing<Photo>>();
  const pairingOf = (composer: Element) => {
    let pairing = pairings.get(composer);
    if (!pairing) pairings.set(composer, (pairing = new PreviewPairing<Photo>()));
    return pairing;
  };
  const listeners = new Set<(c: Element) => void>();
  let nextId = 0;

  const notify = (c: Element) => {
    for (const l of listeners) {
      try {
        l(c);
      } catch (err) {
        console.warn('[jaga-netral] photo listener failed', err);
      }
    }
  };

  const check = async (composer: Element, photo: Photo, file: File) => {
    const finish = (patch: Partial<Photo>) => {
      // the warning lists the photo as unchecked; the reason is for whoever looks at the console
      if (patch.status === 'failed') console.warn(`[jaga-netral] photo ${file.name} not checked: ${patch.problem}: ${patch.detail ?? ''}`);
      Object.assign(photo, patch);
      notify(composer);
    };
    try {
      if (file.size === 0) return finish({ status: 'done', problem: 'empty' });
      if (file.size > MAX_FILE_BYTES) return finish({ status: 'done', problem: 'too-large', detail: `${file.size} bytes` });
      const bytes = await ownBytes(file);
      const tri = triage(bytes);
      if (!tri.ok) return finish({ status: 'done', problem: tri.problem, detail: tri.sniff.format });
      let bitmap: ImageBitmap;
      try {
        bitmap = await scaled(bytes, tri.sniff.width, tri.sniff.height, SEND_SIDE);
      } catch {
        return finish({ status: 'done', problem: 'corrupt' });
      }
      let data: string;
      try {
        photo.thumb = await createImageBitmap(bitmap, {
          resizeWidth: Math.max(1, Math.round(bitmap.width * Math.min(1, THUMB_SIDE / Math.max(bitmap.width, bitmap.height)))),
          resizeHeight: Math.max(1, Math.round(bitmap.height * Math.min(1, THUMB_SIDE / Math.max(bitmap.width, bitmap.height)))),
          resizeQuality: 'medium',
        });
        photo.width = bitmap.width;
        photo.height = bitmap.height;
        data = toBase64(await encodeJpeg(bitmap));
      } finally {
        bitmap.close();
      }
      notify(composer); // thumbnail ready
      const res = await send(data, file.name);
      if (!res) return finish({ status: 'failed', problem: 'engine-failed', detail: 'no answer' });
      if (!res.ok) return finish({ status: 'failed', problem: res.problem, detail: res.detail });
      finish({
        status: 'done',
        analysis: res.analysis,
        width: res.analysis.width || photo.width,
        height: res.analysis.height || photo.height,
        ...(tri.note ? { problem: tri.note } : res.analysis.problem ? { problem: res.analysis.problem } : {}),
      });
    } catch (err) {
      finish({ status: 'failed', problem: 'engine-failed', detail: String((err as Error)?.message ?? err) });
    }
  };

  /**
   * The composer the attachment belongs to, as the guard names it (the one its editors give). A
   * dialog whose text box comes later (Instagram picks the photo first, the caption box appears
   * at the last step) is its own composer: the dialog element stays the same through the steps.
   */
  const composerFor = (anchor: Element): Element | null => {
    const editorSel = adapter.selectors.editor;
    const own = safeClosest(anchor, editorSel);
    if (own) return adapter.composerOf(own);
    const dialog = safeClosest(anchor, adapter.selectors.dialog);
    for (let a: Element | null = anchor; a && a !== document.documentElement; a = a.parentElement) {
      const editor = safeQuery(a, editorSel);
      if (!editor) {
        if (a === dialog) return dialog; // no text box in this dialog yet
        continue;
      }
      // only if the anchor is inside that composer (a drop on the timeline attaches nothing)
      const composer = adapter.composerOf(editor);
      return composer?.contains(anchor) ? composer : null;
    }
    return null;
  };

  const attach = (anchor: Element, files: readonly File[]) => {
    const images = files.filter(isImageFile);
    if (!images.length || (media.exclude && safeClosest(anchor, media.exclude)) || (when && !when())) return;
    const composer = composerFor(anchor);
    if (!composer) return;
    if (single) {
      for (const p of byComposer.get(composer)?.splice(0) ?? []) p.thumb?.close();
      pairings.delete(composer);
    }
    const list = byComposer.get(composer) ?? [];
    byComposer.set(composer, list);
    for (const file of images) {
      const photo: Photo = { id: nextId++, name: file.name || 'foto', status: 'checking' };
      list.push(photo);
      void check(composer, photo, file);
    }
    notify(composer);
  };

  const onChange = (e: Event) => {
    if (skip?.(e)) return;
    const input = e.target;
    if (!(input instanceof HTMLInputElement) || input.type !== 'file' || !safeClosest(input, media.fileInput)) return;
    attach(input, Array.from(input.files ?? []));
  };
  const onDrop = (e: DragEvent) => {
    if (!(e.target instanceof Element) || !e.dataTransfer?.files.length) return;
    attach(e.target, Array.from(e.dataTransfer.files));
  };
  const onPaste = (e: ClipboardEvent) => {
    if (!(e.target instanceof Element) || !e.clipboardData?.files.length) return;
    attach(e.target, Array.from(e.clipboardData.files));
  };

  // The engines take about a second to load: start them when a photo may be coming — a composer
  // got focus, or its file picker is about to open — so the photo itself pays only the check.
  let warmedAt = -Infinity;
  const maybeWarm = (target: EventTarget | null) => {
    if (!(target instanceof Element)) return;
    const picker = target instanceof HTMLInputElement && target.type === 'file' && safeClosest(target, media.fileInput);
    if (!picker && !safeClosest(target, adapter.selectors.editor)) return;
    const now = performance.now();
    if (now - warmedAt < WARM_EVERY_MS) return;
    warmedAt = now;
    warm();
  };
  const onFocus = (e: FocusEvent) => maybeWarm(e.target);

  /**
   * A photo taken out of the draft no longer counts. Which photo a remove control takes out is the
   * site's data (sites/media-remove.ts); when it cannot be told for sure (the previews and the
   * photos don't pair up: a photo the site refused, a video among them; previews dragged into a new
   * order whose photos were not paired by identity before), nothing is dropped: the safe side. A
   * removal the site asks about first waits for its confirm as the very next press.
   */
  let asked: { composer: Element; removal: Removal; control: RemoveControl } | null = null;
  const drop = (composer: Element, removal: Removal) => {
    const photos = byComposer.get(composer);
    if (!photos?.length) return;
    if (removal.takes === 'all') {
      for (const p of photos.splice(0)) p.thumb?.close();
      pairings.delete(composer);
    } else {
      if (photos.length !== removal.of) return;
      const photo = media.remove?.photo ? pairingOf(composer).photoFor(removal.index, removal.keys, photos) : photos[removal.index];
      if (!photo) return;
      photos.splice(photos.indexOf(photo), 1);
      photo.thumb?.close();
    }
    notify(composer);
  };
  const maybeRemove = (target: EventTarget | null) => {
    const held = asked;
    asked = null;
    if (!media.remove || !(target instanceof Element)) return;
    if (held && confirms(held.control, target)) return drop(held.composer, held.removal);
    const button = removeButtonAt(media.remove, target);
    const composer = button && composerFor(button);
    const photos = composer && byComposer.get(composer);
    if (!button || !composer || !photos?.length) return;
    const found = removalAt(media.remove, button, composer, photos.length, adapter.selectors.editor);
    if (!found) return;
    if (found.control.confirm) asked = { composer, ...found };
    else drop(composer, found.removal);
  };
  // the site's photo button clicks its hidden file input: that click is the picker opening
  const onClick = (e: MouseEvent) => {
    maybeWarm(e.target);
    maybeRemove(e.target);
  };

  // a preview pressed is paired with its photo while the order is still the attach order; a drag may reorder
  if (media.remove?.photo) {
    const remove = media.remove;
    watchPreviewDrags({
      at: (target) => {
        if (!byComposer.size) return null; // no photo attached anywhere: a press costs nothing
        const composer = composerFor(target);
        const photos = composer ? byComposer.get(composer) : undefined;
        const preview = composer && photos?.length ? previewAt(remove, target, composer, adapter.selectors.editor) : null;
        return composer && photos && preview ? { composer, photos, keys: preview.keys } : null;
      },
      onPress: ({ composer, photos, keys }) => keys && pairingOf(composer).learn(keys, photos),
      onDrag: ({ composer }) => pairingOf(composer).reordered(),
      signal,
    });
  }

  const opts = { capture: true, signal } as const;
  window.addEventListener('focusin', onFocus, opts);
  window.addEventListener('click', onClick, opts);
  window.addEventListener('change', onChange, opts);
  window.addEventListener('drop', onDrop, opts);
  window.addEventListener('paste', onPaste, opts);

  const view = (composer: Element): ComposerPhotos | null => {
    const photos = byComposer.get(composer);
    if (!photos?.length) return null;
    return { photos, pending: photos.filter((p) => p.status === 'checking').length };
  };

  return {
    photosOf: view,
    settle(composer, timeoutMs) {
      return new Promise<boolean>((resolve) => {
        const done = () => (view(composer)?.pending ?? 0) === 0;
        if (done()) return resolve(true);
        const timer = setTimeout(() => {
          off();
          resolve(false);
        }, timeoutMs);
        const off = this.subscribe((c) => {
          if (c !== composer || !done()) return;
          clearTimeout(timer);
          off();
          resolve(true);
        });
      });
    },
    clear(composer) {
      const photos = byComposer.get(composer);
      if (!photos) return;
      for (const p of photos) p.thumb?.close();
      byComposer.delete(composer);
      pairings.delete(composer);
      notify(composer);
    },
    subscribe(cb) {
      listeners.add(cb);
      return () => listeners.delete(cb);
    },
  };
}
