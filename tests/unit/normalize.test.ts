import { describe, expect, it } from 'vitest';
import { normalizePhrase, normalizeTag, segment, tokenize } from '../../lib/text/normalize';

const texts = (s: string, vocabulary?: Set<string>) => tokenize(s, { vocabulary }).tokens.map((t) => t.text);
const spans = (s: string) => tokenize(s).tokens.map((t) => s.slice(t.start, t.end));

describe('normalize', () => {
  it('folds case and accents', () => {
    expect(texts('COBLOS Café Pémilu')).toEqual(['coblos', 'cafe', 'pemilu']);
  });
  it('folds compatibility forms (fullwidth, mathematical bold)', () => {
    expect(texts('ｃｏｂｌｏｓ 𝐜𝐨𝐛𝐥𝐨𝐬')).toEqual(['coblos', 'coblos']);
  });
  it('collapses repeated letters but not digits', () => {
    expect(texts('pilihhhh cobloooos 2000')).toEqual(['pilih', 'coblos', '2000']);
  });
  it('reads digits used as letters inside words, keeps standalone numbers', () => {
    expect(texts('c0bl0s n0m0r 02 pil1h')).toEqual(['coblos', 'nomor', '2', 'pilih']);
    expect(texts('2024')).toEqual(['2024']);
  });
  it('joins spaced-out letters', () => {
    expect(texts('c o b l o s')).toEqual(['coblos']);
    expect(texts('p.i.l.i.h 2')).toEqual(['pilih', '2']);
    expect(texts('a b')).toEqual(['a', 'b']); // two letters are not a trick
  });
  it('ignores zero-width and bidi characters inside words', () => {
    expect(texts('co\u200Bblos pi\u200Dlih \u202Eprabowo')).toEqual(['coblos', 'pilih', 'prabowo']);
  });
  it('splits letter/digit glue and strips leading zeros', () => {
    expect(texts('no2 ke-2 no.02')).toEqual(['nomor', '2', 'ke', '2', 'nomor', '2']);
  });
  it('splits hashtags by case and numbers', () => {
    const r = tokenize('#PrabowoGibran2024 #AMINAjaDulu');
    expect(r.tokens.map((t) => t.text)).toEqual(['prabowo', 'gibran', '2024', 'amin', 'saja', 'dulu']);
    expect(r.tags.map((t) => t.glued)).toEqual(['prabowogibran2024', 'aminsajadulu']);
    expect(r.tags[0]!.start).toBe(0);
  });
  it('splits lower-case glued hashtags with a vocabulary, only on full coverage', () => {
    const v = new Set(['coblos', 'nomor', 'pan', 'prabowo', 'gibran']);
    expect(texts('#coblosnomor2', v)).toEqual(['coblos', 'nomor', '2']);
    expect(texts('#prabowogibran2024', v)).toEqual(['prabowo', 'gibran', '2024']);
    expect(texts('#pandemi', v)).toEqual(['pandemi']);
    expect(segment('pandemi', v)).toBeNull();
  });
  it('turns keycaps into number tokens and hand emoji into tokens', () => {
    const r = tokenize('Nomor 2️⃣ ✌️✌🏽 👍');
    expect(r.tokens.map((t) => `${t.kind}:${t.text}`)).toEqual(['word:nomor', 'number:2\u20E3', 'emoji:✌', 'emoji:✌', 'emoji:👍']);
    // the emoji's span includes its variation selector and skin tone
    expect(spans('✌️✌🏽')).toEqual(['✌️', '✌🏽']);
  });
  it('maps every token back to the original text', () => {
    const s = 'Ayo   CÓBLOS  n0m0r\u200B 02!! #PrabowoGibran2024 ✌️';
    const r = tokenize(s);
    for (const t of r.tokens) {
      expect(t.start).toBeGreaterThanOrEqual(0);
      expect(t.end).toBeLessThanOrEqual(s.length);
      expect(t.end).toBeGreaterThan(t.start);
    }
    expect(spans(s)).toEqual(['Ayo', 'CÓBLOS', 'n0m0r', '02', 'Prabowo', 'Gibran', '2024', '✌️']);
  });
  it('folds online spellings and abbreviations', () => {
    expect(texts('jgn lupa coblos nmr 2 yg bgt gk')).toEqual(['jangan', 'lupa', 'coblos', 'nomor', '2', 'yang', 'banget', 'tidak']);
    expect(texts('nggaaak menangin')).toEqual(['tidak', 'menangkan']);
  });
  it('marks sentence breaks', () => {
    const r = tokenize('pilih aku. Prabowo datang\nbesok');
    expect(r.tokens.filter((t) => t.brk).map((t) => t.text)).toEqual(['prabowo', 'besok']);
    expect(tokenize('coblos no. 2').tokens.some((t) => t.brk)).toBe(false);
  });
  it('normalizes phrases and tags the way text is normalized', () => {
    expect(normalizePhrase('PDI-P')).toEqual(['pdi', 'p']);
    expect(normalizeTag('#Te12dePAN')).toBe('te12depan');
    expect(normalizeTag('PrabowoGibran2024')).toBe('prabowogibran2024');
  });
});
