/**
 * Pose reading on recorded landmarks (scripts/capture-landmarks.ts --all), in Node, in about a
 * second: the same figures as `npm run eval:vision` for the hand poses — the labelled photos, their
 * variations, the rendered hands — with the rendered set split in two by its index in labels.json
 * order: the EVEN half is where the classifier may be tuned, the ODD half is the check, looked at
 * only to report. Landmarks are MediaPipe's and do not change with the classifier; everything after
 * them (lib/vision/readings.ts, gestures.ts, findings.ts) is the code under test.
 *
 *   npx tsx scripts/eval-landmarks.ts [CACHE] [--save FILE.json] [--before FILE.json] [--misses even] [--check]
 *
 * The odd half and the whole set are printed only with --check.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createEngine } from '../lib/packs';
import { imageFindings, numbersInPlay } from '../lib/vision/findings';
import { isListedPose } from '../lib/vision/gestures';
import { readHands } from '../lib/vision/readings';
import type { FingerName, Gesture, HandReading } from '../lib/vision/types';
import type { RenderedLabel } from './eval-rendered-hands';
import { VARIATIONS, type LandmarkCache, type RecordedHands } from './landmark-cache';

const args = process.argv.slice(2);
const opt = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args.splice(i, 2)[1] : undefined;
};
const saveTo = opt('--save');
const beforeFile = opt('--before');
const missesOf = opt('--misses');
/** the odd half (and the whole set) is printed only when asked: it is the check, not for tuning */
const check = args.includes('--check') ? (args.splice(args.indexOf('--check'), 1), true) : false;
const cache = JSON.parse(readFileSync(args[0] ?? '.scratch/landmarks.json', 'utf8')) as LandmarkCache;
const inPlay = numbersInPlay(createEngine().packs);

type Tally = { n: number; found: number; fingers: number; gesture: number; flagged: number };
type Summary = Record<string, Record<string, Tally>>;
const summary: Summary = {};
const tally = (group: string, key: string, t: Omit<Tally, 'n'>) => {
  const g = (summary[group] ??= {});
  const r = (g[key] ??= { n: 0, found: 0, fingers: 0, gesture: 0, flagged: 0 });
  r.n++;
  r.found += t.found;
  r.fingers += t.fingers;
  r.gesture += t.gesture;
  r.flagged += t.flagged;
};
const sameFingers = (a: readonly FingerName[], b: readonly FingerName[]) => [...a].sort().join() === [...b].sort().join();

function read(rec: RecordedHands, name: string) {
  const hands = readHands(rec.hands, rec.width, rec.height);
  const { verdict } = imageFindings([{ name, analysis: { width: rec.width, height: rec.height, hands } }], inPlay);
  const main: HandReading | undefined = [...hands].sort((a, b) => b.box[2] * b.box[3] - a.box[2] * a.box[3])[0];
  return { main, flagged: verdict !== 'ok' };
}
const misses: string[] = [];
const confusion: Record<string, Record<string, Record<string, number>>> = {};

// the labelled photos (one person): clear ones only, as eval-vision.ts counts them
const { labels } = JSON.parse(readFileSync('tests/vision/labels.json', 'utf8')) as {
  labels: Record<string, { gesture: Gesture | 'unclear'; fingers: FingerName[] | null; clear: boolean }>;
};
for (const [file, label] of Object.entries(labels)) {
  if (!label.clear || label.gesture === 'unclear') continue;
  const { main, flagged } = read(cache.photos[file]!, file);
  const t = { found: main ? 1 : 0, fingers: main && sameFingers(main.fingers, label.fingers ?? []) ? 1 : 0, gesture: main?.gesture === label.gesture ? 1 : 0, flagged: flagged ? 1 : 0 };
  tally('photos', label.gesture, t);
  tally('photos', 'all', t);
  if (!t.fingers || !t.gesture || flagged !== isListedPose(label.gesture)) misses.push(`photo ${file}: ${label.gesture} → ${main ? `${main.gesture} [${main.fingers.join('+')}]` : 'no hand'}${flagged ? ' flagged' : ''}`);
  for (const kind of VARIATIONS) {
    const v = cache.variations[kind]?.[file];
    if (!v) continue;
    const r = read(v, file);
    const ok = r.main && sameFingers(r.main.fingers, label.fingers ?? []) ? 1 : 0;
    tally('variations', kind, { found: r.main ? 1 : 0, fingers: ok, gesture: r.main?.gesture === label.gesture ? 1 : 0, flagged: r.flagged ? 1 : 0 });
    if (!ok) misses.push(`variation ${kind} ${file}: ${label.gesture} → ${r.main ? `${r.main.gesture} [${r.main.fingers.join('+')}]` : 'no hand'}`);
  }
}

// the rendered hands, split by index
const rdir = 'tests/vision/rendered-hands';
const { labels: rendered } = JSON.parse(readFileSync(path.join(rdir, 'labels.json'), 'utf8')) as { labels: Record<string, RenderedLabel> };
Object.entries(rendered).forEach(([file, label], i) => {
  const half = i % 2 === 0 ? 'even' : 'odd';
  const { main, flagged } = read(cache.rendered[file]!, file);
  const t = { found: main ? 1 : 0, fingers: main && sameFingers(main.fingers, label.fingers) ? 1 : 0, gesture: main?.gesture === label.gesture ? 1 : 0, flagged: flagged ? 1 : 0 };
  for (const h of [half, 'all']) {
    tally(`rendered ${h}`, label.params.pose, t);
    tally(`rendered ${h}`, 'all', t);
    const c = ((confusion[h] ??= {})[label.gesture] ??= {});
    const got = main?.gesture ?? 'no hand';
    c[got] = (c[got] ?? 0) + 1;
  }
  if (missesOf === half && main && !t.fingers)
    misses.push(`rendered ${file} (${label.params.pose}, ${label.params.angle}, ${label.params.facing}, ${label.params.sizeBucket}${label.params.thumbCover ? ', thumb covered' : ''}): [${label.fingers.join('+')}] → ${main.gesture} [${main.fingers.join('+')}]`);
});

const before = beforeFile ? (JSON.parse(readFileSync(beforeFile, 'utf8')) as Summary) : undefined;
const cell = (r: Tally, k: keyof Omit<Tally, 'n'>, b?: Tally) => `${b ? `${String(b[k]).padStart(3)}→` : ''}${String(r[k]).padStart(3)}/${r.n}`;
for (const [group, rows] of Object.entries(summary)) {
  if (!check && (group === 'rendered odd' || group === 'rendered all')) continue;
  console.log(`${group}${before ? '  (before→after)' : ''}`);
  console.log(`  ${''.padEnd(16)} ${'found'.padStart(before ? 10 : 6)} ${'fingers'.padStart(before ? 10 : 6)} ${'gesture'.padStart(before ? 10 : 6)} ${'flagged'.padStart(before ? 10 : 6)}`);
  for (const [key, r] of Object.entries(rows).sort(([a], [b]) => (a === 'all' ? 1 : b === 'all' ? -1 : a.localeCompare(b)))) {
    const b = before?.[group]?.[key];
    console.log(`  ${key.padEnd(16)} ${cell(r, 'found', b).padStart(before ? 10 : 6)} ${cell(r, 'fingers', b).padStart(before ? 10 : 6)} ${cell(r, 'gesture', b).padStart(before ? 10 : 6)} ${cell(r, 'flagged', b).padStart(before ? 10 : 6)}`);
  }
}
for (const h of check ? ['even', 'odd'] : ['even']) {
  console.log(`rendered ${h}: gestures read (expected → read ×n)`);
  for (const [want, got] of Object.entries(confusion[h] ?? {}).sort())
    console.log(`  ${want.padEnd(13)} → ${Object.entries(got).sort((a, b) => b[1] - a[1]).map(([g, k]) => `${g} ×${k}`).join(', ')}`);
}
if (misses.length) console.log(`misses:\n  ${misses.join('\n  ')}`);
if (saveTo) writeFileSync(saveTo, JSON.stringify(summary));
