/**
 * The national pack's lexicon against how people really attack and mock contestants online: in lower
 * case, with everyday insults ("munafik", "pencitraan", "gila kekuasaan"), camp slurs of every era
 * ("ahokers", "jokowers", "kecebong") and calls to sink a party ("tenggelamkan"). The same words about
 * oneself, a pet or a match stay quiet: the rules bind them to a contestant.
 */
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../lib/packs';

const engine = createEngine();
const rules = (s: string) => engine.analyze(s).findings.map((f) => f.rule);

describe('real-talk insults bound to a contestant are attacks', () => {
  it.each([
    'itu prabowo gila kekuasaan banget ya .',
    'ini mah cuma pencitraan dari pak prabowo saja .',
    'anies munafik , omongan nya beda sama kelakuan',
    'sudah terlambat wahai bajingan prabowo .',
    'gibran tidak becus urus solo',
    'ganjar licik dan serakah',
    'dasar antek china , gibran turun saja',
    'golkar dan pdip partai paling korup',
  ])('%s → hinaan-calon', (text) => {
    expect(engine.analyze(text).verdict).toBe('violation');
    expect(rules(text)).toContain('hinaan-calon');
  });
});

describe('camp slurs of every era are camp labels', () => {
  it.each(['ahokers pada ngumpul lagi', 'jokowers pada diam semua', 'kecebongers rame lagi', 'mana nih kampretos'])('%s → label-kubu', (text) => {
    expect(rules(text)).toContain('label-kubu');
  });
  it.each(['ahokers memang sudah gila', 'kebodohan kecebongers lagi'])('beside an insult, a slur is a camp attack: %s', (text) => {
    expect(rules(text)).toContain('ejekan-kubu');
  });
  it('a slur beside an office is a camp attack', () => {
    expect(rules('bagaimana kalau wowok jadi presiden , bisa kacau')).toContain('ejekan-kubu');
  });
});

describe('calls to sink a contestant are calls against it', () => {
  it.each(['tenggelamkan pdip di 2019', 'tumbangkan prabowo !', 'ayo gulingkan gerindra'])('%s → ajakan-jangan-pilih', (text) => {
    expect(rules(text)).toContain('ajakan-jangan-pilih');
  });
});

describe('the same words without a contestant stay quiet', () => {
  it.each([
    'tenggelamkan kapal pencuri ikan di natuna',
    'timnas kalahkan malaysia 2-0 tadi malam',
    'aku memang pengecut soal ketinggian',
    'jangan munafik lah , kita semua butuh uang',
    'kucing ku rakus banget makan nya',
    'bubarkan saja grup arisan ini kalau ribut terus',
    'omong kosong tetangga jangan dipikirin',
    'pelatih persib dua periode di klub ini , dua duanya juara',
    'semua gara-gara pssi , timnas dikalahkan lagi',
  ])('%s', (text) => {
    expect(engine.analyze(text)).toEqual({ verdict: 'ok', findings: [] });
  });
});

describe('a denied insult is no attack', () => {
  it.each(['saya senang dengan pak prabowo . dia tidak pengecut dalam menghadapi masalah', 'anies bukan pembohong'])('%s', (text) => {
    expect(rules(text)).not.toContain('hinaan-calon');
  });
  it('while the insult itself still counts', () => {
    expect(rules('prabowo pembohong')).toContain('hinaan-calon');
  });
});
