/**
 * Reading poses from hand landmarks. Two sources:
 * - real landmark sets MediaPipe found in the labelled photos (tests/unit/fixtures/hand-landmarks.json,
 *   recorded by scripts/capture-landmarks.ts), also turned, scaled and mirrored;
 * - hands posed with a small articulated model (palm, three phalanges per finger, joint angles),
 *   for the listed poses the photo set lacks;
 * - a few landmark sets MediaPipe found in the rendered hands (tests/unit/fixtures/rendered-hand-landmarks.json,
 *   from the half of tests/vision/rendered-hands the classifier may be tuned on), where a thumb rests on a finger.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { boxOf, classifyHand, isListedPose, isTwoHandHeart, numbersOf, thumbClearance, toPixels } from '../../lib/vision/gestures';
import type { FingerName, Gesture, Point } from '../../lib/vision/types';

interface Recorded {
  label: string;
  width: number;
  height: number;
  hands: { points: Point[]; score: number }[];
}
const recorded = JSON.parse(readFileSync(new URL('./fixtures/hand-landmarks.json', import.meta.url), 'utf8')) as Record<string, Recorded>;
const rendered = JSON.parse(readFileSync(new URL('./fixtures/rendered-hand-landmarks.json', import.meta.url), 'utf8')) as Record<string, Recorded & { fingers: FingerName[] }>;

// ---------------------------------------------------------------- articulated model

type Curl = 'up' | 'down' | 'half';
const MCP: Record<Exclude<FingerName, 'thumb'>, [number, number]> = { index: [-0.34, -0.98], middle: [-0.1, -1.04], ring: [0.14, -0.99], pinky: [0.36, -0.87] };
const PHALANX: Record<Exclude<FingerName, 'thumb'>, number[]> = { index: [0.45, 0.27, 0.22], middle: [0.5, 0.3, 0.24], ring: [0.46, 0.28, 0.22], pinky: [0.36, 0.22, 0.2] };
const SPREAD: Record<Exclude<FingerName, 'thumb'>, number> = { index: -0.12, middle: -0.03, ring: 0.06, pinky: 0.16 };
const FLEX: Record<Curl, number[]> = { up: [5, 5, 3], half: [40, 55, 30], down: [85, 100, 70] };

function finger(name: Exclude<FingerName, 'thumb'>, curl: Curl): Point[] {
  const [x0, y0] = MCP[name];
  const pts: Point[] = [{ x: x0, y: y0, z: 0 }];
  let theta = 0;
  let p = pts[0]!;
  PHALANX[name].forEach((len, i) => {
    theta += (FLEX[curl][i]! * Math.PI) / 180;
    // fingers point up (−y), spread sideways a little, and curl towards the camera (−z)
    const d = { x: Math.sin(SPREAD[name]) * Math.cos(theta), y: -Math.cos(SPREAD[name]) * Math.cos(theta), z: -Math.sin(theta) };
    p = { x: p.x + d.x * len, y: p.y + d.y * len, z: p.z + d.z * len };
    pts.push(p);
  });
  return pts;
}

const THUMB: Record<'out' | 'tucked' | 'pinch', Point[]> = {
  // spread sideways, as in an open hand or a thumbs-up
  out: [{ x: -0.2, y: -0.25, z: 0 }, { x: -0.5, y: -0.42, z: -0.02 }, { x: -0.78, y: -0.55, z: -0.03 }, { x: -1.02, y: -0.67, z: -0.04 }],
  // folded across the palm towards the ring finger
  tucked: [{ x: -0.2, y: -0.25, z: 0 }, { x: -0.35, y: -0.5, z: -0.12 }, { x: -0.12, y: -0.66, z: -0.22 }, { x: 0.12, y: -0.72, z: -0.26 }],
  // tip meeting the index fingertip (set per pose below)
  pinch: [],
};

function hand(fingers: Partial<Record<Exclude<FingerName, 'thumb'>, Curl>>, thumb: keyof typeof THUMB): Point[] {
  const f = (n: Exclude<FingerName, 'thumb'>) => finger(n, fingers[n] ?? 'down');
  const index = f('index');
  let t = THUMB[thumb];
  if (thumb === 'pinch') {
    const tip = index[3]!;
    t = [{ x: -0.2, y: -0.25, z: 0 }, { x: -0.45, y: -0.45, z: -0.1 }, { x: (-0.45 + tip.x) / 2 - 0.12, y: (-0.45 + tip.y) / 2, z: (tip.z - 0.1) / 2 }, { x: tip.x + 0.03, y: tip.y + 0.04, z: tip.z }];
  }
  return [{ x: 0, y: 0, z: 0 }, ...t, ...index, ...f('middle'), ...f('ring'), ...f('pinky')];
}

/** Place a model hand in a 640×480 photo: scale, turn (degrees), shift; optionally mirrored. */
function place(p: readonly Point[], { scale = 120, turn = 0, at = [320, 400] as [number, number], mirror = false } = {}): Point[] {
  const r = (turn * Math.PI) / 180;
  return p.map((q) => {
    const x = mirror ? -q.x : q.x;
    return { x: at[0] + scale * (x * Math.cos(r) - q.y * Math.sin(r)), y: at[1] + scale * (x * Math.sin(r) + q.y * Math.cos(r)), z: scale * q.z };
  });
}

const gestureOf = (p: Point[]) => classifyHand(p).gesture;

// ---------------------------------------------------------------- real landmarks

describe('real landmark sets from the labelled photos', () => {
  const labelled = Object.entries(recorded).filter(([, r]) => r.label !== 'unclear');
  it.each(labelled)('%s reads as its label', (_file, r) => {
    const first = r.hands[0]!;
    const pose = classifyHand(toPixels(first.points, r.width, r.height));
    expect(pose.gesture).toBe(r.label);
    const expected: Record<string, FingerName[]> = { one: ['index'], two: ['index', 'middle'], thumb: ['thumb'], fist: [] };
    expect(pose.fingers).toEqual(expected[r.label]);
    expect(pose.clarity).toBeGreaterThan(0.3);
  });

  it('the reading does not change when the photo is turned, scaled or mirrored', () => {
    for (const [file, r] of labelled) {
      const base = toPixels(r.hands[0]!.points, r.width, r.height);
      const cx = base[0]!.x;
      const cy = base[0]!.y;
      for (const turn of [-30, -15, 15, 30])
        for (const s of [0.5, 3])
          for (const mirror of [false, true]) {
            const a = (turn * Math.PI) / 180;
            const moved = base.map((q) => {
              const x = (mirror ? -(q.x - cx) : q.x - cx) * s;
              const y = (q.y - cy) * s;
              return { x: x * Math.cos(a) - y * Math.sin(a), y: x * Math.sin(a) + y * Math.cos(a), z: q.z * s };
            });
            expect(gestureOf(moved), `${file} turned ${turn}° ×${s}${mirror ? ' mirrored' : ''}`).toBe(r.label);
          }
    }
  });

  it('rejects a hand without 21 landmarks', () => {
    expect(() => classifyHand([{ x: 0, y: 0, z: 0 }])).toThrow(/21 landmarks/);
  });
});

// ---------------------------------------------------------------- a thumb resting on a finger

describe('a thumb whose tip rests on another finger is not raised', () => {
  const ok = Object.entries(rendered).filter(([, r]) => r.label === 'ok_three');
  it.each(ok)('%s: OK with three fingers — the thumb closes the ring, it is not counted', (_file, r) => {
    const p = toPixels(r.hands[0]!.points, r.width, r.height);
    expect(thumbClearance(p)).toBeLessThan(0.25);
    const pose = classifyHand(p);
    expect(pose.gesture).toBe('ok_three');
    expect(pose.fingers).toEqual(r.fingers);
    expect(pose.count).toBe(3);
  });

  const hearts = Object.entries(rendered).filter(([, r]) => r.label === 'finger_heart');
  it.each(hearts)('%s: finger-heart — the thumb crossed on the index is not a thumbs-up', (_file, r) => {
    const pose = classifyHand(toPixels(r.hands[0]!.points, r.width, r.height));
    expect(pose.fingers).toEqual([]);
    expect(pose.gesture).not.toBe('thumb');
  });

  it('holds when the hand is turned, scaled or mirrored', () => {
    for (const [file, r] of ok) {
      const base = toPixels(r.hands[0]!.points, r.width, r.height);
      for (const turn of [-40, 40])
        for (const s of [0.3, 4])
          for (const mirror of [false, true]) {
            const a = (turn * Math.PI) / 180;
            const moved = base.map((q) => {
              const x = (mirror ? -q.x : q.x) * s;
              const y = q.y * s;
              return { x: x * Math.cos(a) - y * Math.sin(a), y: x * Math.sin(a) + y * Math.cos(a), z: q.z * s };
            });
            expect(classifyHand(moved).fingers, `${file} turned ${turn}° ×${s}${mirror ? ' mirrored' : ''}`).toEqual(r.fingers);
          }
    }
  });
});

// ---------------------------------------------------------------- model hands

describe('the listed poses, on model hands', () => {
  const cases: [Gesture, Point[], number][] = [
    ['one', hand({ index: 'up' }, 'tucked'), 1],
    ['two', hand({ index: 'up', middle: 'up' }, 'tucked'), 2],
    ['three', hand({ index: 'up', middle: 'up', ring: 'up' }, 'tucked'), 3],
    ['three', hand({ index: 'up', middle: 'up' }, 'out'), 3],
    ['four', hand({ index: 'up', middle: 'up', ring: 'up', pinky: 'up' }, 'tucked'), 4],
    ['five', hand({ index: 'up', middle: 'up', ring: 'up', pinky: 'up' }, 'out'), 5],
    ['thumb', hand({}, 'out'), 1],
    ['thumb_index', hand({ index: 'up' }, 'out'), 2],
    ['call', hand({ pinky: 'up' }, 'out'), 2],
    ['metal', hand({ index: 'up', pinky: 'up' }, 'tucked'), 2],
    ['metal', hand({ index: 'up', pinky: 'up' }, 'out'), 3],
    ['ok_three', hand({ index: 'half', middle: 'up', ring: 'up', pinky: 'up' }, 'pinch'), 3],
    ['fist', hand({}, 'tucked'), 0],
  ];
  it.each(cases)('%s', (gesture, model, count) => {
    for (const turn of [0, -20, 20])
      for (const mirror of [false, true]) {
        const pose = classifyHand(place(model, { turn, mirror }));
        expect(pose.gesture, `turned ${turn}°${mirror ? ' mirrored' : ''}: ${pose.fingers.join('+')}`).toBe(gesture);
        expect(pose.count).toBe(count);
      }
  });

  it('pistol: thumb up, index pointing sideways', () => {
    const l = hand({ index: 'up' }, 'out');
    expect(gestureOf(place(l, { turn: 0 }))).toBe('thumb_index');
    expect(gestureOf(place(l, { turn: 80 }))).toBe('pistol');
    expect(gestureOf(place(l, { turn: -80, mirror: true }))).toBe('pistol');
  });

  it('a fist whose tucked thumb pokes out a little is a fist, a thumb clearly out is a thumbs-up', () => {
    // the thumb of the model fist, its tip pulled out along the palm's width by `out` palm lengths
    const pokes = (out: number) => {
      const m = hand({}, 'out');
      m.splice(1, 4, { x: -0.2, y: -0.25, z: 0 }, { x: -0.45, y: -0.42, z: -0.08 }, { x: -0.55 - out / 2, y: -0.55, z: -0.12 }, { x: -0.6 - out, y: -0.6, z: -0.14 });
      return m;
    };
    const across = (m: Point[]) => Math.hypot(m[4]!.x - m[17]!.x, m[4]!.y - m[17]!.y, m[4]!.z - m[17]!.z) / Math.hypot(m[9]!.x, m[9]!.y, m[9]!.z);
    const little = pokes(0.3);
    expect(across(little)).toBeGreaterThan(1.15);
    expect(across(little)).toBeLessThan(1.3);
    const clear = pokes(0.6);
    expect(across(clear)).toBeGreaterThan(1.5);
    for (const turn of [0, 30, -30])
      for (const mirror of [false, true]) {
        expect(gestureOf(place(little, { turn, mirror }))).toBe('fist');
        expect(gestureOf(place(clear, { turn, mirror }))).toBe('thumb');
      }
  });

  it('Korean finger-heart: thumb tip crossed on a bent index, the rest curled', () => {
    const index = finger('index', 'half');
    const tip = index[2]!; // the thumb tip rests on the index's middle joint area
    const model = hand({ index: 'half' }, 'out');
    model.splice(1, 4, { x: -0.2, y: -0.25, z: 0 }, { x: -0.42, y: -0.5, z: -0.1 }, { x: -0.5, y: -0.75, z: -0.2 }, { x: tip.x - 0.02, y: tip.y + 0.02, z: tip.z });
    expect(gestureOf(place(model))).toBe('finger_heart');
    expect(gestureOf(place(model, { mirror: true, turn: 15 }))).toBe('finger_heart');
  });

  it('two-hand heart: two hands whose thumb tips and index tips meet', () => {
    // the left half of the heart leans right; the right half is its mirror image
    const left = place(hand({ index: 'half' }, 'out'), { at: [250, 350], turn: 50 });
    const axis = Math.max(left[4]!.x, left[8]!.x) + 2;
    const right = left.map((q) => ({ x: 2 * axis - q.x, y: q.y, z: q.z }));
    right[4] = { ...left[4]!, x: left[4]!.x + 4 };
    right[8] = { ...left[8]!, x: left[8]!.x + 4 };
    expect(isTwoHandHeart(left, right)).toBe(true);
    // the same two hands side by side, tips apart: not a heart
    expect(isTwoHandHeart(left, right.map((q) => ({ ...q, x: q.x + 300 })))).toBe(false);
    // one hand found twice (same place): not a heart
    expect(isTwoHandHeart(left, left.map((q) => ({ ...q })))).toBe(false);
  });
});

describe('numbers and boxes', () => {
  it('maps poses to ballot-number readings; fist and two-hand heart are allowed', () => {
    expect(numbersOf('one', 1)).toEqual([1]);
    expect(numbersOf('four', 4)).toEqual([4]);
    expect(numbersOf('thumb', 1)).toEqual([1]);
    expect(numbersOf('ok_three', 3)).toEqual([3]);
    expect(numbersOf('fist', 0)).toEqual([]);
    expect(isListedPose('fist')).toBe(false);
    expect(isListedPose('two_hand_heart')).toBe(false);
    expect(isListedPose('finger_heart')).toBe(true);
    expect(isListedPose('metal')).toBe(true);
  });

  it('boxes a hand in pixels, padded and clipped to the image', () => {
    const pts: Point[] = Array.from({ length: 21 }, (_, i) => ({ x: 0.5 + (i % 3) * 0.05, y: 0.4 + Math.floor(i / 7) * 0.05, z: 0 }));
    expect(boxOf(pts, 1000, 500)).toEqual([485, 185, 130, 80]);
    const edge = pts.map((p) => ({ ...p, x: p.x - 0.5 }));
    expect(boxOf(edge, 1000, 500)[0]).toBe(0);
  });
});
