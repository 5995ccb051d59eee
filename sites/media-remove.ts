/**
 * Per site: the buttons that take an attached photo out of a draft again, one per photo, in the
 * order the photos were attached (X: the "Remove media" cross on each preview). A photo removed
 * this way no longer counts for the warning. Data only; a site without an entry keeps every photo
 * attached in the composer until it posts (the safe side).
 */
import type { SiteId } from './types';

export const MEDIA_REMOVE: Partial<Record<SiteId, string>> = {
  x: '[data-testid="attachments"] [role="button"][aria-label="Remove media"], [data-testid="attachments"] [role="button"][aria-label="Hapus media"]',
};
