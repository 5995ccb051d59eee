import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { drawSpecs, TONES } from '../../scripts/hand-render/specs';
import { POSES } from '../../scripts/hand-render/poses';
import type { RenderedLabel } from '../../scripts/eval-rendered-hands';

const DIR = 'tests/vision/rendered-hands';
const { labels } = JSON.parse(readFileSync(path.join(DIR, 'labels.json'), 'utf8')) as { labels: Record<string, RenderedLabel> };

describe('rendered hands set', () => {
  it('is what the committed generator draws (same seed, same parameters, same labels)', () => {
    const specs = drawSpecs(20);
    expect(Object.keys(labels).sort()).toEqual(specs.map((s) => s.params.file).sort());
    for (const { params, pose } of specs) {
      const l = labels[params.file]!;
      expect(l.params).toEqual(params);
      expect(l.gesture).toBe(pose.gesture);
      expect(l.fingers).toEqual(pose.fingers);
    }
  });

  it('has every labelled picture on disk and nothing else, within the size budget', () => {
    const files = readdirSync(path.join(DIR, 'images'));
    expect(files.sort()).toEqual(Object.keys(labels).sort());
    const bytes = files.reduce((a, f) => a + statSync(path.join(DIR, 'images', f)).size, 0);
    expect(bytes).toBeLessThan(15e6);
  });

  it('covers every pose the classifier names except the two-hand heart, each tone and both hands in each pose', () => {
    const gestures = new Set(POSES.map((p) => p.gesture));
    for (const g of ['one', 'two', 'three', 'four', 'five', 'thumb', 'thumb_index', 'pistol', 'call', 'ok_three', 'metal', 'finger_heart', 'fist']) expect(gestures).toContain(g);
    for (const pose of POSES) {
      const mine = Object.values(labels).filter((l) => l.params.pose === pose.name);
      expect(new Set(mine.map((l) => l.params.tone))).toEqual(new Set(TONES.map((t) => t.tone)));
      expect(new Set(mine.map((l) => l.params.hand))).toEqual(new Set(['left', 'right']));
      expect(new Set(mine.map((l) => l.params.angle))).toEqual(new Set(['frontal', 'moderate', 'steep']));
    }
  });
});
