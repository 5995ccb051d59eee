/**
 * Hostile and random input: the engine never throws, every span points into the original text,
 * and the work stays linear in the text (counted, not timed: these machines are noisy).
 * Malformed packs are refused with a reason and never take the engine down.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createEngine, nationalPack } from '../../lib/packs';
import { syntheticRegionalPack } from '../../lib/packs/synthetic';
import { compilePacks, PackCompileError } from '../../lib/rules/engine';
import { validatePack } from '../../lib/rules/validate';
import { clearPhraseCache, normalizePhrase, tokenize } from '../../lib/text/normalize';

const engine = createEngine();

const hostileChar = fc.constantFrom(
  '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u00AD', // zero-width, soft hyphen
  '\u200E', '\u200F', '\u202A', '\u202B', '\u202E', '\u2066', '\u2069', // bidi
  '\u0301', '\u0308', '\u0327', '\u036F', // combining marks
  '✌️', '☝🏽', '👌', '2️⃣', '0️⃣', '#️⃣', '👨‍👩‍👧‍👦', '🏳️‍🌈', '🇮🇩', // emoji sequences
  '#', '@', '.', '!', '\n', ' ', '-', '_', '0', '1', '2', '3', '4',
  '\uD800', '\uDFFF', // lone surrogates
  'ｃ', '𝐜', 'é', 'ß', 'İ', 'ﬁ', '①',
);
const word = fc.constantFrom('coblos', 'pilih', 'nomor', 'Prabowo', 'anies', 'GANJAR', 'salam', 'dua', 'jari', 'ASN', 'netral', 'kata', 'ujarnya', 'jangan', 'ayo', 'PrabowoGibran2024', 'pan', 'demi', 'c0bl0s');
const hostileText = fc
  .array(fc.oneof(hostileChar, word, fc.string({ maxLength: 5 }), fc.string({ unit: 'grapheme', maxLength: 4 })), { maxLength: 120 })
  .map((parts) => parts.join(''));

function checkSpans(text: string) {
  const a = engine.analyze(text);
  expect(['ok', 'caution', 'violation']).toContain(a.verdict);
  for (const f of a.findings) {
    expect(Number.isInteger(f.start) && Number.isInteger(f.end)).toBe(true);
    expect(f.start).toBeGreaterThanOrEqual(0);
    expect(f.end).toBeGreaterThan(f.start);
    expect(f.end).toBeLessThanOrEqual(text.length);
    expect(text.slice(f.start, f.end)).toBe(f.evidence);
  }
  return a;
}

describe('robustness (fast-check)', () => {
  it('never throws on random or hostile text; spans point into the original', { timeout: 60_000 }, () => {
    fc.assert(fc.property(hostileText, (t) => void checkSpans(t)), { numRuns: 1500 });
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (t) => void checkSpans(t)), { numRuns: 500 });
  });

  it('invisible characters and marks do not change what is found, only where', () => {
    fc.assert(
      fc.property(fc.constantFrom('\u200B', '\u200D', '\u2060', '\u00AD', '\u200E'), fc.nat(5), (zw, at) => {
        const base = 'Ayo coblos nomor 2 sekarang';
        const words = base.split(' ');
        const i = at % words.length;
        words[i] = words[i]!.slice(0, 1) + zw + words[i]!.slice(1);
        const a = checkSpans(words.join(' '));
        expect(a.verdict).toBe('violation');
        expect(a.findings.map((f) => f.rule)).toEqual(['ajakan-coblos-nomor']);
      }),
    );
  });

  it('stays linear: work per token is bounded, even for 1 MB pastes and long emoji runs', { timeout: 60_000 }, () => {
    const samples = [
      'Ayo coblos nomor 2 #PrabowoGibran2024 ✌️ netralitas ASN kata Prabowo ujarnya. ',
      '✌️👌☝️2️⃣'.repeat(10),
      'c o b l o s '.repeat(10),
      '#'.repeat(50) + 'a'.repeat(50),
      'pilih pilih pilih pilih ',
      '\u200B'.repeat(100),
    ];
    for (const [k, s] of samples.entries()) {
      const small = s.repeat(20);
      // one ~1 MB paste; the other shapes at ~200 kB (the ratio is what matters)
      const big = s.repeat(Math.ceil((k === 0 ? 1_000_000 : 200_000) / s.length));
      engine.analyze(small);
      const w1 = Math.max(1, engine.lastWork) / small.length;
      const a = engine.analyze(big);
      const w2 = Math.max(1, engine.lastWork) / big.length;
      expect(w2).toBeLessThanOrEqual(w1 * 1.5 + 1);
      expect(Array.isArray(a.findings)).toBe(true);
    }
  });

  it('a large regional pack does not change the cost per token much', () => {
    const big = createEngine([syntheticRegionalPack(2000)]);
    const text = 'Rapat koordinasi anggaran bersama Pak Menteri berjalan lancar, ayo coblos nomor 2. '.repeat(200);
    engine.analyze(text);
    const base = engine.lastWork;
    big.analyze(text);
    expect(big.lastWork).toBeLessThanOrEqual(base * 2);
  });
});

describe('normalizePhrase fast path', () => {
  it('gives what the tokenizer gives, for any phrase', () => {
    const phrase = fc.oneof(
      fc.array(fc.stringMatching(/^[a-z]{1,8}$/), { minLength: 1, maxLength: 4 }).map((ws) => ws.join(' ')),
      fc.string({ maxLength: 12 }),
    );
    fc.assert(
      fc.property(phrase, (p) => {
        clearPhraseCache();
        expect(normalizePhrase(p)).toEqual(tokenize(p).tokens.map((t) => t.text));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('malformed packs (fuzzed)', () => {
  const mutate = fc.oneof(
    fc.constant(undefined),
    fc.constant(null),
    fc.integer(),
    fc.string(),
    fc.array(fc.string(), { maxLength: 3 }),
    fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 2 }),
    fc.constantFrom('(a|', '{nope}', '~9 x', 'a ~2', '?', '{}', ')', '((a))', '{number}?', 'x'.repeat(400)),
  );
  const paths = [
    ['format'], ['schemaVersion'], ['id'], ['version'], ['name'], ['name', 'id'], ['legal'], ['legal', 'R02'], ['legal', 'R02', 'sanctions'],
    ['lexicon'], ['lexicon', 'ajakan'], ['lexicon', 'ajakan', 0], ['entities'], ['entities', 0], ['entities', 0, 'names'], ['entities', 0, 'number'],
    ['rules'], ['rules', 0], ['rules', 0, 'patterns'], ['rules', 0, 'patterns', 0], ['rules', 0, 'ref'], ['rules', 0, 'severity'], ['rules', 0, 'unless'],
    ['contexts'], ['contexts', 0, 'effect'], ['contexts', 0, 'patterns', 0], ['entities', 0, 'hashtags'], ['entities', 0, 'hashtags', 0],
  ] as const;

  it('every malformed pack is refused with a reason at a path; the engine keeps working', { timeout: 60_000 }, () => {
    fc.assert(
      fc.property(fc.constantFrom(...paths), mutate, (path, value) => {
        const pack = structuredClone(nationalPack) as unknown as Record<string, unknown>;
        let o: Record<string | number, unknown> = pack;
        for (const k of path.slice(0, -1)) o = o[k] as Record<string | number, unknown>;
        const last = path[path.length - 1]!;
        const before = JSON.stringify(o[last]);
        o[last] = value;
        if (JSON.stringify(value) === before) return; // not a mutation
        const r = validatePack(pack);
        if (r.ok) {
          // some mutations are still valid packs (e.g. a string pattern that parses): they must compile
          expect(() => compilePacks([pack])).not.toThrow();
        } else {
          expect(r.errors.length).toBeGreaterThan(0);
          for (const e of r.errors) {
            expect(e.path).toMatch(/^\$/);
            expect(e.message.length).toBeGreaterThan(3);
          }
          expect(() => compilePacks([pack])).toThrow(PackCompileError);
        }
        expect(engine.analyze('coblos nomor 2').verdict).toBe('violation');
      }),
      { numRuns: 600 },
    );
  });

  it('random JSON is refused, never crashes', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (v) => {
        const r = validatePack(v);
        expect(r.ok).toBe(false);
      }),
      { numRuns: 500 },
    );
  });
});
