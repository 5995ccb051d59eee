/**
 * The learned stage trains reproducibly from the repository: a fresh training on the committed data
 * gives the committed model file byte for byte (so a change to the data, the features or the
 * trainer without `npm run train` fails here), and no blind set is ever part of the training data.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MODEL_FILE } from '../../lib/model/node';
import { serialize, trainModel } from '../../lib/model/train';
import { BLIND } from '../corpus/corpus';
import { buildTrainingExamples } from '../corpus/train-examples';
import { CARD_FILE, INDONLU_DIR, loadReal, loadTraining, REAL_CARD, REAL_DIR, realFiles, trainFiles } from '../corpus/training';
import { declaredSources, HARD_NEGATIVE_CATEGORIES, NEWS_CATEGORIES } from '../corpus/corpus';
import { relative } from 'node:path';

describe('model training', () => {
  it('treats every heldout-blind*.jsonl as a blind set', () => {
    for (const f of ['heldout-blind.jsonl', 'heldout-blind-2.jsonl', 'heldout-blind-lead.jsonl']) expect(BLIND.test(f), f).toBe(true);
    for (const f of ['campaign.jsonl', 'heldout.jsonl', 'pos-01.jsonl', 'heldout-blind.csv']) expect(BLIND.test(f), f).toBe(false);
  });

  it('never trains on a blind set', () => {
    const files = trainFiles();
    expect(files.length).toBeGreaterThan(0);
    expect(files.filter((f) => BLIND.test(basename(f)))).toEqual([]);
  });

  it('never trains on the real test sets, which are well-formed, use only sources their card declares and share no id or text with the training data', () => {
    expect(realFiles().length).toBeGreaterThan(0);
    expect(trainFiles().filter((f) => f.startsWith(REAL_DIR))).toEqual([]);
    const real = loadReal();
    expect(real.problems.map((p) => `${p.file}:${p.line}: ${p.message}`)).toEqual([]);
    const card = declaredSources(REAL_CARD);
    for (const s of new Set(real.items.map((i) => i.source))) expect(card, `source ${s}`).toContain(s);
    const t = loadTraining();
    const ids = new Set(t.items.map((i) => i.id));
    const texts = new Set(t.items.map((i) => i.text.toLowerCase().replace(/\s+/g, ' ').trim()));
    expect(real.items.filter((i) => ids.has(i.id) || texts.has(i.text.toLowerCase().replace(/\s+/g, ' ').trim())).map((i) => i.id)).toEqual([]);
  });

  it('labels the real sets, held out and trained on, by the corpus rules: hard negatives ok, borderline caution, news and information never a violation', () => {
    const items = [...loadReal().items, ...loadTraining().items.filter((i) => i.where.includes('indonlu'))];
    expect(items.filter((i) => (HARD_NEGATIVE_CATEGORIES as string[]).includes(i.category) && i.label !== 'ok').map((i) => i.id)).toEqual([]);
    expect(items.filter((i) => i.category === 'borderline' && i.label !== 'caution').map((i) => i.id)).toEqual([]);
    expect(items.filter((i) => NEWS_CATEGORIES.includes(i.category) && i.label === 'violation').map((i) => i.id)).toEqual([]);
  });

  it('keeps the hand-labelled IndoNLU rows in queue order, with their text unchanged and an election named', () => {
    const all = [...loadReal().items, ...loadTraining().items];
    // each labelled set is its folder's queue of the same dataset, labelled from the top
    const sets = [INDONLU_DIR, REAL_DIR].flatMap((dir) =>
      readdirSync(dir)
        .filter((f) => f.endsWith('-to-label.jsonl'))
        .map((q) => ({ dir, q, dataset: q.split('-')[0]! })),
    );
    expect(sets.length).toBeGreaterThanOrEqual(2);
    for (const { dir, q, dataset } of sets) {
      const queue = readFileSync(join(dir, q), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { id: string; text: string });
      const labelled = all.filter((i) => i.where.startsWith(`${relative(process.cwd(), dir)}/${dataset}-`) && !i.where.includes('-everyday.jsonl'));
      expect(labelled.map((i) => [i.id, i.text]), join(dir, q)).toEqual(queue.slice(0, labelled.length).map((q) => [q.id, q.text]));
      expect(labelled.filter((i) => !i.source.startsWith('indonlu-') || i.election === undefined).map((i) => i.id)).toEqual([]);
    }
  });

  it('training data is well-formed, and every source of tests/corpus/train is declared in its card', () => {
    const t = loadTraining();
    expect(t.problems.map((p) => `${p.file}:${p.line}: ${p.message}`)).toEqual([]);
    const card = declaredSources(CARD_FILE);
    const used = new Set(t.items.filter((i) => i.where.includes('/train/') || i.where.startsWith('tests/corpus/train')).map((i) => i.source));
    expect(used.size).toBeGreaterThan(0);
    for (const s of used) expect(card, `source ${s}`).toContain(s);
    for (const s of card) expect(used, `CARD.md lists ${s} but no item uses it`).toContain(s);
    for (const i of t.items) if (i.where.includes('train/')) expect(i.election, i.where).toBeDefined();
  });

  it('retraining on the committed data reproduces the committed weights byte for byte', () => {
    const { examples, problems, files } = buildTrainingExamples();
    expect(problems).toEqual([]);
    const { file } = trainModel(examples, { files: files.map((f) => relative(process.cwd(), f)) });
    const committed = readFileSync(MODEL_FILE, 'utf8');
    const fresh = serialize(file);
    if (fresh !== committed) {
      // say where it differs before failing
      const a = JSON.parse(committed);
      expect(file.thresholds).toEqual(a.thresholds);
      expect(file.heads.campaign.bias).toBe(a.heads.campaign.bias);
    }
    expect(fresh === committed).toBe(true);
  }, 300_000);

  it('the shipped file stays small (≤ 300 KB)', () => {
    expect(readFileSync(MODEL_FILE).length).toBeLessThanOrEqual(300 * 1024);
  });
});
