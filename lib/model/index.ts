/** The learned stage as the extension, the settings page and the CLI attach it to the engine. */
import { nationalPack } from '../packs';
import type { TextStage } from '../rules/types';
import { modelStage, TextModel } from './model';

/** Where the shipped model file sits in the extension (public/model/…). */
export const MODEL_PATH = '/model/text-model.json';

/** The stage from the parsed model file; throws ModelFormatError on a bad file. */
export function stageFrom(file: unknown): TextStage {
  return modelStage(new TextModel(file), nationalPack.legal ?? {});
}
