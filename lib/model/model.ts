/**
 * The learned stage: a compact linear model (logistic regression over hashed features, see
 * features.ts) that speaks where the rules found no violation, and only behind a gate — an actor
 * (a pack entity, a role word, an honorific name next to a calon word, a name pair or two-name
 * hashtag next to an election word) or an election word must be present, so everyday posts stay quiet;
 * a few cues everyday posts share with campaigning (wide-gate.ts) also open it, and the model weighs them.
 *
 * Two heads share the features: `campaign` (does this post campaign for or against a contestant?)
 * gives the score and the severity against two thresholds calibrated by cross-validation; `attack`
 * (is it against one?) only chooses which finding it is: model-dukungan or model-serangan.
 *
 * Behind a closed gate a third head, `ungated`, trained on the posts there (campaigning that names no
 * one: "partai merah itu pengkhianat", "baliau baduo tu lah tabukti"; and every everyday post), may
 * speak, at caution only and at a line that flags at most 0.25% of the everyday posts there (the caution
 * line may flag ten times that share): the gate keeps everyday posts quiet by what they name, this head
 * by how sure it is, and a post that names no contest is never graded a violation.
 *
 * Rules keep priority: where they found a violation the model adds nothing; a neutrality frame
 * silences it as it drops rule findings, except for support declared outside the frame's own clause (silence.ts)
 * and for a score past the violation line, which it reports at caution; a news frame caps it at caution, as it
 * caps the rules.
 */
import type { Finding, Inspection, LegalRef, LocalText, Severity, TextStage, EvidenceSpan } from '../rules/types';
import { WEAK_FRAME, someIn, CALL_WORDS, CARDINALS, ELECTION_WORDS, FINGERS, IMPERATIVE, OFFICE_WORDS, OUTCOME, OUTCOME_LEAD, PARTY_SYMBOLS, RELATIVE, SYMBOL_LEADS, TEAM_TAILS, W, addressAt, countedFingersAt, genericActors, personalNameAt, saluteEmojiAt, tokenFlags, type Cue } from './cues';
/** "pasangan", "paslon": who a call is for. */
const PAIRISH = new Set(['paslon', 'pasangan']);
import { copyGathered, gather, type ChunkInput, type Features, type Gathered } from './features';
import type { Token } from '../text/normalize';
import { frameSilences } from './silence';
import { wideCues } from './wide-gate';

export const MODEL_FORMAT = 'jaga-netral/text-model';

export interface Head {
  bias: number;
  /** Weight = int8 × scale. */
  scale: number;
  /** 2^bits int8 weights, base64. */
  weights: string;
}

export interface ModelFile {
  format: typeof MODEL_FORMAT;
  version: 1;
  id: string;
  bits: number;
  heads: { campaign: Head; attack: Head; ungated?: Head };
  /** Campaign-score thresholds: ≥ violation → violation; ≥ caution → caution; the ungated head's score ≥ ungated → caution. */
  thresholds: { violation: number; caution: number; ungated?: number };
  /** How it was trained (counts, folds, seed): for the reader, not used at run time. */
  training: Record<string, unknown>;
}

export class ModelFormatError extends Error {}

function b64decode(s: string): Uint8Array {
  if (typeof atob === 'function') {
    const bin = atob(s);
    const out = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
    return out;
  }
  return new Uint8Array(Buffer.from(s, 'base64'));
}

export function b64encode(b: Uint8Array): string {
  if (typeof Buffer !== 'undefined') return Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('base64');
  let bin = '';
  for (const x of b) bin += String.fromCharCode(x);
  return btoa(bin);
}

export interface DenseHead {
  bias: number;
  w: Float32Array;
}

function denseHead(h: Head, size: number, name: string): DenseHead {
  const bytes = b64decode(h.weights);
  if (bytes.length !== size) throw new ModelFormatError(`head ${name}: ${bytes.length} weights, expected ${size}`);
  const q = new Int8Array(bytes.buffer, bytes.byteOffset, bytes.length);
  const w = new Float32Array(size);
  for (let i = 0; i < size; i++) w[i] = q[i]! * h.scale;
  return { bias: h.bias, w };
}

export const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

export function dot(h: DenseHead, f: Features): number {
  return weightedSum(h, f.idx, f.val, f.idx.length);
}

/** dot() over features left in the scratch arrays (the same sum, in the same order). */
export function dotGathered(h: DenseHead, g: Gathered): number {
  return weightedSum(h, g.idx, g.val, g.n);
}

/** The head's bias plus its weights at the first n indices times their values. */
function weightedSum(h: DenseHead, idx: readonly number[], val: readonly number[], n: number): number {
  let z = h.bias;
  for (let k = 0; k < n; k++) z += h.w[idx[k]!]! * val[k]!;
  return z;
}

/** Where in a text the model may speak, and what it reads there. */
export interface Chunk extends ChunkInput {
  /** An actor or an election word is present. */
  gated: boolean;
}

/** Sentences grouped into chunks of at most this many tokens: long texts are read piece by piece. */
export const CHUNK_TOKENS = 80;

const FRAME_CLASSES = ['electoral', 'nomination', 'camp-slur', 'team-word', 'rally', 'twibbon'];
const CALL_CLASSES = ['support-verb', 'oppose-verb'];
/** Verbs of choosing or backing a side, after which a relative clause names a camp's voters ("yang milih X", "sing milih X"). */
const VOTER_VERBS = new Set(['milih', 'memilih', 'pilih', 'nyoblos', 'coblos', 'dukung', 'mendukung', 'belain', 'bela', 'ndukung']);
/** Pronouns for a contestant already known to the reader ("yang milih dia kemarin"). */
const THIRD_PERSON = new Set(['dia', 'mereka', 'beliau', 'dio', 'deweke', 'kae', 'iku', 'doi']);
/** Heads of a veiled reference to a contest's side, and what makes them veiled ("partai sebelah", "paslon itu", "pasangan nomor …"). */
const VEIL_HEADS = new Set(['partai', 'kubu', 'paslon', 'calon', 'capres', 'cawapres', 'cagub', 'cabup', 'cawalkot', 'caleg']);
const VEIL_TAILS = new Set(['itu', 'ini', 'sebelah', 'tetangga']);
const PAIR_VEIL_TAILS = new Set(['sebelah', 'nomor', 'no', 'nomer', 'calon', 'kita']);
const SPREAD = new Set(['sebarkan', 'bagikan', 'share', 'viralkan', 'sebarkanmi', 'bagike', 'sebar', 'sebarno', 'sebarke', 'disebarke', 'sebarang', 'bagikeun', 'sebarkeun', 'forward', 'teruskan', 'diteruskan', 'dibagikan', 'disebarkan', 'sebarin', 'bagiin', 'dishare', 'viralin', 'kabarkan']);

/**
 * Is tokens [from, to) about an election? Strong: an election or role word (also in English, "mayor",
 * "candidate"; "wali kota" written apart), an election year after a name or slogan ("HANA 2029"), a word of the packs'
 * election classes (camp slurs, campaign teams, rallies, twibbons); a call verb (pilih, dukung,
 * menangkan, tolak …) together with an imperative, a first-person speaker, a back-reference
 * (beliau, mereka), a small number, a hashtag or an exclamation (Javanese "aja" before a call verb forbids
 * it); a ballot number ("nomor 2", "nomer telu", "02"); a programme with a call to spread it; a camp
 * greeting ("salam" and a name or number); a warning against an outcome ("jangan sampai … menang /
 * berkuasa"); a chant (one word shouted twice or more, "RIDO! RIDO!"); a camp's voters ("yang milih X",
 * "sing milih dia"); a veiled side ("paslon sebelah", "pasangan nomor …"); a finger salute named ("salam
 * tilu ramo"); a party named by its symbol ("partai beringin"). Weak: words that are election words only
 * sometimes (menang, suara, memimpin …), a salute's emoji and "partai" itself, which open the gate only beside a weak name.
 */
function frameIn(insp: Inspection, text: string, from: number, to: number): { frame: boolean; weakFrame: boolean } {
  const { tokens } = insp.tokens;
  const flags = tokenFlags(insp, to);
  let weakFrame = false;
  let call = false;
  let push = false;
  let programme = false;
  let spread = false;
  // made on the first word shouted: most chunks have none
  let chant: Map<string, number> | undefined;
  for (let i = from; i < to; i++) {
    const tok = tokens[i]!;
    const t = tok.text;
    const cls = insp.classes[i];
    const wf = flags[i]!;
    if (wf & W.role || (cls && someIn(cls, FRAME_CLASSES))) return { frame: true, weakFrame };
    // a camp's voters: "yang milih X", "sing milih Risma", "yang milih dia kemarin"
    if (i + 2 < to && VOTER_VERBS.has(tokens[i + 1]!.text) && RELATIVE.has(written(tokens, text, i))) {
      const k = i + 2;
      if (personalNameAt(insp, text, k) || insp.actors.some((a) => a.first === k) || THIRD_PERSON.has(tokens[k]!.text)) return { frame: true, weakFrame };
    }
    // a veiled side: "paslon sebelah", "partai itu", "pasangan nomor urut **" (a couple, "pasangan itu", is left alone)
    if (i + 1 < to && ((VEIL_HEADS.has(t) && VEIL_TAILS.has(tokens[i + 1]!.text)) || (t === 'pasangan' && PAIR_VEIL_TAILS.has(tokens[i + 1]!.text)))) return { frame: true, weakFrame };
    // a party named by its symbol: "partai beringin", "partai yang logonya banteng", "partai berlambang matahari"
    if (t === 'partai' || t === 'parpol') {
      for (let k = i + 1; k < Math.min(to, i + 4); k++) {
        const w = tokens[k]!.text;
        if (PARTY_SYMBOLS.has(w) || (SYMBOL_LEADS.has(w) && k + 1 < to)) return { frame: true, weakFrame };
      }
      // a party word beside a weak pack name: "PSI partai bocil", "Demokrat partai yg dulu …"
      weakFrame = true;
    }
    // a finger salute named: "salam tiga jari", "salam tilu ramo"
    if (t === 'salam' && i + 2 < to && CARDINALS.has(tokens[i + 1]!.text) && (FINGERS.has(tokens[i + 2]!.text) || insp.classes[i + 2]?.includes('jari'))) return { frame: true, weakFrame };
    // an office or a candidacy in English, and "wali kota" written apart
    if (wf & W.englishElection || (t === 'wali' && /^kot/.test(tokens[i + 1]?.text ?? ''))) return { frame: true, weakFrame };
    // an election year after a name or a slogan: "HANA 2029!", "\"AMIN 2024\"", "#Warsito2027"
    // (the name in capitals, in a hashtag, or one of the packs': "Liburan 2024", "Kalender 2025" are no slogans)
    if (tok.kind === 'number' && /^20[1-4]\d$/.test(t) && i > from && sloganWord(insp, text, i - 1)) return { frame: true, weakFrame };
    if (wf & W.election) {
      if (!WEAK_FRAME.has(t)) return { frame: true, weakFrame };
      weakFrame = true;
    }
    // "jangan sampai … menang / berkuasa / jadi …": a warning against an outcome of the contest
    if (cls?.includes('jangan')) {
      const nx = tokens[i + 1]?.text;
      if (nx && OUTCOME_LEAD.has(nx)) for (let k = i + 2; k < Math.min(to, i + 8); k++) if (OUTCOME.has(tokens[k]!.text) || insp.classes[k]?.includes('win')) return { frame: true, weakFrame };
    }
    // "jangan dipimpin …", "jangan menang": a prohibition of the outcome itself
    if (cls?.includes('jangan') && i + 1 < to && (OUTCOME.has(tokens[i + 1]!.text) || tokens[i + 1]!.text === 'dipimpin') && tokens[i + 1]!.text !== 'jadi' && tokens[i + 1]!.text !== 'menjadi') return { frame: true, weakFrame };
    // a wish for an office: "semoga jadi walkot", "mugia janten wali kota"
    if (wf & W.hope) for (let k = i + 1; k < Math.min(to, i + 5); k++) if (OFFICE_WORDS.has(tokens[k]!.text) || (tokens[k]!.text === 'wali' && /^kot/.test(tokens[k + 1]?.text ?? ''))) return { frame: true, weakFrame };
    // election words that count as a frame only beside a weak name (a family photo has "dua jari", a
    // wedding its "tim sukses"): a finger sign counted ("tiga jari", "satu jari di dada") and a salute's
    // emoji — which also open the gate on their own as wide cues (wide-gate.ts), but as a weak frame they
    // tell the model a weak name beside them ("AMIN … ☝️") is a contestant —, a team and its ranks ("tim
    // sukses", "ketua tim …"), a camp's ranks or voters ("barisan", "pemilih"), campaign goods ("kaos", "stiker")
    // (a count is a cardinal word or a number: the flags say which tokens can be one)
    if (((wf & W.cardinal || tok.kind === 'number') && countedFingersAt(insp, i, to)) || saluteEmojiAt(insp, i)) weakFrame = true;
    if (t === 'tim' && i + 1 < to && TEAM_TAILS.has(tokens[i + 1]!.text)) weakFrame = true;
    if (wf & W.teamHeads && t !== 'tim' && i + 1 < to && (tokens[i + 1]!.text === 'tim' || insp.classes[i + 1]?.some((c) => c === 'team-word' || c === 'party-word'))) weakFrame = true;
    if (wf & (W.campWords | W.goods)) weakFrame = true;
    // a chant without exclamation marks: one word three times running ("KDM KDM KDM")
    if (tok.kind === 'word' && t.length >= 2 && i + 2 < to && tokens[i + 1]!.text === t && tokens[i + 2]!.text === t && !IMPERATIVE.has(t) && !/^(?:wk|ha|he|hi|xi|ck|kw)+$/.test(t)) return { frame: true, weakFrame };
    // a ballot number: "nomor 2", "nomer telu", "02"
    if (((cls?.includes('nomor') && i + 1 < to && (tokens[i + 1]!.kind === 'number' || CARDINALS.has(tokens[i + 1]!.text))) || (tok.kind === 'number' && /^0\d$/.test(written(tokens, text, i)))) && !addressAt(insp, i + (tok.kind === 'number' ? 0 : 1))) push = call = true;
    // a chant: the same word shouted again and again ("RIDO! RIDO!")
    if (tok.kind === 'word' && bangAfter(tokens, text, i)) {
      chant ??= new Map();
      const c = (chant.get(t) ?? 0) + 1;
      chant.set(t, c);
      if (c >= 2) return { frame: true, weakFrame };
    }
    // Javanese "aja" before a verb forbids it ("aja dipilih"); the normalizer reads it as "saja"
    if (t === 'saja' && written(tokens, text, i) === 'aja' && i + 1 < to && (CALL_WORDS.has(tokens[i + 1]!.text) || insp.classes[i + 1]?.includes('support-verb'))) push = true;
    if (wf & W.call || (cls && someIn(cls, CALL_CLASSES))) call = true;
    if (wf & (W.imperative | W.firstPerson | W.backref) || PAIRISH.has(t) || (i > from && bangIn(text, tokens[i - 1]!.end, tok.start)) || tok.tag !== undefined || (tok.kind === 'number' && t.length <= 2 && !addressAt(insp, i))) push = true;
    if (t === 'program' || t === 'visi') programme = true;
    if (SPREAD.has(t)) spread = true;
    if (t === 'salam' && i + 1 < to) {
      const nx = tokens[i + 1]!;
      if (nx.kind === 'number' || (nx.kind === 'word' && !insp.vocabulary.has(nx.text) && /\p{Lu}/u.test(text[nx.start] ?? ''))) return { frame: true, weakFrame };
    }
  }
  return { frame: (call && push) || (programme && spread), weakFrame };
}

/** Token k as written, lower-cased ('' past the last token). */
function written(tokens: readonly Token[], text: string, k: number): string {
  const t = tokens[k];
  return t ? text.slice(t.start, t.end).toLowerCase() : '';
}

/** Does an exclamation mark follow token k (before the next token)? */
function bangAfter(tokens: readonly Token[], text: string, k: number): boolean {
  return bangIn(text, tokens[k]!.end, k + 1 < tokens.length ? tokens[k + 1]!.start : text.length);
}

/** Is there an exclamation mark in text[a, b)? Read in place: asked between every two tokens, a cut each time added up. */
function bangIn(text: string, a: number, b: number): boolean {
  for (let k = a; k < b; k++) if (text.charCodeAt(k) === 33) return true;
  return false;
}

/** Is token k a name as slogans write it: in capitals ("HANA", "AMIN"), in a hashtag, or one of the packs' names? */
function sloganWord(insp: Inspection, text: string, k: number): boolean {
  const tok = insp.tokens.tokens[k]!;
  if (tok.kind !== 'word') return false;
  if (tok.tag !== undefined || insp.actors.some((a) => a.last === k)) return true;
  return /^\p{Lu}{3,}$/u.test(text.slice(tok.start, tok.end));
}

/** Cut a text into chunks and say which the model may score. */
export function chunks(insp: Inspection, text: string): Chunk[] {
  return [...eachChunk(insp, text)];
}

/**
 * The chunks one by one, each cut and gated only when asked for: the stage stops at the first
 * violation, and on a long text the cues of the chunks it never reads would be most of its work.
 */
export function* eachChunk(insp: Inspection, text: string): Generator<Chunk> {
  const { tokens } = insp.tokens;
  const ruleSignals = insp.analysis.findings.map((f) => `s|rule:${f.rule}`);
  const frameSignals = insp.frames.map((f) => `s|frame:${f.id}`);
  let from = 0;
  while (from < tokens.length) {
    let to = Math.min(tokens.length, from + CHUNK_TOKENS);
    if (to < tokens.length) {
      // end at the last sentence break inside the window, if there is one
      for (let k = to - 1; k > from + 8; k--) if (tokens[k]!.brk) { to = k; break; }
    }
    const packActors = insp.actors.filter((a) => a.first >= from && a.first < to);
    const cues: Cue[] = genericActors(insp, text, from, to);
    const { frame, weakFrame } = frameIn(insp, text, from, to);
    const strongActor = packActors.some((a) => !a.weak) || cues.length > 0;
    const weakActor = packActors.some((a) => a.weak);
    const ruled = insp.analysis.findings.length > 0;
    const wide = wideCues(insp, text, from, to);
    const gated = strongActor || frame || ruled || (weakActor && weakFrame) || wide.length > 0;
    const signals = [...ruleSignals, ...frameSignals];
    for (const w of wide) signals.push(`s|wide:${w}`);
    if (frame) signals.push('s|frame');
    if (weakFrame) signals.push('s|frame:weak');
    yield { insp, text, from, to, packActors, cues, signals, gated };
    from = to;
  }
}

export const MODEL_RULES = {
  support: 'model-dukungan',
  attack: 'model-serangan',
} as const;

const WHY: Record<'support' | 'attack', LocalText> = {
  support: {
    id: 'Tulisan ini terbaca sebagai dukungan atau kampanye untuk peserta pemilu/pilkada. Ini penilaian model pembelajaran mesin (bukan aturan kata per kata); kata-kata yang paling menentukan ditandai.',
    en: 'This reads as support or campaigning for an election contestant. This is the learned model’s judgement (not a word-for-word rule); the words that weighed most are marked.',
  },
  attack: {
    id: 'Tulisan ini terbaca sebagai serangan atau ejekan terhadap peserta pemilu/pilkada atau pendukungnya. Ini penilaian model pembelajaran mesin (bukan aturan kata per kata); kata-kata yang paling menentukan ditandai.',
    en: 'This reads as an attack on, or mockery of, an election contestant or their supporters. This is the learned model’s judgement (not a word-for-word rule); the words that weighed most are marked.',
  },
};
/** Said of a finding of the ungated head: the post names no contestant or election the detector knows. */
const UNNAMED = {
  id: ' Tulisan ini tidak menyebut nama calon, partai, atau kata pemilu yang dikenali, jadi hanya diberi tanda perlu perhatian: periksa apakah yang dimaksud peserta pemilu.',
  en: ' The post names no candidate, party or election word the detector knows, so it is only marked for attention: check whether it is about an election contestant.',
};
const WHY_UNGATED: Record<'support' | 'attack', LocalText> = {
  support: { id: WHY.support.id + UNNAMED.id, en: `${WHY.support.en ?? ''}${UNNAMED.en}` },
  attack: { id: WHY.attack.id + UNNAMED.id, en: `${WHY.attack.en ?? ''}${UNNAMED.en}` },
};
const REF = { support: 'R02', attack: 'R18' } as const;

/** A loaded model: its heads as dense weights. */
export class TextModel {
  readonly id: string;
  readonly bits: number;
  readonly thresholds: ModelFile['thresholds'];
  readonly campaign: DenseHead;
  readonly attack: DenseHead;
  /** Read behind a closed gate, with its own line (older model files have none). */
  readonly ungated?: DenseHead;

  constructor(file: unknown) {
    const m = file as ModelFile;
    if (!m || m.format !== MODEL_FORMAT || m.version !== 1) throw new ModelFormatError(`not a ${MODEL_FORMAT} version 1 file`);
    if (!Number.isInteger(m.bits) || m.bits < 8 || m.bits > 20) throw new ModelFormatError(`bits must be 8–20, got ${m.bits}`);
    const t = m.thresholds;
    if (!t || !(t.caution > 0 && t.caution <= t.violation && t.violation < 1)) throw new ModelFormatError('thresholds must satisfy 0 < caution ≤ violation < 1');
    this.id = m.id;
    this.bits = m.bits;
    this.thresholds = t;
    this.campaign = denseHead(m.heads.campaign, 1 << m.bits, 'campaign');
    this.attack = denseHead(m.heads.attack, 1 << m.bits, 'attack');
    if ((m.heads.ungated === undefined) !== (t.ungated === undefined)) throw new ModelFormatError('the ungated head and its threshold come together');
    if (m.heads.ungated) {
      if (!(t.ungated! > 0 && t.ungated! < 1)) throw new ModelFormatError('the ungated threshold must lie in (0, 1)');
      this.ungated = denseHead(m.heads.ungated, 1 << m.bits, 'ungated');
    }
  }

  /** Campaign score (0–1) of a chunk. */
  score(f: Features): number {
    return sigmoid(dot(this.campaign, f));
  }
}

/** The words that pushed a chunk's score by `head` up most, as merged spans of the original text. */
export function drivers(head: DenseHead, ch: Chunk, f: Features, max = 3): EvidenceSpan[] {
  const { tokens, tags } = ch.insp.tokens;
  // every feature's tokens lie inside the chunk: a token's share is kept by its place in it
  const per = new Float64Array(ch.to - ch.from);
  for (let k = 0; k < f.idx.length; k++) {
    const a = f.first[k]!;
    if (a < 0) continue;
    const b = f.last[k]!;
    const c = (head.w[f.idx[k]!]! * f.val[k]!) / (b - a + 1);
    for (let i = a; i <= b; i++) per[i - ch.from] = per[i - ch.from]! + c;
  }
  const actorTok = new Set<number>();
  for (const a of [...ch.packActors, ...ch.cues]) for (let i = a.first; i <= a.last; i++) actorTok.add(i);
  const pushed: [number, number][] = [];
  for (let k = 0; k < per.length; k++) if (per[k]! > 0) pushed.push([ch.from + k, per[k]!]);
  const top = pushed
    .filter(([i]) => !actorTok.has(i))
    .sort((x, y) => y[1] - x[1] || x[0] - y[0])
    .slice(0, max)
    .map(([i]) => i)
    .sort((x, y) => x - y);
  const spans: EvidenceSpan[] = [];
  for (const i of top) {
    const t = tokens[i]!;
    const s = t.tag !== undefined ? tags[t.tag]!.start : t.start;
    const e = t.tag !== undefined ? tags[t.tag]!.end : t.end;
    const last = spans[spans.length - 1];
    if (last && (last.end >= s || /^[\s,.'"-]*$/.test(ch.text.slice(last.end, s)))) last.end = Math.max(last.end, e);
    else spans.push({ kind: 'driver', start: s, end: e, evidence: '' });
  }
  for (const sp of spans) sp.evidence = ch.text.slice(sp.start, sp.end);
  return spans;
}

/** The stage the engine runs after its rules (Engine.withModel). */
export function modelStage(model: TextModel, legal: Readonly<Record<string, LegalRef>>): TextStage {
  for (const r of Object.values(REF)) if (!legal[r]) throw new ModelFormatError(`legal reference ${r} missing`);
  return {
    id: model.id,
    run(insp: Inspection, text: string): Finding[] {
      if (insp.analysis.verdict === 'violation') return [];
      // a neutrality frame (a circular, a competition, a prohibition) keeps the model quiet unless it is
      // sure: a post it scores past the violation line campaigns beside the frame ("arisan kami sepakat,
      // semua suara untuk Puang Ishak"), and is marked for attention only
      const framed = frameSilences(insp, text);
      const news = insp.frames.find((f) => f.effect === 'caution');
      let best: { ch: Chunk; f: Features; p: number } | undefined;
      let bestUngated: { ch: Chunk; f: Features; p: number } | undefined;
      for (const ch of eachChunk(insp, text)) {
        if (!ch.gated) {
          if (!model.ungated || framed) continue;
          const p = sigmoid(dotGathered(model.ungated, gather(ch, model.bits)));
          if (!bestUngated || p > bestUngated.p) bestUngated = { ch, f: copyGathered(), p };
          continue;
        }
        // scored in place; only a chunk that reads higher than those before keeps its features
        const p = sigmoid(dotGathered(model.campaign, gather(ch, model.bits)));
        if (!best || p > best.p) best = { ch, f: copyGathered(), p };
        if (p >= model.thresholds.violation) break; // nothing reads higher than a violation: the first one speaks
      }
      const gatedSpeaks = !!best && best.p >= (framed ? model.thresholds.violation : model.thresholds.caution);
      const ungatedSpeaks = !gatedSpeaks && !!bestUngated && bestUngated.p >= model.thresholds.ungated!;
      if (!gatedSpeaks && !ungatedSpeaks) return [];
      const { ch, f, p } = gatedSpeaks ? best! : bestUngated!;
      const head = gatedSpeaks ? model.campaign : model.ungated!;
      let severity: Severity = gatedSpeaks && p >= model.thresholds.violation ? 'violation' : 'caution';
      if (news || framed) severity = 'caution';
      const kind = sigmoid(dot(model.attack, f)) >= 0.5 ? 'attack' : 'support';
      const { tokens, tags } = insp.tokens;
      const spanOf = (first: number, last: number): EvidenceSpan => {
        const a = tokens[first]!;
        const b = tokens[last]!;
        const s = a.tag !== undefined ? tags[a.tag]!.start : a.start;
        const e = b.tag !== undefined ? tags[b.tag]!.end : b.end;
        return { kind: 'actor', start: s, end: e, evidence: text.slice(s, e) };
      };
      // behind a closed gate a weak name (a pack name that is also a common word) is no contestant the post is known to name
      const actor = gatedSpeaks ? (ch.packActors.find((a) => !a.weak) ?? ch.cues[0] ?? ch.packActors[0]) : undefined;
      const spans = drivers(head, ch, f);
      if (actor) spans.unshift(spanOf(actor.first, actor.last));
      if (!spans.length) return [];
      const main = spans[0]!;
      const lg = legal[REF[kind]]!;
      const entity = ch.packActors.find((a) => a.first === actor?.first);
      const fnd: Finding = {
        rule: MODEL_RULES[kind],
        pack: model.id,
        severity,
        start: main.start,
        end: main.end,
        evidence: main.evidence,
        why: (gatedSpeaks ? WHY : WHY_UNGATED)[kind],
        ref: REF[kind],
        source: lg.source,
        sanctions: lg.sanctions,
        spans,
        // behind a closed gate the post can reach caution only: its line is the caution line, and no score is a violation
        score: { value: Math.round(p * 1000) / 1000, ...(gatedSpeaks ? { violation: model.thresholds.violation, caution: model.thresholds.caution } : { violation: 1, caution: model.thresholds.ungated! }) },
      };
      const ent = entity && insp.actors.find((a) => a.first === entity.first);
      if (ent) fnd.entity = ent.entity;
      if (news && gatedSpeaks && p >= model.thresholds.violation) {
        const fr = insp.analysis.findings.find((x) => x.context)?.context;
        if (fr) fnd.context = fr;
      }
      return [fnd];
    },
  };
}
