import { describe, expect, it } from 'vitest';
import { CLEAN_CONF, cleanReading, KEY_LUMA, lightKeyGrey, mergeReadings } from '../../lib/vision/lettering';
import type { OcrWord } from '../../lib/vision/text';

const word = (text: string, conf: number, box: [number, number, number, number]): OcrWord => ({ text, conf, box });
const texts = (ws: OcrWord[]) => ws.map((w) => w.text);

describe('light-lettering key picture', () => {
  it('light pixels (white, meme yellow) become black, the outline and mid tones white, whatever their alpha', () => {
    const px = Uint8ClampedArray.from([
      255, 255, 255, 255, // white fill
      255, 235, 59, 255, // meme yellow (luma 221)
      0, 0, 0, 255, // black outline
      120, 180, 90, 255, // a busy picture's mid tone
      200, 200, 200, 10, // exactly at the threshold, nearly transparent
      199, 199, 199, 255, // just below it
    ]);
    const before = Uint8ClampedArray.from(px);
    expect([...lightKeyGrey(px)]).toEqual([0, 0, 255, 255, 0, 255]);
    // the photo's own pixels stay as they were: it is read from them too
    expect(px).toEqual(before);
    expect(KEY_LUMA).toBe(200);
  });
});

describe('merging the photo\'s reading with the key picture\'s', () => {
  it('a key word that covers broken words of the photo\'s reading replaces them', () => {
    const first = [word('M', 92, [10, 10, 30, 60]), word('NGKA', 87, [120, 10, 150, 60]), word('GIBRAN', 95, [10, 200, 300, 60])];
    const key = [word('MENANGKAN', 92, [8, 8, 300, 64])];
    expect(texts(mergeReadings(first, key))).toEqual(['GIBRAN', 'MENANGKAN']);
  });

  it('the photo\'s reading keeps a place where it reads more, or as much with more confidence', () => {
    const first = [word('Hari', 97, [100, 10, 120, 50]), word('Ra', 96, [240, 10, 60, 50]), word('PILIH', 95, [0, 100, 200, 50])];
    const key = [word('tHa', 92, [90, 10, 180, 50]), word('PILIH', 90, [2, 100, 198, 50])];
    expect(texts(mergeReadings(first, key))).toEqual(['Hari', 'Ra', 'PILIH']);
    // a digit read better on the key picture: the same length, more confidence
    expect(texts(mergeReadings([word('9', 56, [0, 0, 20, 40])], [word('3', 94, [1, 0, 20, 40])]))).toEqual(['3']);
  });

  it('a word only the key picture shows is added when confident; scraps and implausible words are not', () => {
    const first = [word('COBLOS', 90, [0, 0, 300, 60])];
    const key = [word('GANJAR', 92, [0, 100, 300, 60]), word('j1', 74, [400, 400, 30, 30]), word('«', 95, [500, 10, 20, 20]), word('x', 70, [600, 10, 20, 20])];
    expect(texts(mergeReadings(first, key))).toEqual(['COBLOS', 'GANJAR']);
  });

  it('words of the photo\'s reading that are not plausible are left out, as layout would', () => {
    expect(texts(mergeReadings([word('Wa', 40, [0, 0, 30, 30]), word('|', 90, [50, 0, 5, 30])], []))).toEqual([]);
  });
});

describe('whether the key picture is worth reading', () => {
  it('not when every mark the photo reading holds is a confident word', () => {
    expect(cleanReading([word('COBLOS', 92, [0, 0, 10, 10]), word('NOMOR', 94, [0, 0, 10, 10]), word('2', 94, [0, 0, 10, 10]), word('—', 30, [0, 0, 5, 5])])).toBe(true);
  });

  it('when the reading holds a doubtful scrap (broken outlined letters), or nothing at all', () => {
    expect(cleanReading([word('PILIH', 95, [0, 0, 10, 10]), word('M', 62, [0, 0, 10, 10])])).toBe(false);
    expect(cleanReading([word('NGKA', 87, [0, 0, 10, 10])])).toBe(false);
    expect(cleanReading([])).toBe(false);
    expect(CLEAN_CONF).toBe(90);
  });
});
