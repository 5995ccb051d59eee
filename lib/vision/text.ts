/**
 * Text read in a photo, judged as typed text is: the words the OCR engine read are laid out in
 * reading order (rows top to bottom, words left to right), given to the same rule engine and
 * packs, and each finding's span is mapped back to the words' boxes so the warning can box them
 * on the thumbnail. Pure: no DOM, no OCR engine.
 */
import type { Engine } from '../rules/engine';
import type { Finding } from '../rules/types';
import type { Box, ImageFinding, TextRead } from './types';
import { mendNames, nameWords, type MendedName } from './ocr-names';

export interface OcrWord {
  text: string;
  /** [x, y, w, h] in pixels of the image the OCR engine read. */
  box: Box;
  /** Tesseract's confidence, 0..100. */
  conf: number;
}

/** Below this Tesseract confidence a word is treated as noise (photo texture read as letters). */
export const MIN_WORD_CONF = 50;

/** Tesseract's TSV (GetTSVText): level 5 rows are words. Header line optional. */
export function parseTsv(tsv: string): OcrWord[] {
  const words: OcrWord[] = [];
  for (const line of tsv.split('\n')) {
    const c = line.split('\t');
    if (c.length < 12 || c[0] !== '5') continue;
    const text = c.slice(11).join('\t').trim();
    if (!text) continue;
    const [x, y, w, h, conf] = [6, 7, 8, 9, 10].map((i) => Number(c[i]));
    if (![x, y, w, h, conf].every(Number.isFinite)) continue;
    words.push({ text, box: [x!, y!, w!, h!], conf: conf! });
  }
  return words;
}

/** A word worth reading: confident enough and holding a letter or digit (not "|", "—", "©"). */
export function plausible(w: OcrWord): boolean {
  if (w.conf < MIN_WORD_CONF) return false;
  const core = w.text.replace(/[^\p{L}\p{N}#@]/gu, '');
  if (!core) return false;
  // a lone letter read with low-ish confidence is nearly always texture
  if (core.length === 1 && !/\p{N}/u.test(core) && w.conf < 80) return false;
  return true;
}

/**
 * Confidence a word read in the glance (vision/photo-check.ts: the photo at GLANCE_SIDE) needs
 * for the photo to be read in full. Lettering at a third of the reading size is still read at 85
 * or more (on the labelled set the weakest photo with text shows a word at 86 at 360 px, a broken
 * meme letter run); a photo's texture reads as short scraps under 50, rarely up to 78 for one
 * digit, which the two-character floor leaves out.
 */
export const GLANCE_WORD_CONF = 70;

/** Whether the words of a glance at a small copy are worth a full reading: one word of two letters or digits, read with confidence. */
export function looksLikeText(words: readonly OcrWord[]): boolean {
  return words.some((w) => w.conf >= GLANCE_WORD_CONF && w.text.replace(/[^\p{L}\p{N}]/gu, '').length >= 2);
}

/**
 * Words → text in reading order, each word's offsets kept. Words whose vertical centres fall
 * within the other's height share a row; rows are joined by a space, since a poster's lines
 * are usually one call ("COBLOS" / "NOMOR 2").
 */
export function layoutText(words: readonly OcrWord[]): TextRead {
  const kept = words.filter(plausible).slice().sort((a, b) => a.box[1] + a.box[3] / 2 - (b.box[1] + b.box[3] / 2));
  const rows: OcrWord[][] = [];
  for (const w of kept) {
    const cy = w.box[1] + w.box[3] / 2;
    const row = rows.find((r) => {
      const ref = r[0]!;
      const rcy = ref.box[1] + ref.box[3] / 2;
      return Math.abs(rcy - cy) < Math.min(ref.box[3], w.box[3]) * 0.6;
    });
    if (row) row.push(w);
    else rows.push([w]);
  }
  const out: TextRead = { text: '', words: [] };
  for (const row of rows) {
    row.sort((a, b) => a.box[0] - b.box[0]);
    for (const w of row) {
      if (out.text) out.text += ' ';
      out.words.push({ text: w.text, box: w.box, conf: Math.round(w.conf), start: out.text.length, end: out.text.length + w.text.length });
      out.text += w.text;
    }
  }
  return out;
}

export const TEXT_RULE_NOTE = { id: 'tulisan di foto', en: 'text in the photo' } as const;

/**
 * Findings of the rule engine on the text read in one photo, boxed. Contestants' names the text
 * engine broke apart are mended first (ocr-names.ts); a finding that rests on a mended name says so.
 */
export function textFindings(read: TextRead, image: { index: number; name: string }, engine: Engine): ImageFinding[] {
  if (!read.text.trim()) return [];
  const { read: judged, mended } = mendNames(read, nameWords(engine.packs));
  return engine.analyze(judged.text).findings.map((f) => textFinding(f, judged, read.text, mended, image));
}

function textFinding(f: Finding, read: TextRead, asRead: string, mended: readonly MendedName[], image: { index: number; name: string }): ImageFinding {
  const at = read.words.flatMap((w, k) => (w.start < f.end && w.end > f.start ? [k] : []));
  const words = at.map((k) => read.words[k]!);
  const photo = `foto ${image.index + 1} (${image.name})`;
  const photoEn = `photo ${image.index + 1} (${image.name})`;
  const mends = mended.filter((m) => at.includes(m.at));
  const noteId = mends.map((m) => ` (terbaca terpotong "${m.read}", dibaca sebagai "${m.name}")`).join('');
  const noteEn = mends.map((m) => ` (read broken as "${m.read}", taken as "${m.name}")`).join('');
  return {
    kind: 'text',
    rule: f.rule,
    pack: f.pack,
    severity: f.severity,
    evidence: `${TEXT_RULE_NOTE.id}, ${photo}: "${f.evidence}"`,
    why: {
      id: `Tulisan di ${photo} terbaca "${f.evidence}"${noteId}. ${f.why.id}`,
      ...(f.why.en ? { en: `The text in ${photoEn} reads "${f.evidence}"${noteEn}. ${f.why.en}` } : {}),
    },
    ref: f.ref,
    source: f.source,
    sanctions: [...f.sanctions],
    image,
    boxes: words.map((w) => w.box),
    text: { words: f.evidence, read: asRead },
    ...(f.entity ? { entity: f.entity } : {}),
    ...(f.context ? { context: f.context } : {}),
  };
}
