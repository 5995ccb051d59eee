/**
 * Accuracy on the labelled photos (tests/vision/labels.json): runs the real engine in headless
 * Chromium, prints per-gesture figures and lists every miss. Figures only: it fails (exit 1) only
 * when it cannot run. See tests/vision/ATTRIBUTION.md for what this set can and cannot tell.
 *
 *   npm run eval:vision [-- DIR LABELS.json]
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createEngine } from '../lib/packs';
import { imageFindings, numbersInPlay } from '../lib/vision/findings';
import { isListedPose } from '../lib/vision/gestures';
import type { Gesture } from '../lib/vision/types';
import { openHeadlessEngine } from '../vision/headless';

const dir = process.argv[2] ?? 'tests/vision/photos';
const labelsFile = process.argv[3] ?? 'tests/vision/labels.json';
const { labels } = JSON.parse(readFileSync(labelsFile, 'utf8')) as {
  labels: Record<string, { gesture: Gesture | 'unclear'; fingers: string[] | null; clear: boolean }>;
};
const inPlay = numbersInPlay(createEngine().packs);

interface Row {
  n: number;
  countOk: number;
  gestureOk: number;
  flagged: number;
}
const rows = new Map<string, Row>();
const misses: string[] = [];
let clear = 0;
let clearCountOk = 0;
let listed = 0;
let listedCaught = 0;
let allowed = 0;
let allowedFlagged = 0;

const engine = await openHeadlessEngine();
try {
  for (const [file, label] of Object.entries(labels)) {
    if (label.gesture === 'unclear' || !label.clear) continue;
    const analysis = await engine.analyse(new Uint8Array(readFileSync(path.join(dir, file))));
    const { verdict } = imageFindings([{ name: file, analysis }], inPlay);
    // the main hand: the largest box
    const main = [...analysis.hands].sort((a, b) => b.box[2] * b.box[3] - a.box[2] * a.box[3])[0];
    const row = rows.get(label.gesture) ?? { n: 0, countOk: 0, gestureOk: 0, flagged: 0 };
    rows.set(label.gesture, row);
    row.n++;
    clear++;
    const expectCount = label.fingers?.length ?? 0;
    const countOk = main !== undefined && [...main.fingers].sort().join() === [...(label.fingers ?? [])].sort().join();
    const gestureOk = main?.gesture === label.gesture;
    const flagged = verdict !== 'ok';
    if (countOk) row.countOk++, clearCountOk++;
    if (gestureOk) row.gestureOk++;
    if (flagged) row.flagged++;
    if (isListedPose(label.gesture as Gesture)) {
      listed++;
      if (flagged) listedCaught++;
    } else {
      allowed++;
      if (flagged) allowedFlagged++;
    }
    if (!countOk || !gestureOk || flagged !== isListedPose(label.gesture as Gesture))
      misses.push(
        `${file}: expected ${label.gesture} (${expectCount} fingers), got ${main ? `${main.gesture} [${main.fingers.join('+')}] score ${main.score}` : 'no hand'}${analysis.problem ? ` (${analysis.problem})` : ''}, verdict ${verdict}`,
      );
  }
} finally {
  await engine.close();
}

const pct = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(1)}%` : 'n/a');
console.log(`vision accuracy on ${clear} labelled photos with a clearly visible hand (${dir})`);
console.log('gesture        photos  fingers-right  gesture-right  flagged');
for (const [g, r] of [...rows.entries()].sort()) {
  console.log(`${g.padEnd(14)} ${String(r.n).padStart(6)}  ${pct(r.countOk, r.n).padStart(13)}  ${pct(r.gestureOk, r.n).padStart(13)}  ${pct(r.flagged, r.n).padStart(7)}`);
}
console.log(`finger count right: ${clearCountOk}/${clear} (${pct(clearCountOk, clear)}; aim ≥ 95%)`);
console.log(`listed poses caught: ${listedCaught}/${listed} (${pct(listedCaught, listed)}; aim ≥ 95%)`);
console.log(`allowed poses (fist, two-hand heart) flagged: ${allowedFlagged}/${allowed} (aim 0)`);
console.log(misses.length ? `misses:\n  ${misses.join('\n  ')}` : 'misses: none');
console.log('note: one person, four poses, mostly frames of one clip; see tests/vision/ATTRIBUTION.md');
