/**
 * Hands → readings: the landmarks MediaPipe found (normalized to the image) turned into the
 * gesture, fingers and score of each hand, then the two-hand heart across pairs. Pure, so the
 * engine (vision/runner.ts) and Node-side evaluation on recorded landmarks read hands alike.
 */
import { boxOf, classifyHand, isTwoHandHeart, toPixels } from './gestures';
import type { HandReading, Point } from './types';

export interface FoundHand {
  /** landmarks normalized to the full image */
  points: Point[];
  /** the detector's confidence */
  score: number;
  handedness?: 'Left' | 'Right';
}

export function readHands(hands: readonly FoundHand[], width: number, height: number): HandReading[] {
  const px = hands.map((h) => toPixels(h.points, width, height));
  const readings: HandReading[] = hands.map((h, i) => {
    const pose = classifyHand(px[i]!);
    return {
      gesture: pose.gesture,
      fingers: pose.fingers,
      count: pose.count,
      score: Math.round(h.score * (0.6 + 0.4 * pose.clarity) * 1000) / 1000,
      box: boxOf(h.points, width, height),
      ...(h.handedness ? { handedness: h.handedness } : {}),
    };
  });
  for (let i = 0; i < hands.length; i++)
    for (let j = i + 1; j < hands.length; j++)
      if (isTwoHandHeart(px[i]!, px[j]!)) readings[i]!.gesture = readings[j]!.gesture = 'two_hand_heart';
  return readings;
}
