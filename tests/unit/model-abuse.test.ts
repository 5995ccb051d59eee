/**
 * The learned stage's abuse signals: an insult a few words from a contestant, "si …", "lu …" and a
 * clause-opening "dasar …", read as constructions; the same words away from anyone, or "pada dasar nya",
 * give none.
 */
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../lib/packs';
import { chunks } from '../../lib/model/model';
import { extract } from '../../lib/model/features';

const engine = createEngine();
const signals = (text: string) => {
  const insp = engine.inspect(text);
  return new Set(chunks(insp, text).flatMap((c) => extract(c, 18, true).names!.filter((n) => n.startsWith('s|') || n.startsWith('x|'))));
};

describe('abuse bound to a contestant', () => {
  it('an insult a few words from a contestant or an office', () => {
    expect(signals('itu prabowo yang sinting otak nya')).toContain('s|abuse-near');
    expect(signals('gubernur paling bodo yang pernah ada')).toContain('s|abuse-near');
  });
  it('"si" before a contestant', () => {
    expect(signals('kasih tahu si prabowo itu')).toContain('s|si-actor');
  });
  it('a contestant addressed as "lu"', () => {
    expect(signals('sialan lu anies pidato nya')).toContain('s|address-actor');
  });
  it('"dasar …" opening a clause, joined with whom the chunk names', () => {
    const s = signals('anies lagi . dasar antek asing');
    expect(s).toContain('s|rebuke');
    expect(s).toContain('x|rebuke|c');
  });
  it('an emoji written as its name reads as mockery', () => {
    expect(signals('prabowo mau jadi presiden lagi facewithtearsofjoy')).toContain('s|mock');
  });
});

describe('the same words away from a contestant give no abuse signal', () => {
  it.each(['aku bodoh banget lupa bawa payung', 'saya senang prabowo karena tidak pengecut', 'pada dasar nya kita semua sama', 'kamu kemana saja tadi', 'harga dasar gabah naik'])('%s', (text) => {
    const s = signals(text);
    for (const n of ['s|abuse-near', 's|si-actor', 's|address-actor', 's|rebuke']) expect(s).not.toContain(n);
  });
});
