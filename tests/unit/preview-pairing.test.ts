import { describe, expect, it } from 'vitest';
import { PreviewPairing } from '../../content/preview-pairing';

// photos are whatever the watcher keeps; here, their names
const POSTER = 'poster';
const FIST = 'fist';
const NEW = 'new';

describe('PreviewPairing: which photo a "one" removal takes out', () => {
  it('by place while no reorder was seen, with or without identities', () => {
    const pairing = new PreviewPairing<string>();
    expect(pairing.photoFor(1, ['blob:a', 'blob:b'], [POSTER, FIST])).toBe(FIST);
    expect(pairing.photoFor(0, undefined, [POSTER, FIST])).toBe(POSTER);
  });

  it('after a reorder, by the identity learned before it: the photo deleted, not the one at its old place', () => {
    const pairing = new PreviewPairing<string>();
    pairing.learn(['blob:a', 'blob:b'], [POSTER, FIST]); // pressed in attach order
    pairing.reordered();
    // the clean photo now shows first
    expect(pairing.photoFor(0, ['blob:b', 'blob:a'], [POSTER, FIST])).toBe(FIST);
    expect(pairing.photoFor(1, ['blob:b', 'blob:a'], [POSTER, FIST])).toBe(POSTER);
  });

  it('after a reorder with no identity learned before it, nothing is taken out (the photo keeps counting)', () => {
    const pairing = new PreviewPairing<string>();
    pairing.reordered();
    expect(pairing.photoFor(0, ['blob:b', 'blob:a'], [POSTER, FIST])).toBeNull();
    expect(pairing.photoFor(0, undefined, [POSTER, FIST])).toBeNull();
    // nor is anything learned from the new places
    expect(pairing.photoFor(1, ['blob:b', 'blob:a'], [POSTER, FIST])).toBeNull();
  });

  it('places that contradict what was learned (an order changed unseen): those previews take nothing out from then on', () => {
    const pairing = new PreviewPairing<string>();
    pairing.learn(['blob:a', 'blob:b'], [POSTER, FIST]);
    expect(pairing.photoFor(0, ['blob:b', 'blob:a'], [POSTER, FIST])).toBeNull();
    expect(pairing.photoFor(1, ['blob:b', 'blob:a'], [POSTER, FIST])).toBeNull();
  });

  it('a photo added after a reorder: the one preview left unpaired is the one photo left unshown', () => {
    const pairing = new PreviewPairing<string>();
    pairing.learn(['blob:a', 'blob:b'], [POSTER, FIST]);
    pairing.reordered();
    expect(pairing.photoFor(2, ['blob:b', 'blob:a', 'blob:c'], [POSTER, FIST, NEW])).toBe(NEW);
  });

  it('two previews unpaired after a reorder: neither is guessed', () => {
    const pairing = new PreviewPairing<string>();
    pairing.learn(['blob:a'], [POSTER]);
    pairing.reordered();
    expect(pairing.photoFor(1, ['blob:c', 'blob:b', 'blob:a'], [POSTER, FIST, NEW])).toBeNull();
    expect(pairing.photoFor(2, ['blob:c', 'blob:b', 'blob:a'], [POSTER, FIST, NEW])).toBe(POSTER);
  });

  it('a preview paired with a photo no longer attached takes nothing out; previews that do not match the photos teach nothing', () => {
    const pairing = new PreviewPairing<string>();
    pairing.learn(['blob:a', 'blob:b'], [POSTER, FIST]);
    pairing.reordered();
    expect(pairing.photoFor(0, ['blob:a'], [FIST])).toBeNull();
    const twice = new PreviewPairing<string>();
    twice.learn(['blob:x', 'blob:x'], [POSTER, FIST]);
    twice.learn(['blob:x', 'blob:y', 'blob:z'], [POSTER, FIST]);
    twice.reordered();
    expect(twice.photoFor(0, ['blob:x', 'blob:y'], [POSTER, FIST])).toBeNull();
  });
});
