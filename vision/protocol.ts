/**
 * Messages between the content script, the background and the engine document. Images travel as
 * base64 (runtime messages are JSON in Chrome), already downscaled by the content script.
 */
import type { ImageAnalysis, ImageProblem } from '../lib/vision/types';

/** content script → background */
export const MSG_ANALYSE = 'jaga-netral:vision:analyse';
/** background → offscreen document (Chrome) */
export const MSG_RUN = 'jaga-netral:vision:run';
/**
 * content script → background, and background → offscreen document: a photo may come soon (a
 * composer got focus, a file picker is opening): load the engines now, so the photo does not
 * pay for it. Released after idle like any check.
 */
export const MSG_WARM = 'jaga-netral:vision:warm';
export const MSG_WARM_RUN = 'jaga-netral:vision:warm-run';

export function isWarmRequest(m: unknown, type: typeof MSG_WARM | typeof MSG_WARM_RUN): boolean {
  return typeof m === 'object' && m !== null && (m as { type?: unknown }).type === type;
}

export interface AnalyseRequest {
  type: typeof MSG_ANALYSE | typeof MSG_RUN;
  /** base64 of the image bytes */
  data: string;
  name: string;
}

export type AnalyseResponse =
  | { ok: true; analysis: ImageAnalysis; loadMs?: number | null }
  | { ok: false; problem: ImageProblem; detail: string };

export function toBase64(bytes: Uint8Array): string {
  let s = '';
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK) s += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(s);
}

export function fromBase64(b64: string): Uint8Array {
  const s = atob(b64);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

export function isAnalyseRequest(m: unknown, type: AnalyseRequest['type']): m is AnalyseRequest {
  return typeof m === 'object' && m !== null && (m as AnalyseRequest).type === type && typeof (m as AnalyseRequest).data === 'string';
}
