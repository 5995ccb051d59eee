/** The shipped model file, read from disk (CLI, evaluation, tests, bench). Node only. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { nationalPack } from '../packs';
import type { Engine } from '../rules/engine';
import { modelStage, TextModel } from './model';
import { MODEL_PATH } from './index';

export const MODEL_FILE = fileURLToPath(new URL(`../../public${MODEL_PATH}`, import.meta.url));

let cached: TextModel | undefined;
export function loadModel(file = MODEL_FILE): TextModel {
  if (file === MODEL_FILE && cached) return cached;
  const m = new TextModel(JSON.parse(readFileSync(file, 'utf8')));
  if (file === MODEL_FILE) cached = m;
  return m;
}

/** The engine with the shipped model after its rules: the detector the extension runs. */
export function withShippedModel(engine: Engine, file = MODEL_FILE): Engine {
  return engine.withModel(modelStage(loadModel(file), nationalPack.legal ?? {}));
}
