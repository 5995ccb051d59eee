import { describe, expect, it } from 'vitest';
import { chooseThresholds, chooseUngatedLine, TARGET, type Example } from '../../lib/model/train';

const ex = (id: string, label: Example['item']['label'], category: string, capped: boolean): Example => ({
  item: { id, text: id, label, category, source: 'test' },
  f: { idx: [], val: [], first: [], last: [] },
  y: label === 'violation' ? 1 : 0,
  attack: null,
  gated: true,
  rules: 'ok',
  capped,
  framed: false,
  fold: 0,
});

describe('threshold choice', () => {
  // 400 campaigning posts from 0.80 to 0.999, 1,000 news reports low, and 20 news reports scored 0.99
  const build = (capped: boolean) => {
    const items: Example[] = [];
    const scores: number[] = [];
    for (let i = 0; i < 400; i++) {
      items.push(ex(`v${i}`, 'violation', 'praise_candidate', false));
      scores.push(0.8 + (0.199 * i) / 399);
    }
    for (let i = 0; i < 1000; i++) {
      items.push(ex(`n${i}`, 'ok', 'news', false));
      scores.push(0.1);
    }
    for (let i = 0; i < 20; i++) {
      items.push(ex(`h${i}`, 'ok', 'news', capped));
      scores.push(0.99);
    }
    return chooseThresholds(items, scores);
  };

  it('does not spend the false-violation budget on news the detector caps at caution', () => {
    // uncapped, 20 of 1,020 news posts above every threshold break the 0.5% budget: no depth is allowed
    expect(build(false).violation).toBe(0.99);
    // capped by a news frame, the model cannot grade them violation, so they do not bind the threshold
    expect(build(true).violation).toBeLessThan(0.85);
  });

  it('does not spend either budget on posts a neutrality frame keeps the model from grading or flagging', () => {
    // 300 violations from 0.85 to 0.999, 100 cautions from 0.60 to 0.85, 2,000 everyday posts low, and
    // 60 neutrality reminders at 0.95 and 60 everyday posts at 0.7: past both budgets unless framed
    const build = (framed: boolean) => {
      const items: Example[] = [];
      const scores: number[] = [];
      for (let i = 0; i < 300; i++) {
        items.push(ex(`v${i}`, 'violation', 'praise_candidate', false));
        scores.push(0.85 + (0.149 * i) / 299);
      }
      for (let i = 0; i < 100; i++) {
        items.push(ex(`c${i}`, 'caution', 'praise_candidate', false));
        scores.push(0.6 + (0.249 * i) / 99);
      }
      for (let i = 0; i < 2000; i++) {
        items.push(ex(`e${i}`, 'ok', 'everyday', false));
        scores.push(0.1);
      }
      for (let i = 0; i < 60; i++) {
        items.push({ ...ex(`n${i}`, 'ok', 'neutrality', false), framed });
        scores.push(0.95);
        items.push({ ...ex(`f${i}`, 'ok', 'everyday', false), framed });
        scores.push(0.7);
      }
      return chooseThresholds(items, scores);
    };
    const open = build(false);
    const framed = build(true);
    // the reminders at 0.95 bind the violation line when the model could grade them; framed, it cannot
    expect(open.violation).toBeGreaterThan(0.95);
    expect(framed.violation).toBeGreaterThan(0.8);
    expect(framed.violation).toBeLessThan(0.9);
    // the everyday posts at 0.7 lie below that line: framed, the model is silent on them, so they
    // take nothing from the everyday budget (60 of 2,060 would break it)
    expect(open.caution).toBeGreaterThan(0.7);
    expect(framed.caution).toBeLessThan(0.7);
  });

  it('holds the ungated line to its everyday budget, not the caution line’s', () => {
    // 100 campaigning posts behind a closed gate from 0.70 to 0.99, 2,000 everyday posts low, and
    // everyday posts scored 0.95 (above most of the campaigning) — within budget or past it
    const line = (loud: number) => {
      const items: Example[] = [];
      const scores: number[] = [];
      for (let i = 0; i < 100; i++) {
        items.push({ ...ex(`v${i}`, 'violation', 'attack_candidate_party_voters', false), gated: false });
        scores.push(0.7 + (0.29 * i) / 99);
      }
      for (let i = 0; i < 2000; i++) {
        items.push({ ...ex(`e${i}`, 'ok', 'everyday', false), gated: false });
        scores.push(i < loud ? 0.95 : 0.1);
      }
      return chooseUngatedLine(items, scores);
    };
    const budget = Math.floor(2000 * TARGET.ungatedFalseFlag);
    expect(line(budget)).toBe(0.7);
    // one everyday post more than the budget: the line rises above 0.95, where no everyday post is
    expect(line(budget + 1)).toBeGreaterThan(0.95);
  });
});
