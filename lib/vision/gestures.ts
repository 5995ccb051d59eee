/**
 * Reading a hand pose from MediaPipe's 21 hand landmarks: which fingers are raised, and which of
 * the poses BKN lists (one, two, three, four, five, thumb, thumb+index, pistol, thumb+pinky
 * "telepon", OK with three fingers, metal, Korean finger-heart) or allows (fist, two-hand heart)
 * it is, with a confidence. Pure geometry: no DOM, no model.
 *
 * Landmarks: 0 wrist; thumb 1 CMC, 2 MCP, 3 IP, 4 tip; index 5–8; middle 9–12; ring 13–16;
 * pinky 17–20 (MCP, PIP, DIP, tip). Points must be isotropic (pixels, or MediaPipe's world
 * landmarks in metres): normalized image coordinates need x and z scaled by the width and y by
 * the height first (see toPixels).
 */
import type { FingerName, Gesture, Point } from './types';

const CHAINS: Record<Exclude<FingerName, 'thumb'>, [number, number, number, number]> = {
  index: [5, 6, 7, 8],
  middle: [9, 10, 11, 12],
  ring: [13, 14, 15, 16],
  pinky: [17, 18, 19, 20],
};

type V = [number, number, number];
const sub = (a: Point, b: Point): V => [a.x - b.x, a.y - b.y, a.z - b.z];
const len = (v: V) => Math.hypot(v[0], v[1], v[2]);
const dist = (a: Point, b: Point) => len(sub(a, b));
/** Angle between two vectors, degrees (0 = same direction). */
function angle(u: V, v: V): number {
  const d = len(u) * len(v);
  if (d === 0) return 0;
  const c = (u[0] * v[0] + u[1] * v[1] + u[2] * v[2]) / d;
  return (Math.acos(Math.max(-1, Math.min(1, c))) * 180) / Math.PI;
}

/** Normalized landmarks → isotropic pixel space. */
export function toPixels(points: readonly Point[], width: number, height: number): Point[] {
  return points.map((p) => ({ x: p.x * width, y: p.y * height, z: p.z * width }));
}

export interface FingerState {
  finger: FingerName;
  raised: boolean;
  /** Total bend along the finger, degrees (0 = straight). */
  bend: number;
  /** 0..1: how far the reading is from the decision boundary. */
  clarity: number;
}

export interface HandPose {
  gesture: Gesture;
  fingers: FingerName[];
  count: number;
  /** 0..1 clarity of the reading (multiply by the detector's score for a confidence). */
  clarity: number;
  states: FingerState[];
}

/** Bend limits (degrees): below RAISED a finger is up, above CURLED it is down; between, unclear. */
const RAISED = 60;
const CURLED = 110;
const THUMB_RAISED = 40;
/** Thumb tip to pinky knuckle, in palm lengths, above which the thumb counts as raised. */
const THUMB_ACROSS = 1.15;

/** Thumb tip to pinky knuckle, in palm lengths, a thumb raised alone must exceed (see classifyHand). */
const THUMB_ALONE = 1.3;

/** Thumb tip to the nearest landmark of the four fingers, in palm lengths: below this it rests on one. */
const THUMB_RESTING = 0.25;

/** Thumb tip to the nearest landmark of the index, middle, ring or pinky, in palm lengths. */
export function thumbClearance(p: readonly Point[], palm = Math.max(dist(p[0]!, p[9]!), 1e-9)): number {
  let near = Infinity;
  for (let i = 5; i <= 20; i++) near = Math.min(near, dist(p[4]!, p[i]!));
  return near / palm;
}

function clarityOf(bend: number, lo: number, hi: number): number {
  const mid = (lo + hi) / 2;
  const half = (hi - lo) / 2 + 25;
  return Math.min(1, Math.abs(bend - mid) / half);
}

export function fingerStates(p: readonly Point[]): FingerState[] {
  if (p.length !== 21) throw new Error(`a hand has 21 landmarks, got ${p.length}`);
  const palm = Math.max(dist(p[0]!, p[9]!), 1e-9);
  const states: FingerState[] = [];

  // Thumb: fairly straight along MCP→IP→tip, its tip away from the index knuckle and, above all,
  // far from the pinky's knuckle. On real photos a raised thumb's tip is ≥ 1.8 palm lengths from
  // the pinky knuckle (thumbs-up) or ~1.3–1.5 (open hand); tucked or wrapped it is ≤ 0.85.
  const tBend = angle(sub(p[2]!, p[1]!), sub(p[3]!, p[2]!)) + angle(sub(p[3]!, p[2]!), sub(p[4]!, p[3]!));
  const tipOut = dist(p[4]!, p[5]!) / palm;
  const tipAcross = dist(p[4]!, p[17]!) / palm;
  // A thumb whose tip rests on another finger is not raised, however far it sits from the pinky:
  // tucked over the curled fingers of a fist, folded onto the palm, or closing the ring of an OK
  // or a finger-heart. Measured against every landmark of the four fingers, so it holds at any
  // turn of the hand and at any size.
  const tipClear = thumbClearance(p, palm);
  const thumbUp = tBend < THUMB_RAISED + 45 && tipOut > 0.6 && tipAcross > THUMB_ACROSS && tipClear > THUMB_RESTING;
  const thumbScore = Math.min(1, Math.abs(tipAcross - THUMB_ACROSS) / 0.4, tipClear > THUMB_RESTING ? 1 : Math.abs(tipClear - THUMB_RESTING) / 0.15);
  states.push({ finger: 'thumb', raised: thumbUp, bend: tBend, clarity: thumbScore });

  for (const [finger, [mcp, pip, dip, tip]] of Object.entries(CHAINS) as [FingerName, number[]][]) {
    const bend =
      angle(sub(p[mcp!]!, p[0]!), sub(p[pip!]!, p[mcp!]!)) +
      angle(sub(p[pip!]!, p[mcp!]!), sub(p[dip!]!, p[pip!]!)) +
      angle(sub(p[dip!]!, p[pip!]!), sub(p[tip!]!, p[dip!]!));
    // a raised finger's tip is farther from the wrist than its middle joint
    const reach = dist(p[tip!]!, p[0]!) > dist(p[pip!]!, p[0]!) * 1.05;
    const raised = bend < (RAISED + CURLED) / 2 && reach;
    states.push({ finger, raised, bend, clarity: clarityOf(bend, RAISED, CURLED) });
  }
  return states;
}

const key = (fs: FingerName[]) => fs.map((f) => f[0]).join('');

/** Gesture of one hand from its landmarks (isotropic coordinates). */
export function classifyHand(p: readonly Point[]): HandPose {
  const states = fingerStates(p);
  const palm = Math.max(dist(p[0]!, p[9]!), 1e-9);
  // A thumb raised alone is the reading a fist turns into when its tucked thumb pokes out a
  // little, and it is flagged while a fist is not: alone, the thumb must stand clearly out.
  const thumb = states[0]!;
  if (thumb.raised && states.every((s) => s === thumb || !s.raised) && dist(p[4]!, p[17]!) / palm < THUMB_ALONE) {
    thumb.raised = false;
    thumb.clarity = Math.min(thumb.clarity, 0.5);
  }
  const fingers = states.filter((s) => s.raised).map((s) => s.finger);
  const clarity = states.reduce((a, s) => a + s.clarity, 0) / states.length;
  const thumbTipToIndexTip = dist(p[4]!, p[8]!) / palm;
  const up = (f: FingerName) => fingers.includes(f);
  let gesture: Gesture;

  const k = key(fingers);
  // OK with three fingers up: thumb and index tips touch, the other three raised
  if (!up('index') && up('middle') && up('ring') && up('pinky') && thumbTipToIndexTip < 0.35) gesture = 'ok_three';
  else if (k === '') {
    // fist, or the Korean finger-heart: thumb and index tips crossed, the index's first
    // phalanx still roughly in line with the palm (in a fist it folds ~90° at the knuckle)
    const indexKnuckle = angle(sub(p[5]!, p[0]!), sub(p[6]!, p[5]!));
    const thumbOut = dist(p[4]!, p[9]!) / palm;
    gesture = thumbTipToIndexTip < 0.3 && indexKnuckle < 65 && thumbOut > 0.45 ? 'finger_heart' : 'fist';
  } else if (k === 't' && thumbTipToIndexTip < 0.3 && dist(p[4]!, p[9]!) / palm > 0.45) {
    // thumb "raised" but pinched on a bent index: finger-heart too
    const indexKnuckle = angle(sub(p[5]!, p[0]!), sub(p[6]!, p[5]!));
    gesture = indexKnuckle < 65 ? 'finger_heart' : 'thumb';
  } else {
    gesture =
      (
        {
          i: 'one',
          im: 'two',
          imr: 'three',
          tim: 'three',
          imrp: 'four',
          timrp: 'five',
          t: 'thumb',
          tp: 'call',
          ip: 'metal',
          tip: 'metal',
        } as Record<string, Gesture>
      )[k] ?? (k === 'ti' ? thumbIndexKind(p) : 'other');
  }
  const count = gesture === 'ok_three' ? 3 : fingers.length;
  return { gesture, fingers, count, clarity, states };
}

/** Thumb + index: an "L" (index up) or a pistol (index pointing sideways). */
function thumbIndexKind(p: readonly Point[]): Gesture {
  const dx = Math.abs(p[8]!.x - p[5]!.x);
  const dy = Math.abs(p[8]!.y - p[5]!.y);
  return dx > dy * 1.2 ? 'pistol' : 'thumb_index';
}

/**
 * Two hands forming one heart: thumb tips meet and index tips meet (relative to hand size),
 * and the two hands are not the same hand seen twice.
 */
export function isTwoHandHeart(a: readonly Point[], b: readonly Point[]): boolean {
  const size = (Math.max(dist(a[0]!, a[9]!), 1e-9) + Math.max(dist(b[0]!, b[9]!), 1e-9)) / 2;
  const thumbs = dist(a[4]!, b[4]!) / size;
  const indexes = dist(a[8]!, b[8]!) / size;
  const wrists = dist(a[0]!, b[0]!) / size;
  return thumbs < 0.5 && indexes < 0.5 && wrists > 0.6;
}

/** Ballot numbers a pose can be read as (empty: a listed pose with no specific number). */
export function numbersOf(gesture: Gesture, count: number): number[] {
  switch (gesture) {
    case 'fist':
    case 'two_hand_heart':
      return [];
    case 'thumb':
      return [1];
    case 'thumb_index':
      return [2, 7]; // "salam dua jari" of 2019's 02; also read as an "L"/7
    case 'pistol':
      return [2];
    case 'call':
      return [2, 6];
    case 'ok_three':
      return [3];
    case 'finger_heart':
      return [];
    default:
      return count > 0 ? [count] : [];
  }
}

/** Poses Jaga Netral warns about (BKN's list, plus any other raised-finger count). */
export function isListedPose(g: Gesture): boolean {
  return g !== 'fist' && g !== 'two_hand_heart';
}

/** Bounding box [x, y, w, h] of landmarks in pixels, padded by `pad` of the larger side. */
export function boxOf(points: readonly Point[], width: number, height: number, pad = 0.15): [number, number, number, number] {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const q of points) {
    x0 = Math.min(x0, q.x * width);
    y0 = Math.min(y0, q.y * height);
    x1 = Math.max(x1, q.x * width);
    y1 = Math.max(y1, q.y * height);
  }
  const m = Math.max(x1 - x0, y1 - y0) * pad;
  x0 = Math.max(0, x0 - m);
  y0 = Math.max(0, y0 - m);
  x1 = Math.min(width, x1 + m);
  y1 = Math.min(height, y1 + m);
  return [Math.round(x0), Math.round(y0), Math.round(x1 - x0), Math.round(y1 - y0)];
}
