/**
 * The evaluation corpus (tests/corpus) is well-formed. This does NOT score the engine:
 * scores are reported by `npm run eval` and are allowed to be anything.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validatePack, contextOf } from '../../lib/rules/validate';
import { nationalPack } from '../../lib/packs';
import { CATEGORIES, LABELS, HARD_NEGATIVE_CATEGORIES, corpusFiles, declaredSources, loadCorpus, loadPack } from '../corpus/corpus';

const corpus = loadCorpus();

describe('evaluation corpus', () => {
  it('has corpus files', () => {
    expect(corpusFiles().length).toBeGreaterThan(0);
  });

  it('every line is a valid item (JSON, fields, known label/category, unique id, listed source, known pack)', () => {
    expect(corpus.problems.map((p) => `${p.file}:${p.line}: ${p.message}`)).toEqual([]);
  });

  it('every line of every file is non-empty JSON (no blank lines in the middle)', () => {
    for (const f of corpusFiles()) {
      const lines = readFileSync(f, 'utf8').replace(/\n$/, '').split('\n');
      lines.forEach((l, i) => expect(l.trim(), `${f}:${i + 1}`).not.toBe(''));
    }
  });

  it('ids are unique across files', () => {
    const ids = corpus.items.map((i) => i.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('uses only known labels and categories', () => {
    for (const it of corpus.items) {
      expect(LABELS, it.where).toContain(it.label);
      expect(Object.keys(CATEGORIES), it.where).toContain(it.category);
    }
  });

  it('lists every source in SOURCES.md, and SOURCES.md lists no unused source', () => {
    const declared = declaredSources();
    const used = new Set(corpus.items.map((i) => i.source));
    for (const s of used) expect(declared, `source ${s}`).toContain(s);
    for (const s of declared) expect(used, `SOURCES.md lists ${s} but no item uses it`).toContain(s);
  });

  it('never labels news or neutrality items as a violation', () => {
    const bad = corpus.items.filter((i) => (i.category === 'news' || i.category === 'neutrality') && i.label === 'violation');
    expect(bad.map((i) => i.id)).toEqual([]);
  });

  it('labels every hard negative ok and every borderline item caution', () => {
    const hn = corpus.items.filter((i) => (HARD_NEGATIVE_CATEGORIES as string[]).includes(i.category) && i.label !== 'ok');
    expect(hn.map((i) => i.id)).toEqual([]);
    const bl = corpus.items.filter((i) => i.category === 'borderline' && i.label !== 'caution');
    expect(bl.map((i) => i.id)).toEqual([]);
  });

  it('has enough items to mean something (>= 400, >= 100 hard negatives)', () => {
    expect(corpus.items.length).toBeGreaterThanOrEqual(400);
    const hn = corpus.items.filter((i) => (HARD_NEGATIVE_CATEGORIES as string[]).includes(i.category));
    expect(hn.length).toBeGreaterThanOrEqual(100);
  });

  it('every extra pack it uses validates on top of the national pack', () => {
    const packs = new Set(corpus.items.flatMap((i) => i.packs ?? []));
    expect(packs.size).toBeGreaterThan(0);
    for (const p of packs) {
      const r = validatePack(loadPack(p), contextOf([nationalPack]));
      expect(r.ok ? [] : r.errors, p).toEqual([]);
    }
  });
});
