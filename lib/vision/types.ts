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

export interface ImageAnalysis {
  /** Image dimensions as analysed (after downscaling), pixels. */
  width: number;
  height: number;
  hands: HandReading[];
  /** Set when the image could not be (fully) checked. */
  problem?: ImageProblem;
  /** Free-text detail for logs and the CLI. */
  detail?: string;
  /** Milliseconds spent in the engine. */
  ms?: number;
}

/** A finding about a hand in a photo; mirrors lib/rules Finding without text offsets. */
export interface ImageFinding {
  rule: string;
  pack: string;
  severity: Severity;
  /** Human-readable evidence: "foto 1 (a.jpg), tangan 2: empat jari". */
  evidence: string;
  why: LocalText;
  ref: string;
  source: string;
  sanctions: SanctionCategory[];
  /** Which photo (0-based attachment index and file name) and which hand. */
  image: { index: number; name: string };
  hand: { index: number; gesture: Gesture; count: number; score: number; box: [number, number, number, number] };
  /** Ballot numbers the pose can be read as that are in play in the active packs. */
  numbers: number[];
  entity?: { id: string; label: string };
}

export interface ImageVerdict {
  verdict: Verdict;
  findings: ImageFinding[];
}
