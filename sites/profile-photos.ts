/**
 * Per site: where a profile or cover picture is chosen and where it is saved (published). Data
 * only, like the adapters; read by content/profile-photo.ts.
 *
 *  - scope: the element the flow happens in (X: the "Edit profile" dialog, which holds both the
 *    header and the avatar picker and one Save button)
 *  - fileInput: the pickers of the new picture inside it
 *  - save: the button that publishes the picture
 *
 * Facebook: the "Perbarui foto profil" / "Update profile picture" dialog, its picker, and its
 * Simpan/Save button (labels are all Facebook's buttons carry). Not covered: Facebook's cover photo
 * (saved from the profile page itself, "Simpan perubahan"), Instagram (its "Change profile photo"
 * picker uploads as soon as a file is chosen: there is no save step to stand before), and X's
 * crop step ("Apply") which comes before Save and needs no warning of its own.
 */
import type { SiteId } from './types';

export interface ProfilePhotoFlow {
  scope: string;
  fileInput: string;
  save: string;
}

export const PROFILE_PHOTOS: Partial<Record<SiteId, ProfilePhotoFlow>> = {
  x: {
    scope: '[role="dialog"]:has([data-testid="Profile_Save_Button"])',
    fileInput: 'input[type="file"]',
    save: '[data-testid="Profile_Save_Button"]',
  },
  facebook: {
    scope: '[role="dialog"][aria-label="Perbarui foto profil"], [role="dialog"][aria-label="Update profile picture"]',
    fileInput: 'input[type="file"]',
    save: '[role="button"][aria-label="Simpan"], [role="button"][aria-label="Save"]',
  },
};
