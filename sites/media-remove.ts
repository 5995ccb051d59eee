/**
 * Per site: the controls that take attached photos out of a draft again, as data plus the few
 * functions that tell which photo a press takes out. A photo taken out no longer counts for the
 * warning. A site without an entry keeps every photo attached in the composer until it posts (the
 * safe side), and so does any press these rules cannot pin to one photo.
 *
 * Two kinds of control:
 * - "one" takes out the photo of the preview it sits in (X's "Remove media" cross; Facebook's cross
 *   on each preview in Create post; Instagram's delete on each thumbnail of the crop step's gallery).
 *   The photo is found from the preview's place among its sibling previews, and only when there are
 *   as many previews as photos (a grid that folds photos into "+3", a photo the site refused:
 *   nothing is taken out). That place is the photo's place in attach order until the previews are
 *   dragged into a new order; so each preview also carries its identity (the blob: URL its image is
 *   drawn from), which content/preview-pairing.ts pairs with a photo while the places still hold.
 * - "all" takes out every photo (Facebook's close on the whole media box; Instagram's Back from
 *   crop to the first step, which discards the post).
 * A control the site asks about first ("Buang postingan?" → "Buang") counts only when its confirm
 * button is the very next press; "Batal" or anything else and the photos keep counting.
 *
 * Structure first (roles, test ids, an image drawn from a blob: URL — the person's own file, never
 * an avatar); the labels, Indonesian and English, are the fallback Facebook and Instagram need for
 * their text- or icon-named div[role=button]s.
 */
import { labelIs, safeClosest, safeMatches, safeQueryAll, type SiteId } from './types';

export interface RemoveControl {
  takes: 'one' | 'all';
  /** What the control is (structure). */
  selector: string;
  /** Its label (aria-label, its text, or its icon's aria-label), when the structure alone names no removal. */
  labels?: readonly string[];
  /** An "all" control that counts only inside the box of previews (Facebook's close; not the dialog's other "Hapus" buttons). */
  inMedia?: boolean;
  /** The site asks first: the removal counts when the next press is on this. */
  confirm?: { selector: string; labels: readonly string[] };
}

export interface MediaRemoval {
  /**
   * An attached photo's preview image. Where given, a "one" control's photo is the nearest ancestor
   * holding exactly one such image, placed among its siblings that hold one; where not (X), the
   * n-th "one" control of the composer is the n-th photo.
   */
  photo?: string;
  controls: readonly RemoveControl[];
}

/**
 * What a press takes out: the index-th of `of` photos, or all of them. `keys`: the identities of the
 * previews the control sat among, in page order, when each has one of its own.
 */
export type Removal = { takes: 'one'; index: number; of: number; keys?: readonly string[] } | { takes: 'all' };

const BUTTON = '[role="button"], button';
const DIALOG_BUTTON = '[role="dialog"] [role="button"], [role="dialog"] button';
/** A preview of the person's own file: the sites draw it from an object URL. */
const OWN_IMAGE = 'img[src^="blob:"], [style*="blob:"]';
const CONFIRM_BUTTON = { selector: DIALOG_BUTTON, labels: ['Buang', 'Discard'] } as const;

export const MEDIA_REMOVE: Partial<Record<SiteId, MediaRemoval>> = {
  x: {
    controls: [
      {
        takes: 'one',
        selector: '[data-testid="attachments"] [role="button"][aria-label="Remove media"], [data-testid="attachments"] [role="button"][aria-label="Hapus media"]',
      },
    ],
  },
  facebook: {
    photo: OWN_IMAGE,
    controls: [
      // the cross on one preview and the close of the whole media box can both be "Hapus"/"Remove": where the
      // control sits tells them apart (in a preview of one photo, or in the box of all of them)
      { takes: 'one', selector: '[role="dialog"] [role="button"]', labels: ['Hapus', 'Remove', 'Hapus foto', 'Remove photo'] },
      { takes: 'all', selector: '[role="dialog"] [role="button"]', labels: ['Hapus', 'Remove'], inMedia: true },
    ],
  },
  instagram: {
    photo: OWN_IMAGE,
    controls: [
      // the gallery's delete asks "Buang foto?" on the live site; were it not to ask, the removal would just not count
      { takes: 'one', selector: DIALOG_BUTTON, labels: ['Hapus', 'Delete'], confirm: CONFIRM_BUTTON },
      // Back from the crop step to the first one discards the post ("Buang postingan?"); from later steps it asks nothing
      { takes: 'all', selector: DIALOG_BUTTON, labels: ['Kembali', 'Back'], confirm: CONFIRM_BUTTON },
    ],
  },
};

/** Is the element named by one of the labels: its own label or its icon's (Instagram names icon buttons by their svg)? */
function named(el: Element, labels: readonly string[]): boolean {
  if (labelIs(el, labels)) return true;
  const icon = safeQueryAll(el, 'svg[aria-label]')[0];
  return icon !== undefined && labelIs(icon, labels);
}

/** The button a press on `target` hits, when it is one of the site's remove controls (the innermost button: a thumbnail can itself be one). */
export function removeButtonAt(removal: MediaRemoval, target: Element): Element | null {
  const button = safeClosest(target, BUTTON);
  return button && removal.controls.some((c) => isControl(c, button)) ? button : null;
}

const isControl = (control: RemoveControl, button: Element) =>
  safeMatches(button, control.selector) && safeQueryAll(button, BUTTON).length === 0 && (!control.labels || named(button, control.labels));

const ownImagesIn = (el: Element, photo: string): Element[] => [...(safeMatches(el, photo) ? [el] : []), ...safeQueryAll(el, photo)];

/** The nearest ancestor of `el` (itself included) that holds at least one preview image. */
function previewHolder(el: Element, photo: string): Element | null {
  for (let a: Element | null = el; a && a !== document.documentElement; a = a.parentElement) if (ownImagesIn(a, photo).length) return a;
  return null;
}

/** A preview's identity: the blob: URL of its one image (an img's src, or a CSS background). */
function previewKey(preview: Element, photo: string): string | null {
  const images = ownImagesIn(preview, photo);
  if (images.length !== 1) return null;
  const src = images[0]!.getAttribute('src');
  if (src?.startsWith('blob:')) return src;
  return /url\(\s*["']?(blob:[^"')\s]+)/.exec(images[0]!.getAttribute('style') ?? '')?.[1] ?? null;
}

/** The previews among which `holder` sits (itself included), in page order: its siblings that hold a preview image. */
const previewsBeside = (holder: Element, photo: string): Element[] =>
  Array.from(holder.parentElement?.children ?? [holder]).filter((s) => ownImagesIn(s, photo).length > 0);

/** The identities of the previews, when each has one and no two are the same. */
function keysOf(previews: readonly Element[], photo: string): string[] | undefined {
  const keys = previews.map((p) => previewKey(p, photo));
  return keys.every((k): k is string => k !== null) && new Set(keys).size === keys.length ? keys : undefined;
}

/** The preview `el` sits in (the nearest ancestor holding exactly one preview image, inside the composer and without its editor), its sibling previews (itself included, in page order) and their identities. */
function previewIn(el: Element, photo: string, composer: Element, editor: string): { preview: Element; previews: Element[]; keys?: string[] } | null {
  const holder = previewHolder(el, photo);
  if (!holder || !composer.contains(holder) || ownImagesIn(holder, photo).length !== 1) return null;
  if (safeQueryAll(holder, editor).length > 0) return null;
  const previews = previewsBeside(holder, photo);
  const keys = keysOf(previews, photo);
  return { preview: holder, previews, ...(keys ? { keys } : {}) };
}

/** The photo preview a press on `el` in `composer` lands on (never the composer itself); null when the press is on no preview. */
export function previewAt(removal: MediaRemoval, el: Element, composer: Element, editor: string): { preview: Element; previews: Element[]; keys?: string[] } | null {
  const at = removal.photo ? previewIn(el, removal.photo, composer, editor) : null;
  return at && at.preview !== composer ? at : null;
}

/**
 * What a press on `button` takes out of `composer`, which holds `photos` photos: the first of the
 * site's controls that the button is and that can tell its photo for sure; null when none can.
 */
export function removalAt(removal: MediaRemoval, button: Element, composer: Element, photos: number, editor: string): { removal: Removal; control: RemoveControl } | null {
  for (const control of removal.controls) {
    if (!isControl(control, button)) continue;
    const found = removal.photo ? byPreview(removal.photo, control, button, composer, photos, editor) : byOrder(control, button, composer, photos);
    if (found) return { removal: found, control };
  }
  return null;
}

/** One control per photo, in attach order (X). */
function byOrder(control: RemoveControl, button: Element, composer: Element, photos: number): Removal | null {
  if (control.takes === 'all') return { takes: 'all' };
  const all = safeQueryAll<Element>(composer, control.selector).filter((b) => isControl(control, b));
  const index = all.indexOf(button);
  return index >= 0 && all.length === photos ? { takes: 'one', index, of: photos } : null;
}

/** By the preview the control sits in: its place among the previews, which must be one per photo. */
function byPreview(photo: string, control: RemoveControl, button: Element, composer: Element, photos: number, editor: string): Removal | null {
  if (control.takes === 'one') {
    const at = previewIn(button, photo, composer, editor);
    if (!at) return null;
    const index = at.previews.indexOf(at.preview);
    const onePerPhoto = at.previews.length === photos && at.previews.every((s) => ownImagesIn(s, photo).length === 1);
    return index >= 0 && onePerPhoto ? { takes: 'one', index, of: photos, ...(at.keys ? { keys: at.keys } : {}) } : null;
  }
  const holder = previewHolder(button, photo);
  if (!holder || !composer.contains(holder)) return control.inMedia ? null : { takes: 'all' };
  // the box of previews never holds the editor: a "Hapus" elsewhere in the dialog (a place, a tag) takes no photo
  return safeQueryAll(holder, editor).length > 0 ? null : { takes: 'all' };
}

/** Is a press on `target` the confirm a removal asked for? */
export function confirms(control: RemoveControl, target: Element): boolean {
  const c = control.confirm;
  if (!c) return false;
  const button = safeClosest(target, c.selector);
  return button !== null && named(button, c.labels);
}
