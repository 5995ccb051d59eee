import { describe, expect, it } from 'vitest';
import { createEngine } from '../../lib/packs';
import { layoutText, textFindings, type OcrWord } from '../../lib/vision/text';
import { mendNames, nameWords, withinOneEdit } from '../../lib/vision/ocr-names';

/** A word read at (x, y), letters 0.6 of the line's height wide, and a small gap after it. */
const w = (text: string, x: number, y: number, conf = 92, h = 40): OcrWord => ({ text, box: [x, y, text.length * h * 0.6, h], conf });
/** Words side by side on one line, each starting a gap of `gap` × the height after the one before. */
function line(texts: string[], y: number, gap = 0.3, conf = 92): OcrWord[] {
  let x = 0;
  return texts.map((t) => {
    const word = w(t, x, y, conf);
    x += word.box[2] + gap * 40;
    return word;
  });
}

const engine = createEngine();
const names = nameWords(engine.packs);
const image = { index: 0, name: 'meme.jpg' };

describe('one edit apart', () => {
  it('an insert, a delete or a substitution, and nothing more', () => {
    expect(withinOneEdit('prabowo', 'prabowo')).toBe(true);
    expect(withinOneEdit('prabovo', 'prabowo')).toBe(true);
    expect(withinOneEdit('prabow', 'prabowo')).toBe(true);
    expect(withinOneEdit('prabowoo', 'prabowo')).toBe(true);
    expect(withinOneEdit('rabowo', 'prabowo')).toBe(true);
    expect(withinOneEdit('rabovo', 'prabowo')).toBe(false);
    expect(withinOneEdit('mahmud', 'mahfud')).toBe(true);
  });
});

describe('names the text engine broke apart', () => {
  it('knows the packs\' contestant names word by word, long enough to mend towards', () => {
    for (const n of ['prabowo', 'gibran', 'anies', 'muhaimin', 'ganjar', 'mahfud']) expect(names.words.has(n), n).toBe(true);
    expect([...names.words].every((n) => n.length >= 5 && /^\p{L}+$/u.test(n))).toBe(true);
    // a ticket's two names belong to one contestant
    expect(names.owners.get('prabowo')!.some((o) => names.owners.get('gibran')!.includes(o))).toBe(true);
  });

  it('joins fragments on one line that spell a name, in their case, over their boxes', () => {
    const read = layoutText([...line(['MENANGKAN'], 0), ...line(['PRA', 'BOWO', 'GI', 'BRAN'], 100)]);
    const { read: out, mended } = mendNames(read, names);
    expect(out.text).toBe('MENANGKAN PRABOWO GIBRAN');
    expect(mended).toEqual([
      { read: 'PRA BOWO', name: 'PRABOWO', at: 1 },
      { read: 'GI BRAN', name: 'GIBRAN', at: 2 },
    ]);
    for (const word of out.words) expect(out.text.slice(word.start, word.end)).toBe(word.text);
    const gibran = out.words.find((x) => x.text === 'GIBRAN')!;
    const [gi, bran] = [read.words[3]!, read.words[4]!];
    expect(gibran.box).toEqual([gi.box[0], gi.box[1], bran.box[0] + bran.box[2] - gi.box[0], 40]);
  });

  it('reads a long name one letter off as the name only when the text engine was unsure of it', () => {
    expect(mendNames(layoutText(line(['PILIH', 'PRABOVO'], 0, 0.3, 70)), names).read.text).toBe('PILIH PRABOWO');
    expect(mendNames(layoutText(line(['PILIH', 'PRABOVO'], 0, 0.3, 96)), names).mended).toEqual([]);
  });

  it('leaves alone: short names one letter off (a namesake), words far apart or on other lines, words that are names already', () => {
    const cases: OcrWord[][] = [
      line(['Pak', 'Mahmud', 'pensiun'], 0, 0.3, 70),
      line(['GI', 'BRAN'], 0, 3),
      [w('GI', 0, 0), w('BRAN', 60, 200)],
      line(['ANIES', 'BASWEDAN'], 0),
      line(['Anies', 'main', 'bola'], 0),
      line(['Anies', 'main', 'bola'], 0, 0.3, 70).map((x, i) => (i === 1 ? { ...x, conf: 96 } : x)),
      [...line(['GIBRAN'], 0), ...line(['RABO'], 300, 0.3, 70)],
      line(['Selamat', 'pagi', 'semua'], 0),
    ];
    for (const words of cases) {
      const read = layoutText(words);
      expect(mendNames(read, names), read.text).toEqual({ read, mended: [] });
    }
  });

  it('a meme whose name came apart is warned about, and the warning says how the name was read', () => {
    // as a meme prints a ticket: the two names on two lines, the first broken to a scrap, the second in two
    const read = layoutText([...line(['MENANGKAN'], 0), ...line(['RABO'], 100, 0.3, 81), ...line(['GI', 'BRAN'], 150)]);
    const found = textFindings(read, image, engine);
    const f = found.find((x) => x.severity === 'violation');
    expect(f, JSON.stringify(found)).toBeDefined();
    expect(f!.text!.read).toBe('MENANGKAN RABO GI BRAN');
    expect(f!.text!.words).toBe('MENANGKAN PRABOWO GIBRAN');
    expect(f!.why.id).toContain('terbaca terpotong "GI BRAN", dibaca sebagai "GIBRAN"');
    expect(f!.why.id).toContain('terbaca terpotong "RABO", dibaca sebagai "PRABOWO"');
    expect(f!.why.en).toContain('read broken as "GI BRAN", taken as "GIBRAN"');
    // the boxes cover the words the finding rests on, the mended name's box spanning its fragments
    expect(f!.boxes.length).toBeGreaterThan(0);
    // unmended, the same reading names no contestant
    expect(engine.analyze(read.text).findings.filter((x) => x.severity === 'violation')).toEqual([]);
  });

  it('only a finding that rests on the mended word says so, not one on the same name read clean', () => {
    const read = layoutText([...line(['PILIH', 'GIBRAN'], 0), ...line(['Terima', 'kasih', 'GI', 'BRAN'], 400)]);
    const { mended } = mendNames(read, names);
    expect(mended.map((m) => m.read)).toEqual(['GI BRAN']);
    const call = textFindings(read, image, engine).find((x) => x.text!.words === 'PILIH GIBRAN');
    expect(call).toBeDefined();
    expect(call!.why.id).not.toContain('terbaca terpotong');
  });
});
