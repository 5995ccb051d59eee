/**
 * Shapes shared by the vision engine (offscreen document / background page), the content script
 * and the CLI. Pure data, structured-clone and JSON safe.
 */
import type { LocalText, SanctionCategory, Severity, Verdict } from '../rules/types';

export type FingerName = 'thumb' | 'index' | 'middle' | 'ring' | 'pinky';
export const FINGERS: readonly FingerName[] = ['thumb', 'index', 'middle', 'ring', 'pinky'];

/** Hand poses Jaga Netral tells apart. */
export type Gesture =
  | 'one'
  | 'two'
  | 'three'
  | 'four'
  | 'five'
  | 'thumb'
  | 'thumb_index'
  | 'pistol'
  | 'call'
  | 'ok_three'
  | 'metal'
  | 'finger_heart'
  | 'fist'
  | 'two_hand_heart'
  | 'other';

/** A landmark: x, y normalized to the image (0..1), z relative depth (same scale as x). */
export interface Point {
  x: number;
  y: number;
  z: number;
}

/** One hand as the engine reports it. */
export interface HandReading {
  gesture: Gesture;
  fingers: FingerName[];
  count: number;
  /** 0..1: detector confidence times how clearly the fingers read. */
  score: number;
  /** [x, y, w, h] in pixels of the analysed image. */
  box: [number, number, number, number];
  handedness?: 'Left' | 'Right';
}

/** What went wrong with an image we could not analyse (shown to the person, never fatal). */
export type ImageProblem =
  | 'empty'
  | 'unsupported-format'
  | 'svg'
  | 'heic'
  | 'animated'
  | 'too-large'
  | 'corrupt'
  | 'engine-failed'
  | 'timeout'
  /** the browser gives no WebGL (many office PCs, headless browsers): the engine can't run at all */
  | 'no-webgl';

/** [x, y, w, h] in pixels of the analysed image. */
export type Box = [number, number, number, number];

/** The words read in a photo, in reading order, each with its box and its offsets in `text`. */
export interface TextRead {
  text: string;
  words: { text: string; box: Box; conf: number; start: number; end: number }[];
}

export interface ImageAnalysis {
  /** Image dimensions as analysed (after downscaling), pixels. */
  width: number;
  height: number;
  hands: HandReading[];
  /** The text read in the photo (absent when the text engine did not run). */
  text?: TextRead;
  /** Perceptual fingerprint of the photo, for matching agency reference images (lib/vision/phash.ts). */
  fingerprint?: { phash: string[]; grid: string; hist: string };
  /** Set when the image could not be (fully) checked. */
  problem?: ImageProblem;
  /** Free-text detail for logs and the CLI. */
  detail?: string;
  /** Milliseconds spent in the engine. */
  ms?: number;
  /** Of which, per engine (they run side by side): the hand check and the text reading. */
  timing?: { hands?: number; text?: number };
}

/** What in the photo a finding is about. */
export type ImageFindingKind = 'pose' | 'text' | 'reference';

/** A finding about a photo (a hand, its text, or a match with a reference image); mirrors lib/rules Finding without text offsets. */
export interface ImageFinding {
  kind: ImageFindingKind;
  rule: string;
  pack: string;
  severity: Severity;
  /** Human-readable evidence: "foto 1 (a.jpg), tangan 2: empat jari". */
  evidence: string;
  why: LocalText;
  ref: string;
  source: string;
  sanctions: SanctionCategory[];
  /** Which photo (0-based attachment index and file name). */
  image: { index: number; name: string };
  /** Where in the photo: the hand, the words, or the matched reference's area. */
  boxes: Box[];
  /** kind 'pose': which hand. */
  hand?: { index: number; gesture: Gesture; count: number; score: number; box: Box };
  /** kind 'pose': ballot numbers the pose can be read as that are in play in the active packs. */
  numbers?: number[];
  /** kind 'text': the words of the finding, and all the text read in the photo. */
  text?: { words: string; read: string };
  /** kind 'reference': the agency reference image matched, and how closely (0..1). */
  reference?: { id: string; label: string; how: 'whole' | 'frame'; similarity: number };
  entity?: { id: string; label: string };
  context?: { id: string; why: LocalText };
}

export interface ImageVerdict {
  verdict: Verdict;
  findings: ImageFinding[];
}
