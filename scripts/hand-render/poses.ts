/**
 * The hand poses the renderer can put the WebXR hand model in, as joint angles (degrees), with
 * the label each one carries: the gesture lib/vision/gestures.ts should read and the fingers a
 * person would count as raised. Pure data; the renderer adds a few degrees of seeded jitter per
 * joint so that no two renders of a pose are the same hand shape.
 *
 * A finger is [knuckle (MCP), middle joint (PIP), end joint (DIP)] flexion toward the palm, plus
 * a sideways spread away from the middle finger. The thumb is set either by angles (its base
 * swung across the palm and toward it, then its two joints flexed) or by a target its tip must
 * reach (solved in the page), for the poses where the thumb touches the index finger.
 */
import type { FingerName, Gesture } from '../../lib/vision/types';

export interface FingerAngles {
  mcp: number;
  pip: number;
  dip: number;
  spread: number;
}
export interface ThumbAngles {
  /** base swung toward the pinky (positive) or out to the side (negative) */
  across: number;
  /** base swung toward the palm's side (positive) or behind it (negative) */
  palmar: number;
  mcp: number;
  ip: number;
}
export type ThumbSetting = ThumbAngles | { reach: 'index-tip' | 'index-side' };

export interface PoseSpec {
  name: string;
  gesture: Gesture;
  fingers: FingerName[];
  thumb: ThumbSetting;
  index: FingerAngles;
  middle: FingerAngles;
  ring: FingerAngles;
  pinky: FingerAngles;
  /** roll added to the picture so the pose reads as meant (a pistol points sideways, a thumbs-up's thumb up) */
  roll?: number;
}

const up = (spread = 0): FingerAngles => ({ mcp: 4, pip: 6, dip: 4, spread });
const curled: FingerAngles = { mcp: 85, pip: 100, dip: 55, spread: 0 };
const thumbUp: ThumbAngles = { across: -20, palmar: -5, mcp: 5, ip: 5 };
/** thumb wrapped over the curled index and middle fingers (a fist, "one", "two") */
const thumbTucked: ThumbAngles = { across: 40, palmar: 45, mcp: 35, ip: 40 };
/** thumb folded onto the palm under raised fingers ("four") */
const thumbFolded: ThumbAngles = { across: 55, palmar: 25, mcp: 30, ip: 25 };

export const POSES: readonly PoseSpec[] = [
  { name: 'one', gesture: 'one', fingers: ['index'], thumb: thumbTucked, index: up(), middle: curled, ring: curled, pinky: curled },
  { name: 'two', gesture: 'two', fingers: ['index', 'middle'], thumb: thumbTucked, index: up(8), middle: up(-8), ring: curled, pinky: curled },
  { name: 'three', gesture: 'three', fingers: ['index', 'middle', 'ring'], thumb: thumbFolded, index: up(6), middle: up(), ring: up(6), pinky: curled },
  { name: 'three-thumb', gesture: 'three', fingers: ['thumb', 'index', 'middle'], thumb: thumbUp, index: up(6), middle: up(-6), ring: curled, pinky: curled },
  { name: 'four', gesture: 'four', fingers: ['index', 'middle', 'ring', 'pinky'], thumb: thumbFolded, index: up(6), middle: up(), ring: up(5), pinky: up(10) },
  { name: 'five', gesture: 'five', fingers: ['thumb', 'index', 'middle', 'ring', 'pinky'], thumb: thumbUp, index: up(8), middle: up(), ring: up(7), pinky: up(14) },
  { name: 'thumb', gesture: 'thumb', fingers: ['thumb'], thumb: { ...thumbUp, across: -10 }, index: curled, middle: curled, ring: curled, pinky: curled, roll: 90 },
  { name: 'thumb-index', gesture: 'thumb_index', fingers: ['thumb', 'index'], thumb: thumbUp, index: up(), middle: curled, ring: curled, pinky: curled },
  { name: 'pistol', gesture: 'pistol', fingers: ['thumb', 'index'], thumb: thumbUp, index: up(), middle: curled, ring: curled, pinky: curled, roll: 90 },
  { name: 'call', gesture: 'call', fingers: ['thumb', 'pinky'], thumb: thumbUp, index: curled, middle: curled, ring: curled, pinky: up(12) },
  { name: 'ok-three', gesture: 'ok_three', fingers: ['middle', 'ring', 'pinky'], thumb: { reach: 'index-tip' }, index: { mcp: 40, pip: 60, dip: 35, spread: 0 }, middle: up(), ring: up(5), pinky: up(10) },
  { name: 'metal', gesture: 'metal', fingers: ['index', 'pinky'], thumb: thumbTucked, index: up(6), middle: curled, ring: curled, pinky: up(10) },
  { name: 'finger-heart', gesture: 'finger_heart', fingers: [], thumb: { reach: 'index-side' }, index: { mcp: 35, pip: 70, dip: 25, spread: 0 }, middle: curled, ring: curled, pinky: curled },
  { name: 'fist', gesture: 'fist', fingers: [], thumb: thumbTucked, index: curled, middle: curled, ring: curled, pinky: curled },
];
