/**
 * Per site: where a profile or cover picture is chosen and how it is published. Data only, like
 * the adapters; read by content/profile-photo/. A site may have several flows.
 *
 *  - scope: the element the flow happens in; the pictures chosen in it are judged together
 *  - fileInput: the pickers of the new picture inside it
 *  - publish: how the picture goes out —
 *      { save }: a button publishes it (X's Edit profile, Facebook's profile picture dialog and
 *                its cover photo bar): the click on it is held;
 *      'on-choose': the site uploads the file as soon as it is chosen (Instagram's profile photo):
 *                the choice itself (the picker's `change` event) is held, and handed to the site
 *                once, when the person decides to go on.
 *  - armedBy: for a picker that stands in no dialog of its own (Facebook's cover photo: a menu on
 *    the profile page opens a file input anywhere in the page), a click on one of these arms the
 *    flow; only then is a picker outside any dialog taken as the flow's.
 *
 * X: the Edit profile dialog holds both the header and the avatar picker and one Save button; its
 * crop step ("Apply") comes before Save and needs no warning of its own.
 * Facebook: the "Perbarui foto profil" / "Update profile picture" dialog (picker, then Simpan/Save),
 * and the cover photo: "Edit foto sampul" / "Edit cover photo" → "Unggah foto" → a bar over the
 * page with "Simpan perubahan" / "Save changes" (labels are all Facebook's buttons carry).
 * Instagram: "Ubah foto profil" / "Change profile photo" → "Unggah Foto" clicks a hidden picker
 * that takes JPEG and PNG only (the new-post picker also takes HEIC and video), in a multipart
 * form; the upload starts on its change event.
 */
import type { SiteId } from './types';

export interface ProfilePhotoFlow {
  scope: string;
  fileInput: string;
  publish: { save: string } | 'on-choose';
  armedBy?: string;
}

export const PROFILE_PHOTOS: Partial<Record<SiteId, ProfilePhotoFlow[]>> = {
  x: [
    {
      scope: '[role="dialog"]:has([data-testid="Profile_Save_Button"])',
      fileInput: 'input[type="file"]',
      publish: { save: '[data-testid="Profile_Save_Button"]' },
    },
  ],
  facebook: [
    {
      scope: '[role="dialog"][aria-label="Perbarui foto profil"], [role="dialog"][aria-label="Update profile picture"]',
      fileInput: 'input[type="file"]',
      publish: { save: '[role="button"][aria-label="Simpan"], [role="button"][aria-label="Save"]' },
    },
    {
      scope: 'body',
      fileInput: 'input[type="file"]',
      publish: { save: '[role="button"][aria-label="Simpan perubahan"], [role="button"][aria-label="Save changes"]' },
      armedBy: '[role="button"][aria-label="Edit foto sampul"], [role="button"][aria-label="Edit cover photo"]',
    },
  ],
  instagram: [
    {
      scope: 'form[enctype="multipart/form-data"]:has(input[type="file"][accept="image/jpeg,image/png"]:not([multiple]))',
      fileInput: 'input[type="file"][accept="image/jpeg,image/png"]:not([multiple])',
      publish: 'on-choose',
    },
  ],
};

/** The places whose pickers a flow owns outright (not the armed ones, which stand in the page). */
export function ownedScopes(flows: readonly ProfilePhotoFlow[]): string | undefined {
  const owned = flows.filter((f) => !f.armedBy).map((f) => f.scope);
  return owned.length ? owned.join(', ') : undefined;
}
