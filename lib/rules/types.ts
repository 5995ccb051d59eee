/**
 * Rule-pack format (version 1) and the shapes the engine returns.
 * Pure data: no DOM, no browser, no code inside a pack.
 */
import type { Tokenized } from '../text/normalize';

export type Severity = 'violation' | 'caution';
export type Verdict = Severity | 'ok';

/** Text in the two interface languages; Indonesian is required. */
export interface LocalText {
  id: string;
  en?: string;
}

/** A legal basis the rules cite (R01…R19 in shared/rules-reference.md). */
export interface LegalRef {
  /** Short title of the forbidden act. */
  title: LocalText;
  /** The instruments and articles, e.g. "SKB 2022 Lamp. II A.2/B.2; PP 94/2021 Ps 5 huruf n". */
  source: string;
  /** Sanction categories, lightest to heaviest: ETIK, DIS-SEDANG, DIS-BERAT, PTDH, PIDANA. */
  sanctions: SanctionCategory[];
}

export type SanctionCategory = 'ETIK' | 'DIS-SEDANG' | 'DIS-BERAT' | 'PTDH' | 'PIDANA';
export const SANCTION_CATEGORIES: readonly SanctionCategory[] = ['ETIK', 'DIS-SEDANG', 'DIS-BERAT', 'PTDH', 'PIDANA'];

export type EntityKind = 'ticket' | 'candidate' | 'party';

/** A ticket, a candidate or a party: what a post may support or attack. */
export interface Entity {
  id: string;
  kind: EntityKind;
  /** Display name, e.g. "Prabowo Subianto – Gibran Rakabuming Raka". */
  label: string;
  /** Ballot number (nomor urut). */
  number?: number;
  /** Names and nicknames that identify it on their own ("prabowo", "gerindra", "cak imin"). */
  names: string[];
  /** Names that are also ordinary words or too ambiguous to stand alone ("amin", "pan", "garuda"):
   *  they count only where a rule asks for them next to an electoral cue. */
  weakNames?: string[];
  /** Campaign hashtags, with or without '#'. */
  hashtags?: string[];
  /** Slogans and jargon tied to this entity. */
  slogans?: string[];
  /** Social-media accounts, with or without '@'. */
  handles?: string[];
}

/**
 * A frame that changes what findings mean: a news report caps them at caution; a neutrality
 * message ("ASN dilarang pose dua jari") drops them. `except` patterns cancel the frame
 * (a first-person call to vote is not news, whatever else the post says).
 */
export interface Context {
  id: string;
  effect: 'caution' | 'drop';
  /**
   * Where a match counts: the whole post, the sentence it is in, or (`quote`) the post's own words
   * around its quotes — the frame then applies only to findings inside quotation marks, and neither
   * its patterns nor its exceptions are read inside them ("…meneriakkan 'coblos nomor 2'" reports a call).
   */
  scope: 'post' | 'sentence' | 'quote';
  patterns: string[];
  except?: string[];
  /**
   * Signs the post reports rather than displays: a hashtag or salute named as what others wore,
   * held up or were examined for ("spanduk #X", "berfoto dengan salam dua jari"). An `except`
   * match that lies inside one of these does not cancel the frame; the finding on it is still
   * capped or dropped like any other.
   */
  reported?: string[];
  /** What the warning says about the frame. */
  why: LocalText;
}

/** One rule: a set of patterns and what a match means. */
export interface Rule {
  /** Stable id, unique across packs, e.g. "ajakan-coblos-nomor". */
  id: string;
  /** Key into `legal`, e.g. "R02". */
  ref: string;
  severity: Severity;
  /** Patterns in the bounded pattern syntax (see lib/rules/pattern.ts). */
  patterns: string[];
  /** Patterns that cancel a match they overlap ("coblos 14 Februari" is a date, not party 14). */
  unless?: string[];
  /** Short explanation shown to the person. */
  why: LocalText;
}

export interface RulePack {
  /** Always "jaga-netral/rule-pack". */
  format: 'jaga-netral/rule-pack';
  /** Schema version of the format; this engine reads 1. */
  schemaVersion: 1;
  /** Pack id, e.g. "nasional-2024". */
  id: string;
  /** The pack's own version, e.g. "2024.1.0". */
  version: string;
  name: LocalText;
  /** Election scope, e.g. "Pemilu 2024" or "Pilkada 2029 Kota Bandung". */
  election?: string;
  /** Legal references the rules cite, by key. Packs may cite keys defined by another pack loaded with them. */
  legal?: Record<string, LegalRef>;
  /** Named word classes used in patterns as {name}. Each entry is a word or a phrase. */
  lexicon?: Record<string, string[]>;
  entities?: Entity[];
  rules?: Rule[];
  contexts?: Context[];
  /** Selector overrides for the site adapters, by site id and selector name (lib/policy/site-selectors.ts). */
  siteSelectors?: Partial<Record<'x' | 'facebook' | 'instagram', Record<string, string>>>;
  /** Agency reference images (posters, ticket photos, twibbon frames), as perceptual fingerprints only. */
  references?: ReferenceImage[];
}

/**
 * A reference image as a pack lists it: never the bytes, only what lib/vision/phash.ts computes
 * (`jaga-netral pack add-images`). "image": pHashes (16 hex digits) of the image and central
 * crops; "frame": a 16×16 colour grid, 3 hex digits a cell, '---' where the frame is transparent.
 */
export interface ReferenceImage {
  id: string;
  label: string;
  /** The ticket, candidate or party it belongs to (an entity id of the packs). */
  entity?: string;
  /** Legal reference key (default R05 for a frame, R02 for an image). */
  ref?: string;
  kind: 'image' | 'frame';
  phash?: string[];
  /** kind "image": colour histogram, 64 bins of 2 hex digits. */
  hist?: string;
  grid?: string;
}

/** A finding: what was found, where, why, and on what legal basis. */
export interface Finding {
  /** Rule id. */
  rule: string;
  /** Pack the rule came from. */
  pack: string;
  severity: Severity;
  /** UTF-16 offsets into the original text, end exclusive. */
  start: number;
  end: number;
  /** The original text of the span. */
  evidence: string;
  why: LocalText;
  /** Legal reference key (R02) and its details. */
  ref: string;
  source: string;
  sanctions: SanctionCategory[];
  /** Which entity the evidence points at, when one does. */
  entity?: { id: string; label: string };
  /** The frame that lowered its severity (e.g. a news report), if one did. */
  context?: { id: string; why: LocalText };
  /** A learned stage's finding: the actor's span and the words that drove the score (highest weight first). */
  spans?: EvidenceSpan[];
  /** A learned stage's finding: its score (0–1) and the thresholds it was held against. */
  score?: { value: number; violation: number; caution: number };
}

/** A part of the text that drove a finding: the actor it is about, or words a learned model weighed. */
export interface EvidenceSpan {
  kind: 'actor' | 'driver';
  /** UTF-16 offsets into the original text, end exclusive. */
  start: number;
  end: number;
  evidence: string;
}

/** An entity of the packs named in a text (token range, inclusive). */
export interface ActorHit {
  first: number;
  last: number;
  kind: 'candidate' | 'party';
  /** Only a weak name matched ("amin", a first name): an actor only next to an election cue. */
  weak: boolean;
  entity: { id: string; label: string };
  source: 'name' | 'hashtag' | 'handle';
}

/** A frame of the packs (news report, neutrality message …) that applied to the text. */
export interface FrameHit {
  id: string;
  effect: Context['effect'];
  /** Token ranges [first, last] of the frame's own matches, in the sentences where it applied. */
  spans: [number, number][];
}

/** What the rules saw on the way to their analysis: read by a learned stage. */
export interface Inspection {
  analysis: Analysis;
  tokens: Tokenized;
  stems: (string | null)[];
  actors: ActorHit[];
  frames: FrameHit[];
  /** Lexicon classes of each token (by its text or its stem), if any. */
  classes: (readonly string[] | undefined)[];
  /** The packs' words (lexicons, names, slogans; not the words learned from hashtags alone): what is no unknown name. */
  vocabulary: ReadonlySet<string>;
}

/** A stage after the rules (the learned model): adds findings, never removes or changes the rules'. */
export interface TextStage {
  readonly id: string;
  run(insp: Inspection, text: string): Finding[];
}

export interface Analysis {
  verdict: Verdict;
  findings: Finding[];
}
