/**
 * Pose accuracy on the rendered hands (tests/vision/rendered-hands/, scripts/render-hands.ts):
 * detection rate and finger-count rate per pose, skin tone, hand, palm/back, angle bucket, size,
 * covered thumb and background, and a confusion summary of the gestures read. Figures only.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { imageFindings } from '../lib/vision/findings';
import { isListedPose } from '../lib/vision/gestures';
import type { FingerName, Gesture } from '../lib/vision/types';
import type { HeadlessEngine } from '../vision/headless';
import type { RenderParams } from './hand-render/specs';

export interface RenderedLabel {
  gesture: Gesture;
  fingers: FingerName[];
  box: [number, number, number, number];
  params: RenderParams;
}

interface Tally {
  n: number;
  found: number;
  fingers: number;
  count: number;
  gesture: number;
}

export interface RenderedRow {
  file: string;
  label: RenderedLabel;
  reading: { gesture: Gesture; fingers: FingerName[]; score: number } | null;
}

export async function evalRenderedHands(
  eng: HeadlessEngine,
  inPlay: Parameters<typeof imageFindings>[1],
  dir = 'tests/vision/rendered-hands',
  /** every picture's reading, for looking at the misses */
  onRow?: (row: RenderedRow) => void,
): Promise<string[]> {
  const { labels } = JSON.parse(readFileSync(path.join(dir, 'labels.json'), 'utf8')) as { labels: Record<string, RenderedLabel> };
  const groups = new Map<string, Map<string, Tally>>();
  const confusion = new Map<string, Map<string, number>>();
  let listed = 0;
  let caught = 0;
  let allowed = 0;
  let allowedFlagged = 0;
  const tally = (group: string, key: string, t: Omit<Tally, 'n'>) => {
    const g = groups.get(group) ?? new Map<string, Tally>();
    groups.set(group, g);
    const row = g.get(key) ?? { n: 0, found: 0, fingers: 0, count: 0, gesture: 0 };
    g.set(key, row);
    row.n++;
    row.found += t.found;
    row.fingers += t.fingers;
    row.count += t.count;
    row.gesture += t.gesture;
  };
  for (const [file, label] of Object.entries(labels)) {
    const analysis = await eng.analyse(new Uint8Array(readFileSync(path.join(dir, 'images', file))));
    const { verdict } = imageFindings([{ name: file, analysis }], inPlay);
    const main = [...analysis.hands].sort((a, b) => b.box[2] * b.box[3] - a.box[2] * a.box[3])[0];
    onRow?.({ file, label, reading: main ? { gesture: main.gesture, fingers: main.fingers, score: main.score } : null });
    const want = label.gesture === 'ok_three' ? 3 : label.fingers.length;
    const t = {
      found: main ? 1 : 0,
      fingers: main && [...main.fingers].sort().join() === [...label.fingers].sort().join() ? 1 : 0,
      count: main && main.count === want ? 1 : 0,
      gesture: main?.gesture === label.gesture ? 1 : 0,
    };
    const p = label.params;
    tally('pose', p.pose, t);
    tally('skin tone', p.tone, t);
    tally('hand', p.hand, t);
    tally('facing', p.facing, t);
    tally('angle', p.angle, t);
    tally('size', `${p.sizeBucket} (${p.sizeBucket === 'small' ? '9–15% of 1280×960' : p.sizeBucket === 'medium' ? '28–40%' : '55–75%'})`, t);
    tally('thumb base', p.thumbCover ? 'covered' : 'in view', t);
    tally('background', p.background, t);
    tally('all', 'all', t);
    const c = confusion.get(label.gesture) ?? new Map<string, number>();
    confusion.set(label.gesture, c);
    const got = main?.gesture ?? 'no hand';
    c.set(got, (c.get(got) ?? 0) + 1);
    if (isListedPose(label.gesture)) {
      listed++;
      if (verdict !== 'ok') caught++;
    } else {
      allowed++;
      if (verdict !== 'ok') allowedFlagged++;
    }
  }
  const pct = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(0)}%` : 'n/a').padStart(5);
  const all = groups.get('all')!.get('all')!;
  const out = [
    `rendered hands: ${all.n} pictures (${dir}, the WebXR generic hand model posed and rendered: not real people; see CARD.md)`,
    `hand found ${all.found}/${all.n} (${pct(all.found, all.n).trim()}); fingers right ${all.fingers}/${all.n} (${pct(all.fingers, all.n).trim()}; ${pct(all.fingers, all.found).trim()} of those found); count right ${all.count}/${all.n}; gesture right ${all.gesture}/${all.n}`,
    `listed poses flagged: ${caught}/${listed} (${pct(caught, listed).trim()}); fists flagged: ${allowedFlagged}/${allowed}`,
    '                            n  found  fingers  count  gesture  (fingers right among found)',
  ];
  for (const [group, rows] of groups) {
    if (group === 'all') continue;
    out.push(`${group}:`);
    for (const [key, r] of [...rows].sort()) out.push(`  ${key.padEnd(24)} ${String(r.n).padStart(3)}  ${pct(r.found, r.n)}  ${pct(r.fingers, r.n)}  ${pct(r.count, r.n)}  ${pct(r.gesture, r.n)}    ${pct(r.fingers, r.found)}`);
  }
  out.push('gestures read (expected → read ×n):');
  for (const [want, got] of [...confusion].sort())
    out.push(`  ${want.padEnd(13)} → ${[...got].sort((a, b) => b[1] - a[1]).map(([g, k]) => `${g} ×${k}`).join(', ')}`);
  return out;
}
