/** Poses become findings through the numbers in play in the active packs. */
import { describe, expect, it } from 'vitest';
import { createEngine, nationalPack } from '../../lib/packs';
import { imageFindings, MIN_VIOLATION_SCORE, numbersInPlay } from '../../lib/vision/findings';
import type { HandReading, ImageAnalysis } from '../../lib/vision/types';

const hand = (gesture: HandReading['gesture'], count: number, score = 0.9): HandReading => ({
  gesture,
  fingers: [],
  count,
  score,
  box: [10, 20, 30, 40],
});
const photo = (...hands: HandReading[]): ImageAnalysis => ({ width: 640, height: 480, hands });

/** A regional pack whose ballot has numbers 1–3 only. */
const regional = {
  format: 'jaga-netral/rule-pack',
  schemaVersion: 1,
  id: 'pilkada-contoh',
  version: '1.0.0',
  name: { id: 'Pilkada contoh' },
  entities: [
    { id: 'paslon-1', kind: 'candidate', label: 'Paslon 1 (contoh)', number: 1, names: ['paslon satu contoh'] },
    { id: 'paslon-2', kind: 'candidate', label: 'Paslon 2 (contoh)', number: 2, names: ['paslon dua contoh'] },
    { id: 'paslon-3', kind: 'candidate', label: 'Paslon 3 (contoh)', number: 3, names: ['paslon tiga contoh'] },
  ],
};

describe('pose findings', () => {
  const national = numbersInPlay(createEngine().packs);

  it('reads the numbers in play from the packs: national tickets and parties', () => {
    expect([...national.byNumber.keys()].sort((a, b) => a - b)).toEqual(
      [...new Set((nationalPack.entities ?? []).flatMap((e) => (typeof e.number === 'number' ? [e.number] : [])))].sort((a, b) => a - b),
    );
    // a ticket comes before a party with the same number
    expect(national.byNumber.get(2)![0]!.entity.kind).toBe('ticket');
    expect(national.legal.source).toMatch(/SKB/);
  });

  it('four fingers: a violation when a 4 is on the ballot, a caution when it is not', () => {
    const nat = imageFindings([{ name: 'a.jpg', analysis: photo(hand('four', 4)) }], national);
    expect(nat.verdict).toBe('violation');
    expect(nat.findings[0]!.numbers).toEqual([4]);
    expect(nat.findings[0]!.entity?.label).toMatch(/Golkar/);

    const onlyRegional = numbersInPlay([regional as never]);
    const reg = imageFindings([{ name: 'a.jpg', analysis: photo(hand('four', 4)) }], onlyRegional);
    expect(reg.verdict).toBe('caution');
    expect(reg.findings[0]!.numbers).toEqual([]);
    // …and three fingers is a violation there (paslon 3)
    const three = imageFindings([{ name: 'b.jpg', analysis: photo(hand('three', 3)) }], onlyRegional);
    expect(three.verdict).toBe('violation');
    expect(three.findings[0]!.entity).toEqual({ id: 'paslon-3', label: 'Paslon 3 (contoh)' });
  });

  it('names the photo and the hand, with rule, legal source and sanctions', () => {
    const { findings } = imageFindings(
      [
        { name: 'kosong.jpg', analysis: photo() },
        { name: 'rapat.jpg', analysis: photo(hand('fist', 0), hand('two', 2)) },
      ],
      national,
    );
    expect(findings).toHaveLength(1);
    const f = findings[0]!;
    expect(f.image).toEqual({ index: 1, name: 'rapat.jpg' });
    expect(f.hand).toMatchObject({ index: 1, gesture: 'two', count: 2, box: [10, 20, 30, 40] });
    expect(f.evidence).toBe('foto 2 (rapat.jpg), tangan 2: dua jari (peace) — terbaca sebagai nomor 2');
    expect(f.ref).toBe('R04');
    expect(f.sanctions.length).toBeGreaterThan(0);
    expect(f.why.id).toContain('nomor urut 2');
    expect(f.why.en).toContain('ballot number 2');
  });

  it('fist and two-hand heart are allowed; a finger-heart is a caution (no number)', () => {
    expect(imageFindings([{ name: 'x', analysis: photo(hand('fist', 0), hand('two_hand_heart', 1), hand('two_hand_heart', 1)) }], national).verdict).toBe('ok');
    const heart = imageFindings([{ name: 'x', analysis: photo(hand('finger_heart', 0)) }], national);
    expect(heart.verdict).toBe('caution');
    expect(heart.findings[0]!.numbers).toEqual([]);
  });

  it('an unsure reading is only a caution', () => {
    const unsure = imageFindings([{ name: 'x', analysis: photo(hand('one', 1, MIN_VIOLATION_SCORE - 0.01)) }], national);
    expect(unsure.verdict).toBe('caution');
    expect(unsure.findings[0]!.numbers).toEqual([1]);
  });
});
