/**
 * Trains the learned stage on the training data and writes public/model/text-model.json.
 *
 *   npm run train            write the model, print the cross-validated figures
 *   npm run train -- --check exit 1 if the committed model differs from a fresh training
 *
 * Deterministic: same data, same bytes (tests/unit/model-train.test.ts retrains and compares).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { buildTrainingExamples } from '../tests/corpus/train-examples';
import { serialize, trainModel } from '../lib/model/train';
import { MODEL_FILE } from '../lib/model/node';

const check = process.argv.includes('--check');
const { examples, problems, files } = buildTrainingExamples();
if (problems.length) {
  for (const p of problems) console.error(`${p.file}:${p.line}: ${p.message}`);
  process.exit(1);
}
const t0 = performance.now();
const { file } = trainModel(examples, { files: files.map((f) => relative(process.cwd(), f)) });
const out = serialize(file);
const ms = performance.now() - t0;
if (check) {
  const same = readFileSync(MODEL_FILE, 'utf8') === out;
  console.log(same ? 'model file matches a fresh training' : 'model file differs from a fresh training: run npm run train');
  process.exit(same ? 0 : 1);
}
writeFileSync(MODEL_FILE, out);
console.log(
  `trained on ${examples.length} items (${examples.filter((e) => e.gated).length} past the gate) from ${files.length} files in ${(ms / 1000).toFixed(1)} s`,
);
console.log(`thresholds: violation ≥ ${file.thresholds.violation}, caution ≥ ${file.thresholds.caution}`);
console.log(`wrote ${relative(process.cwd(), MODEL_FILE)} (${(out.length / 1024).toFixed(0)} KB)`);
