/**
 * What each rendered picture varies, drawn from a seed: the pose, skin tone, left or right hand,
 * palm or back toward the camera, yaw/pitch/roll, the hand's size in the picture (down to a small
 * hand in a large "group" picture), a cover over the base of the thumb, lighting, sleeve and
 * background. Balanced by construction: every pose gets every skin tone, both hands and the
 * three angle buckets equally often. Pure; the same seed gives the same set.
 */
import { POSES, type PoseSpec } from './poses';
import { mulberry32 } from '../../lib/random';

/** Skin albedo (sRGB) loosely spanning Fitzpatrick types I–VI, from published skin-colour ranges. */
export const TONES = [
  { tone: 'I', hex: '#f1d3c2' },
  { tone: 'II', hex: '#e3b796' },
  { tone: 'III', hex: '#c99872' },
  { tone: 'IV', hex: '#a8734e' },
  { tone: 'V', hex: '#7a4c30' },
  { tone: 'VI', hex: '#4b2f21' },
] as const;

export type AngleBucket = 'frontal' | 'moderate' | 'steep';
export type SizeBucket = 'large' | 'medium' | 'small';

export interface RenderParams {
  file: string;
  seed: number;
  pose: string;
  tone: string;
  /** the albedo actually used (the tone's, varied a little) */
  skin: string;
  hand: 'left' | 'right';
  facing: 'palm' | 'back';
  yaw: number;
  pitch: number;
  roll: number;
  angle: AngleBucket;
  /** hand length (wrist to fingertip) as a share of the picture's height */
  scale: number;
  sizeBucket: SizeBucket;
  /** centre of the hand, in half-heights from the picture's centre */
  offset: [number, number];
  size: [number, number];
  background: 'plain' | 'gradient' | 'busy';
  light: { key: number; fill: number; dir: [number, number] };
  warmth: number;
  sleeve: string | null;
  /** colour of a block over the base of the thumb (null: thumb in full view) */
  thumbCover: string | null;
}

const SLEEVES = ['#1f2a44', '#f2f2f2', '#6b1e2b', '#2f5d3a', '#c9a227', '#444444', '#87a9d6'];
const COVERS = ['#e8e2d0', '#2b2b2b', '#b03a2e', '#3d5a80'];

export function drawSpecs(perPose: number, seed = 20261206): { params: RenderParams; pose: PoseSpec }[] {
  const out: { params: RenderParams; pose: PoseSpec }[] = [];
  for (let k = 0; k < perPose; k++)
    for (const [pi, pose] of POSES.entries()) {
      const s = seed + k * 1009 + pi * 7919;
      const r = mulberry32(s);
      const tone = TONES[(k + pi) % TONES.length]!;
      const hand = (Math.floor(k / TONES.length) + k) % 2 ? 'left' : 'right';
      const angle = (['frontal', 'moderate', 'steep'] as const)[(k + 2 * pi) % 3]!;
      const sizeBucket = (['large', 'medium', 'small'] as const)[(Math.floor(k / 3) + pi) % 3]!;
      const lim = { frontal: [0, 15], moderate: [15, 32], steep: [32, 50] }[angle];
      const sgn = () => (r() < 0.5 ? -1 : 1);
      const within = (a: number, b: number) => sgn() * (a + r() * (b - a));
      // one axis reaches the bucket's range, the others stay at or below it
      const axes = [within(0, lim[1]!), within(0, lim[1]!), within(0, lim[1]!)];
      axes[Math.floor(r() * 3)] = within(lim[0]!, lim[1]!);
      const [yaw, pitch, roll] = axes as [number, number, number];
      const scale = sizeBucket === 'large' ? 0.55 + r() * 0.2 : sizeBucket === 'medium' ? 0.28 + r() * 0.12 : 0.09 + r() * 0.06;
      const size: [number, number] = sizeBucket === 'small' ? [1280, 960] : r() < 0.5 ? [640, 640] : [720, 540];
      const spread = sizeBucket === 'small' ? 0.75 : sizeBucket === 'medium' ? 0.35 : 0.1;
      const jitterHex = (hex: string) => {
        const n = parseInt(hex.slice(1), 16);
        const f = 0.94 + r() * 0.12;
        const c = [n >> 16, (n >> 8) & 255, n & 255].map((v) => Math.max(0, Math.min(255, Math.round(v * f))));
        return `#${c.map((v) => v.toString(16).padStart(2, '0')).join('')}`;
      };
      const thumbShown = pose.fingers.includes('thumb') || 'reach' in pose.thumb;
      const params: RenderParams = {
        file: `${pose.name}-${String(k).padStart(2, '0')}.jpg`,
        seed: s,
        pose: pose.name,
        tone: tone.tone,
        skin: jitterHex(tone.hex),
        hand,
        facing: r() < 0.3 ? 'back' : 'palm',
        // `|| 0`: no -0, which JSON cannot keep
        yaw: Math.round(yaw) || 0,
        pitch: Math.round(pitch) || 0,
        roll: Math.round(roll) || 0,
        angle,
        scale: Math.round(scale * 100) / 100,
        sizeBucket,
        offset: [Math.round((r() - 0.5) * 2 * spread * 100) / 100 || 0, Math.round((r() - 0.5) * 2 * spread * 100) / 100 || 0],
        size,
        background: (['plain', 'gradient', 'busy'] as const)[(k + pi + Math.floor(k / 3)) % 3]!,
        light: { key: Math.round((1.2 + r() * 1.8) * 100) / 100, fill: Math.round((0.6 + r() * 1.0) * 100) / 100, dir: [Math.round((r() - 0.5) * 300) / 100 || 0, Math.round((r() - 0.2) * 250) / 100 || 0] },
        warmth: Math.round(r() * 100) / 100,
        sleeve: r() < 0.6 ? SLEEVES[Math.floor(r() * SLEEVES.length)]! : null,
        thumbCover: thumbShown && r() < 0.25 ? COVERS[Math.floor(r() * COVERS.length)]! : null,
      };
      out.push({ params, pose });
    }
  return out;
}
