/**
 * Per site: where a profile or cover picture is chosen and where it is saved (published). Data
 * only, like the adapters; read by content/profile-photo.ts.
 *
 *  - scope: the element the flow happens in (X: the "Edit profile" dialog, which holds both the
 *    header and the avatar picker and one Save button)
 *  - fileInput: the pickers of the new picture inside it
 *  - save: the button that publishes the picture
 *
 * Facebook ("Update profile picture" / "Perbarui foto profil" dialog, Save/Simpan) and Instagram
 * (the "Change profile photo" picker uploads as soon as a file is chosen: no save step to stand
 * before) are not covered yet: their flows have no fixture to test the selectors against.
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
};
