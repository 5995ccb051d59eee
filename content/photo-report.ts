/**
 * A composer's photos, judged: hands through the active packs' ballot numbers, the text read in
 * them through the same detector as typed text (the rules, then the learned stage once it is
 * loaded), matches with the packs' reference images, photos that could not be checked, and whether
 * the post needs the warning.
 */
import type { RulePack } from '../lib/rules/types';
import type { Engine } from '../lib/rules/engine';
import { referenceSet, type ReferenceSet } from '../lib/vision/references';
import { imageFindings, numbersInPlay, type NumbersInPlay } from '../lib/vision/findings';
import type { ImageVerdict } from '../lib/vision/types';
import type { ComposerPhotos, Photo } from './attachments';

export interface PhotoReport extends ImageVerdict {
  photos: Photo[];
  pending: number;
  /** Photos that could not be checked (not counting "animated": its first frame was). */
  unchecked: Photo[];
  /** The post should be held: findings, unchecked photos, or a check still running. */
  needsAttention: boolean;
}

const inPlayCache = new WeakMap<readonly RulePack[], NumbersInPlay>();

const referenceCache = new WeakMap<readonly RulePack[], ReferenceSet>();

function referencesFor(packs: readonly RulePack[]): ReferenceSet {
  let r = referenceCache.get(packs);
  if (!r) referenceCache.set(packs, (r = referenceSet(packs)));
  return r;
}

/** `engine`: the typed text's detector, whose packs are in force and which reads the photos' text too. */
export function photoReport(view: ComposerPhotos | null, engine: Engine): PhotoReport | null {
  if (!view) return null;
  const { packs } = engine;
  let inPlay = inPlayCache.get(packs);
  if (!inPlay) inPlayCache.set(packs, (inPlay = numbersInPlay(packs)));
  const { verdict, findings } = imageFindings(
    view.photos.map((p) => ({ name: p.name, analysis: p.analysis ?? { width: 0, height: 0, hands: [] } })),
    inPlay,
    { engine, references: referencesFor(packs) },
  );
  const unchecked = view.photos.filter((p) => p.status === 'failed' || (p.problem && p.problem !== 'animated'));
  return {
    photos: view.photos,
    pending: view.pending,
    verdict,
    findings,
    unchecked,
    needsAttention: view.pending > 0 || verdict !== 'ok' || unchecked.length > 0,
  };
}
