/** Training examples: every training item through the engine (with the packs it names) into features. */
import { createEngine } from '../../lib/packs';
import type { Engine } from '../../lib/rules/engine';
import { example, TRAIN_OPTIONS, type Example } from '../../lib/model/train';
import { loadPack, type CorpusItem, type CorpusProblem } from './corpus';
import { calibratesThresholds, loadTraining } from './training';

export function engineCache(): (packs?: string[]) => Engine {
  const engines = new Map<string, Engine>();
  return (packs = []) => {
    const key = packs.join(',');
    let e = engines.get(key);
    if (!e) engines.set(key, (e = createEngine(packs.map((p) => loadPack(p)))));
    return e;
  };
}

export function buildTrainingExamples(): { examples: Example[]; items: CorpusItem[]; problems: CorpusProblem[]; files: string[] } {
  const corpus = loadTraining();
  const engineFor = engineCache();
  const examples = corpus.items.map((it) => ({ ...example(it, engineFor(it.packs), TRAIN_OPTIONS.bits), calibrates: calibratesThresholds(it) }));
  return { examples, items: corpus.items, problems: corpus.problems, files: corpus.files };
}
