/**
 * Builds the vision assets that ship inside the extension, from npm packages only:
 *
 *   public/vision/hand_landmarker.task   stored zip: hand_detector.tflite + hand_landmarks_detector.tflite
 *   public/vision/vision_wasm_internal.{js,wasm}   MediaPipe Tasks runtime (one SIMD variant)
 *
 * The hand models come from @mediapipe/hands (palm_detection_full inside the packed assets
 * file, located through the loader's file table; hand_landmark_full.tflite as is). MediaPipe
 * Tasks needs NormalizationOptions metadata on float inputs: both models take RGB scaled to
 * [0, 1], i.e. mean 0, std 255. See lib/vision/tflite-metadata.ts.
 *
 * Run by `npm install` (postinstall) and before every `wxt build` (hook in wxt.config.ts).
 * Skips work when the outputs are newer than the inputs. No network, no Python.
 */
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync, copyFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { packageDir } from './package-dir';
import { addTfliteMetadata, buildModelMetadata, inspectTflite, storedZip } from '../lib/vision/tflite-metadata';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..');
export const VISION_OUT = join(root, 'public', 'vision');

const pkgDir = (name: string) => packageDir(name, root);

/** Finds one file in a legacy MediaPipe packed-assets bundle via the loader's file table. */
export function extractPacked(loaderJs: string, data: Uint8Array, suffix: string): Uint8Array {
  const m = /loadPackage\((\{"files":.*?\})\);/s.exec(loaderJs);
  if (!m) throw new Error('packed-assets loader: file table not found');
  const table = JSON.parse(m[1]!) as { files: { filename: string; start: number; end: number }[] };
  const entry = table.files.find((f) => f.filename.endsWith(suffix));
  if (!entry) throw new Error(`packed-assets: ${suffix} not in the file table`);
  if (entry.end > data.length) throw new Error(`packed-assets: ${suffix} runs past the data file`);
  return data.subarray(entry.start, entry.end);
}

function withImageMetadata(model: Uint8Array, name: string, description: string, mean: number, std: number): Uint8Array {
  const info = inspectTflite(model);
  if (info.inputs !== 1) throw new Error(`${name}: expected one input, found ${info.inputs}`);
  const meta = buildModelMetadata({
    name,
    description,
    inputs: [{ name: 'image', normalization: { mean: [mean], std: [std] } }],
    outputs: info.outputs,
    author: 'MediaPipe (Google); metadata added by Jaga Netral build',
    license: 'Apache License 2.0',
  });
  return addTfliteMetadata(model, meta);
}

export function buildHandTask(handsDir: string): Uint8Array {
  const loader = readFileSync(join(handsDir, 'hands_solution_packed_assets_loader.js'), 'utf8');
  const packed = new Uint8Array(readFileSync(join(handsDir, 'hands_solution_packed_assets.data')));
  const palm = extractPacked(loader, packed, '/palm_detection_full.tflite');
  const landmarks = new Uint8Array(readFileSync(join(handsDir, 'hand_landmark_full.tflite')));
  return storedZip([
    { name: 'hand_detector.tflite', data: withImageMetadata(palm, 'hand_detector', 'MediaPipe palm detection (full)', 0, 255) },
    {
      name: 'hand_landmarks_detector.tflite',
      data: withImageMetadata(landmarks, 'hand_landmarks_detector', 'MediaPipe hand landmarks (full)', 0, 255),
    },
  ]);
}

function newer(out: string, inputs: string[]): boolean {
  if (!existsSync(out)) return false;
  const t = statSync(out).mtimeMs;
  return inputs.every((i) => statSync(i).mtimeMs <= t);
}

export function buildModels(log = true): void {
  const handsDir = pkgDir('@mediapipe/hands');
  const tasksDir = pkgDir('@mediapipe/tasks-vision');
  mkdirSync(VISION_OUT, { recursive: true });
  const task = join(VISION_OUT, 'hand_landmarker.task');
  const inputs = [
    join(handsDir, 'hands_solution_packed_assets.data'),
    join(handsDir, 'hand_landmark_full.tflite'),
    join(root, 'lib/vision/tflite-metadata.ts'),
    fileURLToPath(import.meta.url),
  ];
  if (!newer(task, inputs)) {
    const bytes = buildHandTask(handsDir);
    writeFileSync(task, bytes);
    if (log) console.log(`vision: wrote ${task} (${(bytes.length / 1e6).toFixed(1)} MB)`);
  }
  for (const f of ['vision_wasm_internal.js', 'vision_wasm_internal.wasm']) {
    const src = join(tasksDir, 'wasm', f);
    const dst = join(VISION_OUT, f);
    if (!newer(dst, [src])) copyFileSync(src, dst);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) buildModels();
