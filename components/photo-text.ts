/** Strings of the photo check, Indonesian and English (kept here so the photo UI is one module). */
import type { ImageProblem } from '../lib/vision/types';
import { PROBLEM_TEXT } from '../lib/vision/findings';
import type { Lang } from './i18n';

const S = {
  checking: { id: 'memeriksa foto…', en: 'checking photos…' },
  checkingN: { id: 'Memeriksa foto… ($1 dari $2 selesai)', en: 'Checking photos… ($1 of $2 done)' },
  stillChecking: {
    id: 'Pemeriksaan foto belum selesai. Anda dapat menunggu, mengubah postingan, atau tetap mengirim.',
    en: 'The photo check has not finished. You can wait, edit the post, or post anyway.',
  },
  photosTitle: { id: 'Foto terlampir', en: 'Attached photos' },
  uncheckedTitle: { id: 'Foto yang tidak dapat diperiksa', en: 'Photos that could not be checked' },
  uncheckedIntro: {
    id: 'Jaga Netral tidak dapat memeriksa foto berikut. Periksa sendiri pose tangan di dalamnya sebelum mengirim.',
    en: 'Jaga Netral could not check these photos. Look at the hand poses in them yourself before posting.',
  },
  animatedNote: { id: 'gambar bergerak: hanya bingkai pertama yang diperiksa', en: 'animated image: only the first frame was checked' },
  hand: { id: 'tangan', en: 'hand' },
  confidence: { id: 'keyakinan', en: 'confidence' },
} as const;

export function pt(key: keyof typeof S, lang: Lang, ...subs: string[]): string {
  let s: string = S[key][lang];
  subs.forEach((v, i) => (s = s.replace(`$${i + 1}`, v)));
  return s;
}

export function problemText(p: ImageProblem, lang: Lang): string {
  return PROBLEM_TEXT[p][lang];
}
