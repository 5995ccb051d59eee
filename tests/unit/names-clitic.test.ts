/**
 * A name with a clitic glued on ("prabowonya", "gibranlah", "ganjarku") is the name: people write the
 * possessive and the particles onto it, and the rules and the learned stage must still see the actor.
 * Derivations are not clitics: "ganjaran" (a reward) is no name.
 */
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../lib/packs';

const engine = createEngine();
const actors = (s: string) => engine.inspect(s).actors.map((a) => ({ id: a.entity.id, weak: a.weak }));

describe('names with a clitic', () => {
  it.each([
    ['prabowonya goblok banget', 'hinaan-calon'],
    ['aniesnya itu tolol', 'hinaan-calon'],
    ['pilih ganjarku', 'ajakan-pilih-calon'],
  ])('%s → %s', (text, rule) => {
    expect(engine.analyze(text).findings.map((f) => f.rule)).toContain(rule);
  });
  it('keeps who the name is and whether it is strong', () => {
    expect(actors('gibranlah yang muda')).toEqual([{ id: actors('gibran')[0]!.id, weak: false }]);
    expect(actors('wowonya lagi')).toEqual([{ id: actors('wowo')[0]!.id, weak: true }]);
  });
  it('leaves derivations and short names alone', () => {
    expect(actors('ganjaran yang setimpal')).toEqual([]);
    expect(actors('ganjarannya setimpal')).toEqual([]);
    expect(engine.analyze('ganjarannya setimpal untuk kerja keras')).toEqual({ verdict: 'ok', findings: [] });
  });
});
