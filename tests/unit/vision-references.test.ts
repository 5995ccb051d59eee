import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createEngine, nationalPack } from '../../lib/packs';
import { contextOf, validatePack } from '../../lib/rules/validate';
import { imageFindings, numbersInPlay } from '../../lib/vision/findings';
import {
  frameSimilarity,
  gridOf,
  GRID_SIDE,
  hammingHex,
  HASH_SIDE,
  histogramOf,
  histogramOverlap,
  isFrame,
  matchReferences,
  phashOf,
  type Fingerprint,
} from '../../lib/vision/phash';
import { referenceFindings, referenceSet } from '../../lib/vision/references';

/** A synthetic RGBA image: f(x, y) → [r, g, b, a]. */
function image(side: number, f: (x: number, y: number) => [number, number, number, number?]): Uint8ClampedArray {
  const px = new Uint8ClampedArray(side * side * 4);
  for (let y = 0; y < side; y++)
    for (let x = 0; x < side; x++) {
      const [r, g, b, a = 255] = f(x / side, y / side);
      px.set([r, g, b, a], (y * side + x) * 4);
    }
  return px;
}
const poster = (x: number, y: number): [number, number, number] => (y < 0.3 ? [20, 60, 150] : x > 0.6 && y > 0.6 ? [250, 210, 0] : [200, 40, 40]);
const other = (x: number, y: number): [number, number, number] => (x < 0.5 ? [240, 240, 240] : y < 0.5 ? [30, 30, 30] : [90, 160, 60]);

describe('perceptual hashes', () => {
  it('pHash: the same picture with noise stays within a few bits; a different picture is far', () => {
    const a = phashOf(image(HASH_SIDE, poster));
    const noisy = phashOf(image(HASH_SIDE, (x, y) => poster(x, y).map((v, i) => Math.max(0, Math.min(255, v + (((x * 97 + y * 31 + i) * 7919) % 17) - 8))) as [number, number, number]));
    const b = phashOf(image(HASH_SIDE, other));
    expect(a).toMatch(/^[0-9a-f]{16}$/);
    expect(hammingHex(a, noisy)).toBeLessThanOrEqual(4);
    expect(hammingHex(a, b)).toBeGreaterThan(16);
    expect(() => phashOf(new Uint8ClampedArray(10))).toThrow(/32×32/);
  });

  it('histogram overlap tells a layout in other colours apart', () => {
    const h = histogramOf(image(HASH_SIDE, poster));
    expect(h).toHaveLength(128);
    expect(histogramOverlap(h, h)).toBeCloseTo(1, 1);
    const recoloured = histogramOf(image(HASH_SIDE, (x, y) => poster(x, y).map((v) => 255 - v) as [number, number, number]));
    expect(histogramOverlap(h, recoloured)).toBeLessThan(0.3);
  });

  it('a frame grid: transparent cells are not compared; a photo under the frame still matches', () => {
    const band = (x: number, y: number) => y < 0.2 || y > 0.8 || x < 0.1 || x > 0.9;
    const frame = gridOf(image(GRID_SIDE, (x, y) => (band(x, y) ? [20, 60, 150] : [0, 0, 0, 0])));
    expect(isFrame(frame)).toBe(true);
    expect(isFrame(gridOf(image(GRID_SIDE, poster)))).toBe(false);
    const over = (photo: (x: number, y: number) => [number, number, number]) => gridOf(image(GRID_SIDE, (x, y) => (band(x, y) ? [25, 58, 152] : photo(x, y))));
    expect(frameSimilarity(frame, over(other))).toBe(1);
    expect(frameSimilarity(frame, over(poster))).toBe(1);
    expect(frameSimilarity(frame, gridOf(image(GRID_SIDE, other)))).toBeLessThan(0.5);
  });
});

describe('reference images in packs', () => {
  const fpOf = (f: (x: number, y: number) => [number, number, number]): Fingerprint => ({
    phash: [phashOf(image(HASH_SIDE, f))],
    hist: histogramOf(image(HASH_SIDE, f)),
    grid: gridOf(image(GRID_SIDE, f)),
  });
  const pack = {
    format: 'jaga-netral/rule-pack',
    schemaVersion: 1,
    id: 'rujukan-uji',
    version: '1',
    name: { id: 'uji' },
    references: [{ id: 'poster-2', label: 'Poster resmi paslon 2', entity: 'paslon-02-2024', kind: 'image', phash: fpOf(poster).phash, hist: fpOf(poster).hist }],
  };

  it('validates: fingerprints only, known entity and legal key, one clear error per problem', () => {
    expect(validatePack(pack, contextOf([nationalPack])).ok).toBe(true);
    const bad = {
      ...pack,
      references: [
        { id: 'a', label: 'x', kind: 'image', phash: ['xyz'] },
        { id: 'a', label: 'y', kind: 'frame', grid: '---'.repeat(256) },
        { id: 'c', label: 'z', kind: 'logo', entity: 'nobody', ref: 'R99' },
        { id: 'd', label: 'w', kind: 'image', phash: ['0123456789abcdef'], bytes: 'iVBORw0KGgo=' },
      ],
    };
    const r = validatePack(bad, contextOf([nationalPack]));
    expect(r.ok).toBe(false);
    const errs = r.ok ? [] : r.errors.map((e) => `${e.path}: ${e.message}`);
    expect(errs).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^\$\.references\[0\]\.phash\[0\]: expected 16 hex digits/),
        expect.stringMatching(/^\$\.references\[1\]\.id: /),
        expect.stringMatching(/^\$\.references\[1\]\.grid: a frame needs at least 24 opaque cells/),
        expect.stringMatching(/^\$\.references\[2\]\.entity: unknown entity 'nobody'/),
        expect.stringMatching(/^\$\.references\[2\]\.ref: unknown legal reference 'R99'/),
        expect.stringMatching(/^\$\.references\[2\]\.kind: expected "image" or "frame"/),
        expect.stringMatching(/^\$\.references\[3\]\.bytes: unknown key/),
      ]),
    );
  });

  it('a matching photo is flagged with the reference label, its ticket and the legal basis; an unrelated one is not', () => {
    const engine = createEngine([pack]);
    const set = referenceSet(engine.packs);
    const inPlay = numbersInPlay(engine.packs);
    const hit = imageFindings([{ name: 'p.jpg', analysis: { width: 800, height: 1000, hands: [], fingerprint: fpOf(poster) } }], inPlay, { references: set });
    expect(hit.verdict).toBe('violation');
    expect(hit.findings).toHaveLength(1);
    expect(hit.findings[0]).toMatchObject({
      kind: 'reference',
      rule: 'gambar-rujukan-instansi',
      pack: 'rujukan-uji',
      ref: 'R02',
      boxes: [[0, 0, 800, 1000]],
      reference: { id: 'poster-2', label: 'Poster resmi paslon 2', how: 'whole', similarity: 1 },
      entity: { id: 'paslon-02-2024' },
    });
    expect(hit.findings[0]!.why.id).toContain('Poster resmi paslon 2');
    expect(hit.findings[0]!.source).toContain('SKB 2022');
    expect(referenceFindings(fpOf(other), { width: 1, height: 1 }, { index: 0, name: 'x' }, set)).toEqual([]);
    expect(referenceFindings(undefined, { width: 1, height: 1 }, { index: 0, name: 'x' }, set)).toEqual([]);
  });

  it('the committed example pack (built by pack add-images) validates and holds no image bytes', () => {
    const text = readFileSync('tests/vision/references/pack.json', 'utf8');
    const p = JSON.parse(text) as { references: { kind: string }[] };
    expect(validatePack(p, contextOf([nationalPack])).ok).toBe(true);
    expect(p.references.map((r) => r.kind).sort()).toEqual(['frame', 'image']);
    expect(text.length).toBeLessThan(4000);
    expect(matchReferences({ phash: ['0000000000000000'], hist: '', grid: '' }, [])).toEqual([]);
  });
});
