/**
 * The training data of the learned stage: the labelled corpus files (tests/corpus/*.jsonl) and the
 * training files (tests/corpus/train/*.jsonl), never a blind set (heldout-blind*.jsonl), which is
 * only ever scored in aggregate. Sources are declared in SOURCES.md and train/CARD.md.
 * NusaX (CC BY-SA) is scored, never trained on: its licence lets us test on it, and keeping it out of
 * training makes it a set of real text the model has not seen.
 */
import { existsSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { BLIND, CORPUS_DIR, corpusFiles, declaredSources, loadCorpus, SOURCES_FILE, type Corpus } from './corpus';

export const TRAIN_DIR = join(CORPUS_DIR, 'train');
export const CARD_FILE = join(TRAIN_DIR, 'CARD.md');

/** Corpus files that are only ever scored. */
export const TEST_ONLY = /^real-nusax/;

export function trainFiles(): string[] {
  const top = corpusFiles().filter((f) => !BLIND.test(basename(f)) && !TEST_ONLY.test(basename(f)));
  const extra = existsSync(TRAIN_DIR)
    ? readdirSync(TRAIN_DIR)
        .filter((f) => f.endsWith('.jsonl'))
        .sort()
        .map((f) => join(TRAIN_DIR, f))
    : [];
  const files = [...top, ...extra];
  const blind = files.filter((f) => BLIND.test(basename(f)));
  if (blind.length) throw new Error(`a blind set must never be training data: ${blind.join(', ')}`);
  return files;
}

/**
 * Real text from open datasets, labelled by the team and only ever scored (tests/corpus/indonlu/): a
 * measure on posts no one on the team wrote. Files waiting to be labelled (`*-to-label.jsonl`) are not sets.
 */
export const REAL_DIR = join(CORPUS_DIR, 'indonlu');
export function realFiles(): string[] {
  return existsSync(REAL_DIR)
    ? readdirSync(REAL_DIR)
        .filter((f) => f.endsWith('.jsonl') && !f.endsWith('-to-label.jsonl'))
        .sort()
        .map((f) => join(REAL_DIR, f))
    : [];
}

export const REAL_CARD = join(REAL_DIR, 'CARD.md');

/** The real test sets, loaded with the sources their card declares. */
export function loadReal(): Corpus {
  return loadCorpus(CORPUS_DIR, { files: realFiles(), sources: declaredSources(REAL_CARD) });
}

export function blindFiles(): string[] {
  return corpusFiles().filter((f) => BLIND.test(basename(f)));
}

export function trainSources(): Set<string> {
  return new Set([...declaredSources(SOURCES_FILE), ...declaredSources(CARD_FILE)]);
}

export function loadTraining(): Corpus {
  return loadCorpus(CORPUS_DIR, { files: trainFiles(), sources: trainSources() });
}
