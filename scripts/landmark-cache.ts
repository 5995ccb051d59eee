/**
 * The shape of the landmark cache scripts/capture-landmarks.ts --all writes and
 * scripts/eval-landmarks.ts reads: MediaPipe's raw hands per picture, before any pose reading.
 */
import type { Point } from '../lib/vision/types';
import type { Variation } from '../vision/page-entry';

export interface RecordedHands {
  width: number;
  height: number;
  hands: { points: Point[]; score: number; handedness?: 'Left' | 'Right' }[];
}

export interface LandmarkCache {
  /** tests/vision/photos, by file */
  photos: Record<string, RecordedHands>;
  /** the clear photos varied as eval-vision.ts varies them, by variation then file */
  variations: Partial<Record<Variation, Record<string, RecordedHands>>>;
  /** tests/vision/rendered-hands/images, by file */
  rendered: Record<string, RecordedHands>;
}

/** The variations eval-vision.ts measures, in its order. */
export const VARIATIONS: Variation[] = ['mirror', 'rotate-25', 'rotate+25', 'darker', 'lighter', 'grey', 'wrist-covered'];
