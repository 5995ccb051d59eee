import { describe, expect, it } from 'vitest';
import { insideQuote, quotedRanges, touchesQuote } from '../../lib/rules/quotes';

const quoted = (s: string) => quotedRanges(s).map(([a, b]) => s.slice(a, b));

describe('quoted stretches', () => {
  it('finds straight, curly, low and angle quotes', () => {
    expect(quoted('Ia berseru "02 menang" lalu pergi')).toEqual(['"02 menang"']);
    expect(quoted('Pesan “coblos nomor 2” beredar, juga „salam tiga jari“ dan «pilih 01»')).toEqual(['“coblos nomor 2”', '„salam tiga jari“', '«pilih 01»']);
    expect(quoted("Ia meneriakkan 'salam dua jari', lalu pulang")).toEqual(["'salam dua jari'"]);
  });
  it('takes no apostrophe inside a word for a quote, and no quote left open', () => {
    expect(quoted("Jokowi–Ma'ruf menang, kata Jum'at pagi")).toEqual([]);
    expect(quoted('Layar 24" di kantor, ukuran 5\'')).toEqual([]);
    expect(quoted('Ia berkata "coblos nomor 2 lalu tidak ditutup')).toEqual([]);
  });
  it('keeps a quote within its paragraph', () => {
    expect(quoted('Ia berkata "coblos\n\nnomor 2"')).toEqual([]);
  });
  it('says whether a span lies inside or reaches into a quote, as a look at every quote would', () => {
    const text = 'a "bb" c “dd ee” f \'gg\' h "i"';
    const ranges = quotedRanges(text);
    expect(ranges).toHaveLength(4);
    for (let s = 0; s < text.length; s++)
      for (let e = s + 1; e <= text.length; e++) {
        expect(insideQuote(ranges, s, e), `inside ${s}-${e}`).toBe(ranges.some(([a, b]) => s >= a && e <= b));
        expect(touchesQuote(ranges, s, e), `touches ${s}-${e}`).toBe(ranges.some(([a, b]) => s < b && e > a));
      }
  });
});
