/**
 * The training data of the learned stage: the labelled corpus files (tests/corpus/*.jsonl) and the
 * training files (tests/corpus/train/*.jsonl), never a blind set (heldout-blind*.jsonl), which is
 * only ever scored in aggregate. Sources are declared in SOURCES.md and train/CARD.md.
 * NusaX (CC BY-SA) is scored, never trained on: its licence lets us test on it, and keeping it out of
 * training makes it a set of real text the model has not seen. Real text from IndoNLU (tests/corpus/indonlu/,
 * card there) is training data from its datasets' train split; their valid and test splits
 * (indonlu/heldout/) are only scored.
 */
import { existsSync, readdirSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { BLIND, CORPUS_DIR, corpusFiles, declaredSources, loadCorpus, SOURCES_FILE, type Corpus } from './corpus';

export const TRAIN_DIR = join(CORPUS_DIR, 'train');
export const CARD_FILE = join(TRAIN_DIR, 'CARD.md');

/** Corpus files that are only ever scored. */
export const TEST_ONLY = /^real-nusax/;

/** The labelled sets of a folder (files waiting to be labelled, `*-to-label.jsonl`, are not sets). */
const labelledSets = (dir: string) =>
  existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith('.jsonl') && !f.endsWith('-to-label.jsonl'))
        .sort()
        .map((f) => join(dir, f))
    : [];

/** Real text from IndoNLU's train splits, labelled by the team (card: indonlu/CARD.md). */
export const INDONLU_DIR = join(CORPUS_DIR, 'indonlu');
export const INDONLU_CARD = join(INDONLU_DIR, 'CARD.md');

export function trainFiles(): string[] {
  const top = corpusFiles().filter((f) => !BLIND.test(basename(f)) && !TEST_ONLY.test(basename(f)));
  const files = [...top, ...labelledSets(TRAIN_DIR), ...labelledSets(INDONLU_DIR)];
  const blind = files.filter((f) => BLIND.test(basename(f)));
  if (blind.length) throw new Error(`a blind set must never be training data: ${blind.join(', ')}`);
  return files;
}

/**
 * Real text held out from training (tests/corpus/indonlu/heldout/: the valid and test splits of the
 * same datasets), labelled by a team member blind to the detector and only ever scored: a measure on
 * posts no one on the team wrote and the model never saw.
 */
export const REAL_DIR = join(INDONLU_DIR, 'heldout');
export const realFiles = (): string[] => labelledSets(REAL_DIR);

export const REAL_CARD = INDONLU_CARD;

/**
 * The packs IndoNLU's texts are read with, beside the national pack: their years' contests (2012–2019),
 * as a pack an agency builds from nothing but names, numbers and common nicknames
 * (`jaga-netral pack build --csv tests/corpus/packs/kontestan-2012-2019.csv`), since the national
 * pack names only the current contest's tickets.
 */
export const INDONLU_PACKS = ['kontestan-2012-2019'];

/**
 * Whether an item counts when the model's thresholds are chosen. Real IndoNLU rows teach the weights
 * but do not set the thresholds: their line between caution and violation is one annotator's quick
 * judgement, made while they were a test set, and the precision targets are kept on the team's
 * data, labelled item by item by the corpus rules. Their own figures are printed per source.
 */
export const calibratesThresholds = (item: { source: string }) => !item.source.startsWith('indonlu-');

/** Items from the IndoNLU folder (training or held out) without packs of their own get INDONLU_PACKS. */
function withIndonluPacks(c: Corpus): Corpus {
  const dir = relative(process.cwd(), INDONLU_DIR) + '/';
  return { ...c, items: c.items.map((i) => (i.where.startsWith(dir) && !i.packs ? { ...i, packs: INDONLU_PACKS } : i)) };
}

/** The real test sets (all of them, or the given files), loaded with the sources their card declares. */
export function loadReal(files = realFiles()): Corpus {
  return withIndonluPacks(loadCorpus(CORPUS_DIR, { files, sources: declaredSources(REAL_CARD) }));
}

export function blindFiles(): string[] {
  return corpusFiles().filter((f) => BLIND.test(basename(f)));
}

export function trainSources(): Set<string> {
  return new Set([...declaredSources(SOURCES_FILE), ...declaredSources(CARD_FILE), ...declaredSources(INDONLU_CARD)]);
}

export function loadTraining(): Corpus {
  return withIndonluPacks(loadCorpus(CORPUS_DIR, { files: trainFiles(), sources: trainSources() }));
}
