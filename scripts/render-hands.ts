/**
 * Renders the labelled set of varied hands (tests/vision/rendered-hands/): every pose the
 * classifier knows, on the WebXR generic hand model posed bone by bone, across skin tones, both
 * hands, palm or back, angles, sizes, a covered thumb base, lighting and backgrounds. Writes the
 * JPEGs and labels.json (the pose's label plus every generator parameter). Deterministic: the
 * same seed gives the same parameters, and the same Chromium the same pixels.
 *
 *   npx tsx scripts/render-hands.ts [--per-pose N] [--out DIR]
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { openHandRenderer } from './hand-render/render';
import { drawSpecs } from './hand-render/specs';

const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const perPose = Number(arg('--per-pose') ?? 24);
const out = path.resolve(arg('--out') ?? 'tests/vision/rendered-hands');
const only = arg('--pose');

const specs = drawSpecs(perPose).filter((s) => !only || s.pose.name === only);
rmSync(path.join(out, 'images'), { recursive: true, force: true });
mkdirSync(path.join(out, 'images'), { recursive: true });
const renderer = await openHandRenderer();
const labels: Record<string, unknown> = {};
const t0 = performance.now();
let bytes = 0;
try {
  for (const { params, pose } of specs) {
    const r = await renderer.render(params, pose);
    writeFileSync(path.join(out, 'images', params.file), r.jpeg);
    bytes += r.jpeg.length;
    labels[params.file] = { gesture: pose.gesture, fingers: pose.fingers, box: r.box, ...(r.reach !== undefined ? { reach: Math.round(r.reach * 1000) / 1000 } : {}), params };
  }
} finally {
  await renderer.close();
}
writeFileSync(
  path.join(out, 'labels.json'),
  `${JSON.stringify({ $comment: 'Written by scripts/render-hands.ts: label = the pose rendered (gesture, raised fingers), box = the hand joints projected (px), params = every generator parameter. See CARD.md.', labels }, null, 1)}\n`,
);
const ms = performance.now() - t0;
console.log(`${specs.length} pictures, ${(bytes / 1e6).toFixed(1)} MB, ${(ms / specs.length).toFixed(0)} ms each (${(ms / 1000).toFixed(1)} s)`);
