import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createEngine } from '../../lib/packs';
import { imageFindings, numbersInPlay } from '../../lib/vision/findings';
import { layoutText, looksLikeText, parseTsv, textFindings, type OcrWord } from '../../lib/vision/text';
import { buildOcr, OCR_OUT, scanForCdn } from '../../scripts/build-ocr';

const w = (text: string, x: number, y: number, h = 40, conf = 90): OcrWord => ({ text, box: [x, y, text.length * h * 0.6, h], conf });

describe('parseTsv', () => {
  it('keeps level-5 rows (words) with their boxes and confidence, with or without a header', () => {
    const tsv = [
      'level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext',
      '1\t1\t0\t0\t0\t0\t0\t0\t720\t720\t-1\t',
      '5\t1\t1\t1\t1\t1\t100\t50\t200\t60\t91.5\tCOBLOS',
      '5\t1\t1\t1\t1\t2\t320\t52\t180\t58\t88\tNOMOR',
      '5\t1\t1\t1\t1\t3\t10\t10\t5\t5\t95\t ',
    ].join('\n');
    expect(parseTsv(tsv)).toEqual([
      { text: 'COBLOS', box: [100, 50, 200, 60], conf: 91.5 },
      { text: 'NOMOR', box: [320, 52, 180, 58], conf: 88 },
    ]);
    expect(parseTsv('')).toEqual([]);
    expect(parseTsv('garbage\nmore garbage')).toEqual([]);
  });
});

describe('layoutText', () => {
  it('orders words in rows top to bottom, left to right, and keeps each word’s offsets', () => {
    // sparse-text mode returns words in any order
    const read = layoutText([w('2', 420, 200), w('COBLOS', 100, 80), w('NOMOR', 100, 202)]);
    expect(read.text).toBe('COBLOS NOMOR 2');
    for (const word of read.words) expect(read.text.slice(word.start, word.end)).toBe(word.text);
  });

  it('drops what is texture, not text: low confidence, no letter or digit, lone letters', () => {
    const read = layoutText([w('Selamat', 0, 0), w('|', 300, 0), w('x', 400, 0, 40, 60), w('Wa', 0, 300, 40, 30), w('2', 500, 0, 40, 60)]);
    expect(read.words.map((x) => x.text)).toEqual(['Selamat', '2']);
  });
});

describe('looksLikeText (the glance before a full reading)', () => {
  it('a confident word of two letters or digits is text; texture scraps are not', () => {
    // as read at 360 px: a poster's word, a meme's broken letter run, a price
    expect(looksLikeText([w('COBLOS', 0, 0, 40, 92)])).toBe(true);
    expect(looksLikeText([w('oa', 0, 0, 40, 52), w('ENANG', 0, 0, 40, 86)])).toBe(true);
    expect(looksLikeText([w('15.000', 0, 0, 40, 96)])).toBe(true);
    // as read at 360 px on a busy picture with no text and on a photo of a hand
    expect(looksLikeText([w('Gan', 0, 0, 40, 33), w('Yak.', 0, 0, 40, 47), w('PR', 0, 0, 40, 16)])).toBe(false);
    expect(looksLikeText([w('0', 0, 0, 40, 78), w('9.', 0, 0, 40, 48), w('.?', 0, 0, 40, 90)])).toBe(false);
    expect(looksLikeText([])).toBe(false);
  });
});

describe('text findings', () => {
  const engine = createEngine();
  const inPlay = numbersInPlay(engine.packs);
  const image = { index: 0, name: 'poster.jpg' };

  it('a poster calling to vote: the rule, the words read, and the boxes of exactly those words', () => {
    const read = layoutText([w('COBLOS', 100, 80), w('NOMOR', 100, 200), w('2', 420, 200), w('14', 100, 400), w('Februari', 200, 400)]);
    const found = textFindings(read, image, engine);
    expect(found.length).toBeGreaterThan(0);
    const f = found.find((x) => x.rule === 'ajakan-coblos-nomor')!;
    expect(f).toMatchObject({ kind: 'text', severity: 'violation', ref: 'R02', image, text: { words: 'COBLOS NOMOR 2', read: 'COBLOS NOMOR 2 14 Februari' } });
    expect(f.boxes).toEqual([read.words[0]!.box, read.words[1]!.box, read.words[2]!.box]);
    expect(f.evidence).toContain('tulisan di foto');
    expect(f.why.en).toContain('The text in photo 1 (poster.jpg) reads "COBLOS NOMOR 2"');
    expect(f.source).toBeTruthy();
  });

  it('greetings, office notices, prices and election news stay quiet, as in typed text', () => {
    for (const line of [
      'Selamat Hari Raya Idul Fitri 1445 H Mohon maaf lahir dan batin',
      'PENGUMUMAN Rapat koordinasi seluruh pegawai Senin, 2 Desember pukul 09.00 WIB',
      'DAFTAR HARGA Nasi goreng Rp 15.000 Paket nomor 2 Rp 25.000',
      'KPU gelar debat capres kedua Minggu malam',
    ]) {
      const read = layoutText(line.split(' ').map((t, i) => w(t, i * 120, 0)));
      expect(textFindings(read, image, engine), line).toEqual([]);
    }
  });

  it('imageFindings joins pose and text findings for one photo, each with its kind', () => {
    const analysis = {
      width: 720,
      height: 720,
      hands: [{ gesture: 'two' as const, fingers: ['index' as const, 'middle' as const], count: 2, score: 0.9, box: [10, 10, 50, 80] as [number, number, number, number] }],
      text: layoutText([w('#AMIN2024', 100, 600)]),
    };
    const withText = imageFindings([{ name: 'a.jpg', analysis }], inPlay, { engine });
    expect(withText.findings.map((f) => f.kind).sort()).toEqual(['pose', 'text']);
    expect(withText.verdict).toBe('violation');
    // without the engine only the hands are judged (older callers)
    expect(imageFindings([{ name: 'a.jpg', analysis }], inPlay).findings.map((f) => f.kind)).toEqual(['pose']);
  });
});

describe('no CDN in what ships', () => {
  it('finds a CDN address planted in a shipped file, and none in the built OCR files', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cdn-'));
    mkdirSync(path.join(dir, 'ocr'));
    writeFileSync(path.join(dir, 'ocr', 'w.js'), 'const core = "https://cdn.jsdelivr.net/npm/tesseract.js-core@v7";');
    writeFileSync(path.join(dir, 'ok.js'), 'const x = chrome.runtime.getURL("/ocr/w.js");');
    expect(scanForCdn(dir)).toEqual([[path.join(dir, 'ocr', 'w.js'), 'cdn.jsdelivr.net'], [path.join(dir, 'ocr', 'w.js'), 'jsdelivr']]);
    await buildOcr(false);
    expect(scanForCdn(OCR_OUT)).toEqual([]);
  });

  it('the stock tesseract.js worker does name the CDN (what the substitution in build-ocr removes)', () => {
    const stock = readFileSync(path.resolve('node_modules/tesseract.js/dist/worker.min.js'), 'utf8');
    expect(stock).toContain('cdn.jsdelivr.net');
    const ours = readFileSync(path.join(OCR_OUT, 'ocr-worker.js'), 'utf8');
    expect(ours).not.toContain('jsdelivr');
    expect(ours).not.toContain('indexedDB');
    expect(ours).not.toMatch(/\bFunction\(/); // no eval in what ships (Firefox's linter refuses it)
  });
});
