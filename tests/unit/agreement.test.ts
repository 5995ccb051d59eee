/**
 * Cohen's kappa and raw agreement on hand-worked examples (scripts/agreement.ts).
 */
import { describe, expect, it } from 'vitest';
import { agreement, cohenKappa, confusion, pairLabels, rawAgreement } from '../../scripts/agreement';

const pairsOf = (a: string[], b: string[]): [string, string][] => a.map((x, i) => [x, b[i]!]);

describe('agreement', () => {
  it('two categories: the textbook 50-item example gives po 0.70, pe 0.50, kappa 0.40', () => {
    // yes/yes 20, yes/no 5, no/yes 10, no/no 15. First says yes 25/50, second 30/50:
    // pe = 0.5·0.6 + 0.5·0.4 = 0.5, kappa = (0.7 − 0.5) / (1 − 0.5) = 0.4.
    const pairs: [string, string][] = [
      ...Array.from({ length: 20 }, () => ['yes', 'yes'] as [string, string]),
      ...Array.from({ length: 5 }, () => ['yes', 'no'] as [string, string]),
      ...Array.from({ length: 10 }, () => ['no', 'yes'] as [string, string]),
      ...Array.from({ length: 15 }, () => ['no', 'no'] as [string, string]),
    ];
    const c = confusion(pairs, ['yes', 'no']);
    expect(c.counts).toEqual([
      [20, 5],
      [10, 15],
    ]);
    expect(rawAgreement(c)).toBeCloseTo(0.7, 10);
    expect(cohenKappa(c)).toBeCloseTo(0.4, 10);
  });

  it('three labels and flagged-or-not on ten hand-worked rows', () => {
    const first = ['violation', 'violation', 'caution', 'caution', 'caution', 'ok', 'ok', 'ok', 'ok', 'ok'];
    const second = ['violation', 'caution', 'caution', 'caution', 'ok', 'ok', 'ok', 'ok', 'ok', 'violation'];
    const r = agreement(pairsOf(first, second));
    expect(r.n).toBe(10);
    // 7 of 10 agree; shares v/c/o are 0.2/0.3/0.5 for both: pe = 0.04 + 0.09 + 0.25 = 0.38,
    // kappa = (0.7 − 0.38) / 0.62 = 0.32 / 0.62.
    expect(r.labels.agreement).toBeCloseTo(0.7, 10);
    expect(r.labels.kappa).toBeCloseTo(0.32 / 0.62, 10);
    expect(r.labels.confusion.counts).toEqual([
      [1, 1, 0],
      [0, 2, 1],
      [1, 0, 4],
    ]);
    // flagged: rows 1–4 both flagged, 6–9 both ok, 5 and 10 differ: po 0.8, pe 0.5, kappa 0.6.
    expect(r.flagged.agreement).toBeCloseTo(0.8, 10);
    expect(r.flagged.kappa).toBeCloseTo(0.6, 10);
  });

  it('unequal label shares: a 30-row 3×3 table worked by hand', () => {
    // rows first annotator, columns second (violation, caution, ok)
    const table = [
      [4, 2, 0],
      [1, 5, 2],
      [1, 3, 12],
    ];
    const labels = ['violation', 'caution', 'ok'];
    const pairs: [string, string][] = [];
    table.forEach((row, i) => row.forEach((k, j) => pairs.push(...Array.from({ length: k }, () => [labels[i]!, labels[j]!] as [string, string]))));
    const r = agreement(pairs);
    expect(r.labels.confusion.counts).toEqual(table);
    // po = 21/30; row sums 6, 8, 16 and column sums 6, 10, 14: pe = (36 + 80 + 224)/900 = 340/900;
    // kappa = (630 − 340)/(900 − 340) = 29/56.
    expect(r.labels.agreement).toBeCloseTo(0.7, 10);
    expect(r.labels.kappa).toBeCloseTo(29 / 56, 10);
    // flagged: both 12, first only 2, second only 4, neither 12: po = 24/30;
    // first flags 14, second 16: pe = (14·16 + 16·14)/900 = 448/900; kappa = 272/452 = 68/113.
    expect(r.flagged.confusion.counts).toEqual([
      [12, 2],
      [4, 12],
    ]);
    expect(r.flagged.agreement).toBeCloseTo(0.8, 10);
    expect(r.flagged.kappa).toBeCloseTo(68 / 113, 10);
  });

  it('perfect agreement is kappa 1; agreement no better than chance is kappa 0', () => {
    const labels = ['ok', 'caution', 'violation', 'ok'];
    expect(agreement(pairsOf(labels, labels)).labels.kappa).toBeCloseTo(1, 10);
    // each annotator says ok half the time, independently: po = pe = 0.5
    const chance = confusion(pairsOf(['ok', 'ok', 'caution', 'caution'], ['ok', 'caution', 'ok', 'caution']), ['caution', 'ok']);
    expect(cohenKappa(chance)).toBeCloseTo(0, 10);
  });

  it('kappa is undefined when both annotators used one and the same label throughout', () => {
    expect(cohenKappa(confusion(pairsOf(['ok', 'ok'], ['ok', 'ok']), ['violation', 'caution', 'ok']))).toBeNaN();
  });

  it('pairs labels by id whatever the order, and refuses files with different ids', () => {
    const first = [
      { id: 'a', label: 'ok' },
      { id: 'b', label: 'violation' },
    ];
    expect(pairLabels(first, [...first].reverse())).toEqual([
      ['ok', 'ok'],
      ['violation', 'violation'],
    ]);
    expect(() => pairLabels(first, [{ id: 'a', label: 'ok' }])).toThrow(/only in first/);
    expect(() => pairLabels(first, [...first, { id: 'c', label: 'ok' }])).toThrow(/only in second/);
    expect(() => confusion([['ok', 'maybe']], ['ok'])).toThrow(/unknown category/);
  });
});
