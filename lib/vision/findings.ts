/**
 * Hand poses become findings through the active rule packs: the ballot numbers in play are read
 * from the packs' entities (national: tickets and party numbers; a regional pack: its
 * candidates), so four raised fingers is a violation when a 4 is on the ballot and a caution
 * otherwise. Pure: no DOM, no model.
 */
import type { Engine } from '../rules/engine';
import type { Entity, LegalRef, RulePack, Verdict } from '../rules/types';
import { textFindings } from './text';
import { referenceFindings, type ReferenceSet } from './references';
import { isListedPose, numbersOf } from './gestures';
import type { Gesture, HandReading, ImageAnalysis, ImageFinding, ImageVerdict, ImageProblem } from './types';

export const POSE_RULE = 'pose-jari-nomor-urut';
export const POSE_REF = 'R04';
/** Below this confidence a pose that matches a ballot number is only a caution. */
export const MIN_VIOLATION_SCORE = 0.5;

const FALLBACK_R04: LegalRef = {
  title: { id: 'Simbol keberpihakan: pose atau salam jari yang menyerupai nomor urut', en: 'Partisan symbols: finger poses that read as a ballot number' },
  source: 'Imbauan BKN Nov 2023, menerapkan SKB 2022 Lamp. II A.5/B.7 ("simbol keberpihakan")',
  sanctions: ['ETIK', 'DIS-BERAT'],
};

export interface NumbersInPlay {
  /** number → entities with that ballot number, tickets and candidates first */
  byNumber: Map<number, { entity: Entity; pack: string }[]>;
  legal: LegalRef;
  legalPack: string;
}

const KIND_ORDER = { ticket: 0, candidate: 1, party: 2 } as const;

export function numbersInPlay(packs: readonly RulePack[]): NumbersInPlay {
  const byNumber = new Map<number, { entity: Entity; pack: string }[]>();
  let legal: LegalRef | undefined;
  let legalPack = 'jaga-netral';
  for (const pack of packs) {
    for (const entity of pack.entities ?? []) {
      if (typeof entity.number !== 'number') continue;
      const list = byNumber.get(entity.number) ?? [];
      list.push({ entity, pack: pack.id });
      byNumber.set(entity.number, list);
    }
    if (pack.legal?.[POSE_REF]) {
      legal = pack.legal[POSE_REF];
      legalPack = pack.id;
    }
  }
  for (const list of byNumber.values()) list.sort((a, b) => KIND_ORDER[a.entity.kind] - KIND_ORDER[b.entity.kind]);
  return { byNumber, legal: legal ?? FALLBACK_R04, legalPack };
}

const GESTURE_ID: Record<Gesture, string> = {
  one: 'satu jari (telunjuk)',
  two: 'dua jari (peace)',
  three: 'tiga jari',
  four: 'empat jari',
  five: 'lima jari',
  thumb: 'jempol',
  thumb_index: 'jempol dan telunjuk',
  pistol: 'pose pistol',
  call: 'jempol dan kelingking (telepon)',
  ok_three: '"OK" dengan tiga jari',
  metal: 'salam metal',
  finger_heart: 'hati ala Korea (jari)',
  fist: 'tangan mengepal',
  two_hand_heart: 'hati dua tangan',
  other: 'jari terangkat',
};
const GESTURE_EN: Record<Gesture, string> = {
  one: 'one finger (index)',
  two: 'two fingers (peace)',
  three: 'three fingers',
  four: 'four fingers',
  five: 'five fingers',
  thumb: 'thumb',
  thumb_index: 'thumb and index',
  pistol: 'pistol',
  call: 'thumb and pinky ("phone")',
  ok_three: '"OK" with three fingers up',
  metal: 'metal salute',
  finger_heart: 'Korean finger heart',
  fist: 'clenched fist',
  two_hand_heart: 'two-hand heart',
  other: 'raised fingers',
};

export function gestureLabel(g: Gesture, lang: 'id' | 'en' = 'id'): string {
  return (lang === 'en' ? GESTURE_EN : GESTURE_ID)[g];
}

export interface ImageInput {
  name: string;
  analysis: ImageAnalysis;
}

export interface ImageJudges {
  /** The rule engine the typed text is checked with: the text read in a photo goes through it too. */
  engine?: Engine;
  /** The agency reference images of the packs (lib/vision/references.ts). */
  references?: ReferenceSet;
}

/**
 * Findings for a set of photos: the hands judged against the numbers in play, given the engine
 * the text read in each photo judged as typed text is, and given the packs' reference images
 * the photos that match one.
 */
export function imageFindings(images: readonly ImageInput[], inPlay: NumbersInPlay, judges: ImageJudges = {}): ImageVerdict {
  const findings: ImageFinding[] = [];
  images.forEach(({ name, analysis }, imageIndex) => {
    analysis.hands.forEach((hand, handIndex) => {
      const f = handFinding(hand, handIndex, { index: imageIndex, name }, inPlay);
      if (f) findings.push(f);
    });
    if (judges.engine && analysis.text) findings.push(...textFindings(analysis.text, { index: imageIndex, name }, judges.engine));
    if (judges.references) findings.push(...referenceFindings(analysis.fingerprint, analysis, { index: imageIndex, name }, judges.references));
  });
  return { verdict: verdictOfImages(findings), findings };
}

function handFinding(hand: HandReading, handIndex: number, image: { index: number; name: string }, inPlay: NumbersInPlay): ImageFinding | null {
  if (!isListedPose(hand.gesture)) return null;
  const readings = numbersOf(hand.gesture, hand.count);
  const numbers = readings.filter((n) => inPlay.byNumber.has(n));
  const violation = numbers.length > 0 && hand.score >= MIN_VIOLATION_SCORE;
  const first = numbers.length ? inPlay.byNumber.get(numbers[0]!)![0] : undefined;
  const pose = gestureLabel(hand.gesture, 'id');
  const poseEn = gestureLabel(hand.gesture, 'en');
  const photo = `foto ${image.index + 1} (${image.name})`;
  const photoEn = `photo ${image.index + 1} (${image.name})`;
  const numId = numbers.length ? ` — terbaca sebagai nomor ${numbers.join('/')}` : '';
  return {
    kind: 'pose',
    rule: POSE_RULE,
    pack: inPlay.legalPack,
    severity: violation ? 'violation' : 'caution',
    evidence: `${photo}, tangan ${handIndex + 1}: ${pose}${numId}`,
    why: {
      id: numbers.length
        ? `Pose tangan "${pose}" di ${photo} menyerupai nomor urut ${numbers.join('/')} yang ada di surat suara (${numbers
            .map((n) => inPlay.byNumber.get(n)![0]!.entity.label)
            .join('; ')}). BKN meminta ASN menghindari pose jari seperti ini di foto yang dipublikasikan.`
        : `Pose tangan "${pose}" di ${photo} termasuk pose yang diminta BKN untuk dihindari ASN, karena dapat dibaca sebagai simbol keberpihakan.`,
      en: numbers.length
        ? `The "${poseEn}" pose in ${photoEn} reads as ballot number ${numbers.join('/')}. BKN asks civil servants to avoid such finger poses in published photos.`
        : `The "${poseEn}" pose in ${photoEn} is on BKN's list of poses civil servants should avoid, as it can read as a partisan symbol.`,
    },
    ref: POSE_REF,
    source: inPlay.legal.source,
    sanctions: [...inPlay.legal.sanctions],
    image,
    boxes: [hand.box],
    hand: { index: handIndex, gesture: hand.gesture, count: hand.count, score: hand.score, box: hand.box },
    numbers,
    ...(first ? { entity: { id: first.entity.id, label: first.entity.label } } : {}),
  };
}

export function verdictOfImages(findings: readonly ImageFinding[]): Verdict {
  if (findings.some((f) => f.severity === 'violation')) return 'violation';
  return findings.length ? 'caution' : 'ok';
}

/** Indonesian and English notes for images that could not be checked. */
export const PROBLEM_TEXT: Record<ImageProblem, { id: string; en: string }> = {
  empty: { id: 'berkas kosong (0 byte)', en: 'empty file (0 bytes)' },
  'unsupported-format': { id: 'format gambar tidak didukung', en: 'unsupported image format' },
  svg: { id: 'gambar SVG tidak diperiksa', en: 'SVG images are not checked' },
  heic: { id: 'format HEIC/HEIF tidak dapat dibaca peramban ini', en: 'HEIC/HEIF cannot be read by this browser' },
  animated: { id: 'gambar bergerak: hanya bingkai pertama yang diperiksa', en: 'animated image: only the first frame was checked' },
  'too-large': { id: 'ukuran gambar terlalu besar untuk diperiksa', en: 'image dimensions too large to check' },
  corrupt: { id: 'berkas gambar rusak atau tidak dapat dibaca', en: 'image file is corrupt or unreadable' },
  'engine-failed': { id: 'pemeriksa foto gagal berjalan', en: 'the photo checker failed' },
  timeout: { id: 'pemeriksaan foto terlalu lama', en: 'the photo check took too long' },
  'no-webgl': {
    id: 'foto tidak dapat diperiksa di komputer ini: peramban tidak menyediakan WebGL, yang dibutuhkan pemeriksa foto',
    en: 'photos cannot be checked on this computer: the browser provides no WebGL, which the photo checker needs',
  },
};

export type { Verdict };
