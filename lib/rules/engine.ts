/**
 * The rule engine: compiles validated packs into one phrase index and checks text against it.
 *
 * Matching works on normalized tokens. Every pattern (of rules and of contexts) is indexed by the
 * tokens it can start with, so a text is walked once and each position only tries the few
 * patterns that can start there: the cost grows with the text, not with the number of patterns.
 *
 * Then context: findings in a news frame are capped at caution, findings inside a neutrality
 * message are dropped, and a call quoted in a post that reports it is capped at caution (all from
 * the packs' `contexts`; the last kind, scoped to quotes, reads only the words around the quotes).
 */
import { BUILTIN_CLASSES, CLASS_ALT, parsePattern, PATTERN_LIMITS, type PatternItem } from './pattern';
import { normalizePhrase, normalizeTag, tokenize, HAND_EMOJI, type Token, type Tokenized } from '../text/normalize';
import { stemCandidates } from '../text/stem';
import { contextOf, formatErrors, validatePack } from './validate';
import { insideQuote, quotedRanges, touchesQuote } from './quotes';
import type { ActorHit, Analysis, Context, Entity, Finding, FrameHit, Inspection, LegalRef, Rule, RulePack, Severity, TextStage } from './types';

interface EntityRef {
  id: string;
  label: string;
}

/** A trie over token texts; a node that ends a phrase carries the entity it names (if any). */
interface Trie {
  next: Map<string, Trie>;
  end: boolean;
  entity?: EntityRef;
  /** The bit of a trie that a pattern's second or later item starts with (see Engine.laterKeys). */
  bit?: number;
}

type Slot =
  | { kind: 'trie'; trie: Trie; optional: boolean }
  | { kind: 'hashtag' | 'name-tag' | 'handle'; optional: boolean }
  | { kind: 'gap'; max: number };

interface CompiledRule {
  rule: Rule;
  pack: string;
  legal: LegalRef;
  unless: Slot[][];
  /** Position among all rules, to break ties between findings on the same words. */
  order: number;
}

interface CompiledContext {
  ctx: Context;
  index: number;
}

/** A context pattern's part: it opens the frame ('in'), cancels it ('except'), or marks a sign the post reports ('reported'). */
type ContextRole = 'in' | 'except' | 'reported';
type Owner = { kind: 'rule'; rule: CompiledRule } | { kind: 'context'; ctx: CompiledContext; role: ContextRole };

interface CompiledPattern {
  owner: Owner;
  slots: Slot[];
}

export class PackCompileError extends Error {}

const KEYCAP = '\u20E3';
const newTrie = (): Trie => ({ next: new Map(), end: false });

function addPhrase(trie: Trie, words: string[], entity?: EntityRef): void {
  if (words.length === 0) return;
  let node = trie;
  for (const w of words) {
    let nx = node.next.get(w);
    if (!nx) node.next.set(w, (nx = newTrie()));
    node = nx;
  }
  node.end = true;
  if (entity && !node.entity) node.entity = entity;
}

/** Copy every phrase of `src` into `dst` (for class alternatives such as ({number}|{name*})). */
function mergeTrie(dst: Trie, src: Trie): void {
  if (src.end) {
    dst.end = true;
    dst.entity ??= src.entity;
  }
  for (const [k, child] of src.next) {
    let d = dst.next.get(k);
    if (!d) dst.next.set(k, (d = newTrie()));
    mergeTrie(d, child);
  }
}

const NUMBER_WORDS = ['nol', 'satu', 'dua', 'tiga', 'empat', 'lima', 'enam', 'tujuh', 'delapan', 'sembilan', 'sepuluh', 'sebelas'];
/** Javanese (ngoko, krama) and Sundanese number words, 1–10. */
const REGIONAL_NUMBER_WORDS: Record<number, string[]> = {
  1: ['siji', 'setunggal', 'hiji'],
  2: ['loro', 'kalih'],
  3: ['telu', 'tigo', 'tilu'],
  4: ['papat', 'sekawan', 'opat'],
  5: ['limo', 'gangsal'],
  6: ['enem', 'genep'],
  7: ['pitu'],
  8: ['wolu', 'dalapan'],
  9: ['songo', 'salapan'],
  10: ['sapuluh'],
};

/** Indonesian number words for 0–99 ("dua belas", "dua puluh empat"), and Javanese/Sundanese 1–10. */
export function numberWords(n: number): string[] {
  if (n < 0 || n > 99 || !Number.isInteger(n)) return [];
  if (n <= 11) return [NUMBER_WORDS[n]!, ...(REGIONAL_NUMBER_WORDS[n] ?? [])];
  if (n < 20) return [`${NUMBER_WORDS[n - 10]!} belas`];
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  const t = tens === 1 ? 'sepuluh' : `${NUMBER_WORDS[tens]!} puluh`;
  return [ones ? `${t} ${NUMBER_WORDS[ones]!}` : t];
}

/** Words that may stand beside names in a campaign hashtag (#GanjarPresiden, #AniesMenang, #PilihBudi). */
const TAG_AFFIXES = new Set(
  [
    'presiden', 'presidenku', 'wapres', 'capres', 'cawapres', 'gubernur', 'gubernurku', 'bupati', 'walikota', 'wali', 'kota',
    'menang', 'menangkan', 'lagi', 'pilih', 'coblos', 'dukung', 'tusuk', 'all', 'in', 'satu', 'putaran', 'jadi', 'saja',
    'untuk', 'for', 'ri', 'ri1', 'indonesia', 'maju', 'hebat', 'juara', 'lanjutkan', 'menang', 'sekali', 'harga', 'mati',
    'paslon', 'nomor', 'no', 'salam', 'jari', 'bersama', 'sahabat', 'relawan', 'kami', 'kita', 'pasti', 'yes',
    'tolak', 'stop', 'asal', 'bukan', 'lawan', 'anti', 'ganti', 'tetap', 'lengserkan', 'turunkan',
  ].flatMap((w) => normalizePhrase(w)),
);

/** Clitics glued to a name: possessive, emphatic and question particles. */
const NAME_CLITICS = ['nya', 'lah', 'kah', 'pun', 'ku', 'mu'];

export class Engine {
  private readonly starts = new Map<string, CompiledPattern[]>();
  private readonly tagStarts: CompiledPattern[] = [];
  private readonly hashtags = new Map<string, EntityRef>();
  private readonly handles = new Map<string, EntityRef>();
  private readonly nameTrie: Trie;
  private readonly strongNameTrie: Trie;
  private readonly tagNumbers = new Set<string>();
  private readonly contexts: CompiledContext[] = [];
  /** Whether a context reads only around quotes (then each text's quotes are found). */
  private quoteScoped = false;
  /** Lexicon classes each single word belongs to ("dukung" → support-verb), for the learned stage; built on first need. */
  private wordClassMap?: Map<string, string[]>;
  private readonly lexicon: ReadonlyMap<string, string[]>;
  /** The learned stage run after the rules, if one is attached (see withModel). */
  private stage?: TextStage;
  /** Normalized words the packs know, for splitting glued hashtags. */
  readonly vocabulary = new Set<string>();
  /**
   * The same without the words learned only from listed hashtags: a name glued into a past
   * campaign's hashtag (#TetapJokowi) is still a person's name when written on its own, and the
   * learned stage tells names from the packs' words by this set.
   */
  readonly words = new Set<string>();
  /** Words that patterns and lexicons use, the targets of affix stripping (names are not). */
  private readonly stemTargets = new Set<string>();
  private readonly stemCache = new Map<string, string | null>();
  /** What the matcher and the learned stage read of each word, looked up once per word (see entryOf). */
  private readonly wordEntries = new Map<string, WordEntry>();
  readonly packs: readonly RulePack[];
  readonly patternCount: number;
  private readonly partyIds = new Set<string>();
  /**
   * The words a pattern's second or later item can start with, each with the bits of the items' tries
   * it starts (Trie.bit; 32 bits, so a few tries share one). A token with none of an item's bits (nor
   * its stem) fails that item at once, so the matcher tests a bit per token instead of a lookup in the
   * item's trie: most tokens after a gap are words the pattern does not go on with.
   */
  private readonly laterKeys = new Map<string, number>();
  private laterTries = 0;
  /** What the learned stage threw in the last analyze(), if it did (its findings are then left out). */
  stageError: unknown;
  /** Slot tests made by the last analyze(): a measure of work, for linearity tests. */
  lastWork = 0;
  private work = 0;

  constructor(packs: readonly RulePack[]) {
    this.packs = packs;
    const legal = new Map<string, LegalRef>();
    const lexicon = new Map<string, string[]>();
    const entities: Entity[] = [];
    for (const p of packs) {
      for (const [k, v] of Object.entries(p.legal ?? {})) legal.set(k, v);
      for (const [k, v] of Object.entries(p.lexicon ?? {})) lexicon.set(k, [...(lexicon.get(k) ?? []), ...v]);
      entities.push(...(p.entities ?? []));
    }

    // vocabulary first: patterns and names normalize without it, but glued hashtags need it
    const learn = (phrase: string, stem = false, tagOnly = false) => {
      for (const w of normalizePhrase(phrase)) {
        if (w.length > 1 && !/^\d/.test(w)) {
          this.vocabulary.add(w);
          if (!tagOnly) this.words.add(w);
          if (stem) this.stemTargets.add(w);
        }
      }
    };
    for (const v of lexicon.values()) v.forEach((w) => learn(w, true));
    for (const e of entities) [...e.names, ...(e.weakNames ?? []), ...(e.slogans ?? [])].forEach((w) => learn(w));
    for (const w of TAG_AFFIXES) {
      this.vocabulary.add(w);
      this.words.add(w);
    }

    // built-in classes
    const classes = new Map<string, Trie>();
    const cls = (name: string) => {
      let t = classes.get(name);
      if (!t) classes.set(name, (t = newTrie()));
      return t;
    };
    for (const e of entities) {
      const ref = { id: e.id, label: e.label };
      if (e.kind === 'party') this.partyIds.add(e.id);
      const group = e.kind === 'party' ? 'party' : 'candidate';
      for (const n of e.names) {
        const w = normalizePhrase(n);
        for (const c of [group, `${group}*`, 'name', 'name*']) addPhrase(cls(c), w, ref);
      }
      for (const n of e.weakNames ?? []) {
        const w = normalizePhrase(n);
        for (const c of [`${group}*`, 'name*']) addPhrase(cls(c), w, ref);
      }
      for (const s of e.slogans ?? []) addPhrase(cls('slogan'), normalizePhrase(s), ref);
      for (const h of e.hashtags ?? []) {
        const g = normalizeTag(h);
        if (g && !this.hashtags.has(g)) this.hashtags.set(g, ref);
        learn(h.replace(/^#/, '').replace(/([a-z])([A-Z])/g, '$1 $2'), false, true);
      }
      for (const h of e.handles ?? []) {
        const g = normalizeTag(h);
        if (g && !this.handles.has(g)) this.handles.set(g, ref);
      }
      if (e.number !== undefined) {
        this.tagNumbers.add(String(e.number));
        for (const c of e.kind === 'party' ? ['number'] : ['number', 'ticket-number']) {
          addPhrase(cls(c), [String(e.number)]);
          addPhrase(cls(c), [...String(e.number)].map((d) => d + KEYCAP));
          if (e.number < 10) addPhrase(cls(c), ['0' + KEYCAP, e.number + KEYCAP]); // 0️⃣2️⃣
          for (const w of numberWords(e.number)) addPhrase(cls(c), normalizePhrase(w));
        }
      }
    }
    for (let d = 0; d <= 9; d++) addPhrase(cls('keycap'), [d + KEYCAP]);
    for (const e of HAND_EMOJI) if (e !== '\u{1F44A}' && e !== '\u270A') addPhrase(cls('finger'), [e]);
    for (const [k, v] of lexicon) {
      const t = cls(k);
      for (const phrase of v) addPhrase(t, normalizePhrase(phrase));
    }
    for (const name of Object.keys(BUILTIN_CLASSES)) if (!['hashtag', 'name-tag', 'handle'].includes(name)) cls(name);
    this.lexicon = lexicon;
    this.nameTrie = cls('name*');
    this.strongNameTrie = cls('name');

    const compile = (src: string, where: string): Slot[] => {
      const items = parsePattern(src);
      items.forEach((it) => it.type === 'words' && it.alternatives.forEach((w) => CLASS_ALT.test(w) || learn(w, true)));
      return items.map((it) => this.slot(it, classes, where));
    };

    // rules and contexts
    let count = 0;
    let order = 0;
    for (const p of packs) {
      for (const rule of p.rules ?? []) {
        const lg = legal.get(rule.ref);
        if (!lg) throw new PackCompileError(`rule ${rule.id}: unknown legal reference ${rule.ref}`);
        const cr: CompiledRule = { rule, pack: p.id, legal: lg, order: order++, unless: [] };
        cr.unless = (rule.unless ?? []).map((src) => compile(src, rule.id));
        for (const slots of cr.unless) this.noteLaterKeys(slots);
        for (const src of rule.patterns) {
          this.index({ owner: { kind: 'rule', rule: cr }, slots: compile(src, rule.id) });
          count++;
        }
      }
      for (const ctx of p.contexts ?? []) {
        const cc: CompiledContext = { ctx, index: this.contexts.length };
        this.contexts.push(cc);
        if (ctx.scope === 'quote') this.quoteScoped = true;
        for (const src of ctx.patterns) this.index({ owner: { kind: 'context', ctx: cc, role: 'in' }, slots: compile(src, ctx.id) });
        for (const src of ctx.except ?? []) this.index({ owner: { kind: 'context', ctx: cc, role: 'except' }, slots: compile(src, ctx.id) });
        for (const src of ctx.reported ?? []) this.index({ owner: { kind: 'context', ctx: cc, role: 'reported' }, slots: compile(src, ctx.id) });
        count += ctx.patterns.length + (ctx.except?.length ?? 0) + (ctx.reported?.length ?? 0);
      }
    }
    this.patternCount = count;
  }

  /** Learn the words the items of `slots` past the first can start with (see laterKeys). */
  private noteLaterKeys(slots: Slot[]): void {
    for (let j = 1; j < slots.length; j++) {
      const sl = slots[j]!;
      if (sl.kind !== 'trie' || sl.trie.bit !== undefined) continue;
      const bit = (sl.trie.bit = 1 << this.laterTries++ % 32);
      for (const k of sl.trie.next.keys()) this.laterKeys.set(k, (this.laterKeys.get(k) ?? 0) | bit);
    }
  }

  private slot(it: PatternItem, classes: Map<string, Trie>, where: string): Slot {
    if (it.type === 'gap') return { kind: 'gap', max: it.max };
    if (it.type === 'class') {
      if (it.name === 'hashtag' || it.name === 'name-tag' || it.name === 'handle') return { kind: it.name, optional: it.optional };
      const trie = classes.get(it.name);
      if (!trie) throw new PackCompileError(`${where}: unknown class {${it.name}}`);
      return { kind: 'trie', trie, optional: it.optional };
    }
    const trie = newTrie();
    for (const a of it.alternatives) {
      const c = CLASS_ALT.exec(a)?.[1];
      if (c === undefined) addPhrase(trie, normalizePhrase(a));
      else {
        const src = classes.get(c);
        if (!src) throw new PackCompileError(`${where}: unknown class {${c}}`);
        mergeTrie(trie, src);
      }
    }
    return { kind: 'trie', trie, optional: it.optional };
  }

  /** Index a pattern under every token it can start with (through leading optional items). */
  private index(cp: CompiledPattern): void {
    this.noteLaterKeys(cp.slots);
    const keys = new Set<string>();
    let tag = false;
    for (const s of cp.slots) {
      if (s.kind === 'gap') break;
      if (s.kind === 'trie') for (const k of s.trie.next.keys()) keys.add(k);
      else tag = true;
      if (!s.optional) break;
    }
    for (const k of keys) {
      let list = this.starts.get(k);
      if (!list) this.starts.set(k, (list = []));
      list.push(cp);
    }
    if (tag) this.tagStarts.push(cp);
  }

  /**
   * A one-word name with a clitic glued on, as people write it ("prabowonya", "jokowilah", "aniesku"):
   * the name. Only clitics, never derivational suffixes ("ganjaran" stays a reward), and only on names of
   * four letters or more.
   */
  private nameWithClitic(word: string): string | null {
    for (const c of NAME_CLITICS) {
      if (!word.endsWith(c) || word.length - c.length < 4) continue;
      const base = word.slice(0, -c.length);
      if (this.nameTrie.next.get(base)?.end) return base;
    }
    return null;
  }

  /**
   * A token's word entry: the patterns that start with it, its laterKeys bits, and for a word its stem
   * and what starts with that. A long text is mostly the same few hundred words, and these were four
   * to six lookups per token. Bounded like the stem cache; the tables it reads never change.
   */
  private entryOf(t: Token): WordEntry {
    let e = this.wordEntries.get(t.text);
    if (!e) {
      if (this.wordEntries.size >= 20_000) this.wordEntries.clear();
      e = { starts: this.starts.get(t.text), later: this.laterKeys.get(t.text) ?? 0, stemLater: 0 };
      this.wordEntries.set(t.text, e);
    }
    // a word's text never reads as a number or an emoji, but the stem is asked of words only, as before
    if (e.stem === undefined && t.kind === 'word') {
      const st = this.stem(t.text);
      e.stem = st;
      if (st) {
        e.stemStarts = this.starts.get(st);
        e.stemLater = this.laterKeys.get(st) ?? 0;
      }
    }
    return e;
  }

  /** The known word a token is an affixed form of (mendukung → dukung), or null. */
  private stem(word: string): string | null {
    let hit = this.stemCache.get(word);
    if (hit !== undefined) return hit;
    hit = word.length >= 5 ? this.nameWithClitic(word) : null;
    if (hit === null && word.length >= 5 && !this.stemTargets.has(word)) {
      for (const c of stemCandidates(word)) {
        if (this.stemTargets.has(c)) {
          hit = c;
          break;
        }
      }
    }
    if (this.stemCache.size > 20_000) this.stemCache.clear();
    this.stemCache.set(word, hit);
    return hit;
  }

  /**
   * Check a text: the rules, then the learned stage if one is attached (it only adds findings).
   * Never throws on any string input.
   */
  analyze(text: string): Analysis {
    if (!this.stage) return this.inspect(text, false).analysis;
    const insp = this.inspect(text);
    let findings: Finding[];
    try {
      findings = this.stage.run(insp, text);
      this.stageError = undefined;
    } catch (e) {
      // a failing model must never cost the rules' findings
      this.stageError = e;
      return insp.analysis;
    }
    if (!findings.length) return insp.analysis;
    const all = [...insp.analysis.findings, ...findings].sort((a, b) => a.start - b.start || a.end - b.end);
    return { verdict: verdictOf(all), findings: all };
  }

  /** This engine (same compiled packs, shared tables) with a learned stage after the rules. */
  withModel(stage: TextStage | undefined): Engine {
    const e = Object.assign(Object.create(Engine.prototype) as Engine, this);
    e.stage = stage;
    return e;
  }

  /**
   * The rules' analysis and what they saw on the way: tokens, the actors named (entities of the
   * packs), the frames that applied, and the lexicon classes of each word. The learned stage reads it;
   * without `extras`, only what the rules alone need (analysis, tokens, stems).
   */
  inspect(text: string, extras = true): Inspection {
    this.work = 0;
    const tk = tokenize(text, { vocabulary: this.vocabulary });
    const { tokens } = tk;
    const entries = tokens.map((t) => this.entryOf(t));
    const stems: (string | null)[] = tokens.map((t, i) => (t.kind === 'word' ? entries[i]!.stem! : null));
    const m: Matcher = { tk, stems, tagAt: new Map(), sentence: new Int32Array(tokens.length), later: new Int32Array(tokens.length) };
    for (let i = 0; i < tokens.length; i++) m.later[i] = entries[i]!.later | (stems[i] ? entries[i]!.stemLater : 0);
    tk.tags.forEach((t, i) => m.tagAt.set(t.first, i));
    let sid = 0;
    tokens.forEach((t, i) => {
      if (i > 0 && t.brk) sid++;
      m.sentence[i] = sid;
    });

    // quoted stretches, for contexts that read only the post's own words around what it quotes
    const quotes = this.quoteScoped && /["“”„«']/.test(text) ? quotedRanges(text) : [];
    const raw: { f: Finding; order: number }[] = [];
    /** Per context: sentences where it matched, where an exception matched, and the token ranges it matched. */
    const ctxHits = this.contexts.map(() => ({ in: new Set<number>(), except: new Set<number>(), spans: [] as [number, number][], inTop: -1 }));
    /** Per context: token ranges of its exceptions and of the signs the post reports, settled after the walk. */
    const ctxMarks = this.contexts.map(() => ({ except: [] as [number, number][], reported: [] as [number, number][] }));
    for (let i = 0; i < tokens.length; i++) {
      const a = entries[i]!.starts;
      const b = stems[i] ? entries[i]!.stemStarts : undefined;
      const c = m.tagAt.has(i) && this.tagStarts.length ? this.tagStarts : undefined;
      // the three lists in turn, without an array of them per token
      for (let li = 0; li < 3; li++) {
        const list = li === 0 ? a : li === 1 ? b : c;
        if (!list) continue;
        for (const cp of list) {
          const r = this.matchFrom(cp.slots, 0, i, m, undefined);
          if (!r || r.end <= i) continue;
          if (cp.owner.kind === 'rule') {
            const cr = cp.owner.rule;
            if (!this.cancelled(cr, i, r.end, m)) raw.push({ f: this.finding(cr, text, tk, i, r.end, r.entity), order: cr.order });
          } else {
            // a quote-scoped context is opened and cancelled by the post's own words, never by what it quotes
            if (quotes.length && cp.owner.ctx.ctx.scope === 'quote' && touchesQuote(quotes, tokens[i]!.start, tokens[r.end - 1]!.end)) continue;
            const h = ctxHits[cp.owner.ctx.index]!;
            if (cp.owner.role === 'in') {
              // matches come in text order, so the sentences added so far from this one's first on are
              // [first, inTop]: only those past it are new
              const last = m.sentence[r.end - 1]!;
              for (let k = Math.max(m.sentence[i]!, h.inTop + 1); k <= last; k++) h.in.add(k);
              if (last > h.inTop) h.inTop = last;
              h.spans.push([i, r.end - 1]);
            } else ctxMarks[cp.owner.ctx.index]![cp.owner.role].push([i, r.end - 1]);
          }
        }
      }
    }
    // an exception inside a sign the post reports ("spanduk #X", "berfoto dengan salam dua jari") is
    // the report's subject, not the post's own voice: it does not cancel the frame
    // (a long news text has hundreds of both: both lists are in text order, so one pass reads the reported
    // signs that start at or before each exception and keeps the furthest end among them, rather than
    // testing every pair; and as with 'in', only sentences past those added so far are added)
    ctxMarks.forEach((mk, c) => {
      const { except, reported } = mk;
      const set = ctxHits[c]!.except;
      let r = 0;
      let reach = -1;
      let top = -1;
      for (let e = 0; e < except.length; e++) {
        const [a, b] = except[e]!;
        for (; r < reported.length && reported[r]![0] <= a; r++) reach = Math.max(reach, reported[r]![1]);
        if (reach >= b) continue;
        const last = m.sentence[b]!;
        for (let k = Math.max(m.sentence[a]!, top + 1); k <= last; k++) set.add(k);
        if (last > top) top = last;
      }
    });
    const findings = this.applyContexts(resolveOverlaps(raw), ctxHits, m, tokens, quotes);
    this.lastWork = this.work;
    const analysis: Analysis = { verdict: verdictOf(findings), findings };
    if (!extras) return { analysis, tokens: tk, stems, actors: [], frames: [], classes: [], vocabulary: this.words };
    const frames: FrameHit[] = [];
    for (const cc of this.contexts) {
      const h = ctxHits[cc.index]!;
      const whole = cc.ctx.scope !== 'sentence';
      const applies = whole ? h.in.size > 0 && h.except.size === 0 && (cc.ctx.scope === 'post' || quotes.length > 0) : [...h.in].some((k) => !h.except.has(k));
      if (!applies) continue;
      const spans = whole ? h.spans : h.spans.filter(([a]) => !h.except.has(m.sentence[a]!));
      frames.push({ id: cc.ctx.id, effect: cc.ctx.effect, spans });
    }
    const actors = this.actorsIn(m);
    const wc = this.wordClasses();
    const classes = tokens.map((t, i) => {
      const e = entries[i]!;
      if (t.kind !== 'word') return wc.get(t.text) ?? (stems[i] ? wc.get(stems[i]!) : undefined);
      if (e.classes === undefined) e.classes = wc.get(t.text) ?? (e.stem ? wc.get(e.stem) : undefined) ?? null;
      return e.classes ?? undefined;
    });
    return { analysis, tokens: tk, stems, actors, frames, classes, vocabulary: this.words };
  }

  private wordClasses(): Map<string, string[]> {
    if (this.wordClassMap) return this.wordClassMap;
    const m = new Map<string, string[]>();
    for (const [k, v] of this.lexicon) {
      for (const phrase of v) {
        const w = normalizePhrase(phrase);
        if (w.length !== 1) continue;
        const list = m.get(w[0]!) ?? [];
        if (!list.includes(k)) list.push(k);
        m.set(w[0]!, list);
      }
    }
    return (this.wordClassMap = m);
  }

  /** Names, listed hashtags and handles of the packs' entities, as token ranges (longest name first). */
  private actorsIn(m: Matcher): ActorHit[] {
    const out: ActorHit[] = [];
    const { tokens, tags } = m.tk;
    // a name's word as written, or as its stem: a name with a clitic glued on stems to the name ("prabowonya")
    const step = (t: Trie, j: number) => t.next.get(tokens[j]!.text) ?? (m.stems[j] ? t.next.get(m.stems[j]!) : undefined);
    for (let i = 0; i < tokens.length; ) {
      const ti = m.tagAt.get(i);
      if (ti !== undefined) {
        const tag = tags[ti]!;
        const ref = tag.sigil === '#' ? (this.hashtags.get(tag.glued) ?? this.nameTag(m, ti)) : (this.handles.get(tag.glued) ?? this.handleByName(m, ti));
        if (ref) {
          out.push({ first: i, last: tag.last, kind: this.kindOf(ref.id), weak: false, entity: ref, source: tag.sigil === '#' ? 'hashtag' : 'handle' });
          i = tag.last + 1;
          continue;
        }
      }
      let node: Trie | undefined = this.nameTrie;
      let best = -1;
      let ref: EntityRef | undefined;
      for (let j = i; j < tokens.length && node; j++) {
        if (j > i && breakBefore(m.tk, j)) break;
        node = step(node, j);
        if (node?.end) {
          best = j;
          ref = node.entity;
        }
      }
      if (best >= 0 && ref) {
        let sn: Trie | undefined = this.strongNameTrie;
        for (let j = i; j <= best && sn; j++) sn = step(sn, j);
        out.push({ first: i, last: best, kind: this.kindOf(ref.id), weak: !sn?.end, entity: ref, source: 'name' });
        i = best + 1;
        continue;
      }
      i++;
    }
    return out;
  }

  private kindOf(id: string): 'candidate' | 'party' {
    return this.partyIds.has(id) ? 'party' : 'candidate';
  }

  private applyContexts(
    findings: Finding[],
    hits: { in: Set<number>; except: Set<number> }[],
    m: Matcher,
    tokens: Token[],
    quotes: [number, number][],
  ): Finding[] {
    if (!findings.length || !this.contexts.some((_, i) => hits[i]!.in.size)) return findings;
    const sentenceOf = (offset: number) => {
      // the sentence of the first token that starts at or after the finding's start
      let lo = 0;
      let hi = tokens.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (tokens[mid]!.end <= offset) lo = mid + 1;
        else hi = mid;
      }
      return m.sentence[lo] ?? 0;
    };
    const out: Finding[] = [];
    for (const f of findings) {
      const s = sentenceOf(f.start);
      let drop = false;
      let cap: Context | undefined;
      for (const cc of this.contexts) {
        const h = hits[cc.index]!;
        const applies =
          cc.ctx.scope === 'sentence' ? h.in.has(s) && !h.except.has(s) : h.in.size > 0 && h.except.size === 0 && (cc.ctx.scope === 'post' || insideQuote(quotes, f.start, f.end));
        if (!applies) continue;
        if (cc.ctx.effect === 'drop') drop = true;
        else cap ??= cc.ctx;
      }
      if (drop) continue;
      if (cap && f.severity === 'violation') out.push({ ...f, severity: 'caution', context: { id: cap.id, why: cap.why } });
      else out.push(f);
    }
    return out;
  }

  /** Does one of the rule's `unless` patterns match over part of tokens [i, end)? */
  private cancelled(cr: CompiledRule, i: number, end: number, m: Matcher): boolean {
    for (const slots of cr.unless) {
      for (let j = Math.max(0, i - PATTERN_LIMITS.maxItems); j < end; j++) {
        const r = this.matchFrom(slots, 0, j, m, undefined);
        if (r && r.end > i && r.end > j) return true;
      }
    }
    return false;
  }

  /** A '#' tag made of entity names plus at most years, ballot numbers and campaign words. */
  private nameTag(m: Matcher, ti: number): EntityRef | undefined {
    const tag = m.tk.tags[ti]!;
    if (tag.sigil !== '#') return undefined;
    const { tokens } = m.tk;
    let entity: EntityRef | undefined;
    let strong = false;
    let extra = false;
    for (let k = tag.first; k <= tag.last; ) {
      // longest name starting at k
      let node: Trie | undefined = this.nameTrie;
      let best = -1;
      let bestRef: EntityRef | undefined;
      for (let j = k; j <= tag.last && node; j++) {
        node = node.next.get(tokens[j]!.text);
        if (node?.end) {
          best = j;
          bestRef = node.entity;
        }
      }
      if (best >= 0) {
        if (entity && bestRef && bestRef.id !== entity.id) return undefined; // two camps in one tag: not a campaign tag
        entity ??= bestRef;
        let sn: Trie | undefined = this.strongNameTrie;
        for (let j = k; j <= best && sn; j++) sn = sn.next.get(tokens[j]!.text);
        if (sn?.end) strong = true;
        k = best + 1;
        continue;
      }
      const t = tokens[k]!.text;
      const year = /^\d{4}$/.test(t) && +t >= 2000 && +t <= 2099;
      if (year || this.tagNumbers.has(t) || TAG_AFFIXES.has(t)) {
        extra = true;
        k++;
        continue;
      }
      return undefined;
    }
    return entity && (strong || extra) ? entity : undefined;
  }

  /** Longest match of slots[s…] starting at token i; null if none. (Hot path: no closures.) */
  private matchFrom(slots: Slot[], s: number, i: number, m: Matcher, entity: EntityRef | undefined): Match | null {
    this.work++;
    if (s === slots.length) return { end: i, entity };
    const slot = slots[s]!;
    const tk = m.tk;
    const tokens = tk.tokens;
    let best: Match | null = null;
    if (slot.kind === 'gap') {
      // an item after the gap that must match a word fails at once where no later item starts (see
      // laterKeys): counted as tried, without the call
      const nx = slots[s + 1];
      const sure = nx !== undefined && nx.kind === 'trie' && !nx.optional;
      for (let g = 0; g <= slot.max && i + g <= tokens.length; g++) {
        // a match may not run across a sentence break (except onto an emoji)
        const k = i + g - 1;
        if (g > 0 && k > 0 && k < tokens.length && breakBefore(tk, k)) break;
        if (sure && (m.later[i + g]! & nx.trie.bit!) === 0) {
          this.work++;
          continue;
        }
        best = longer(best, this.matchFrom(slots, s + 1, i + g, m, entity));
      }
      return best;
    }
    if (i < tokens.length && !(s > 0 && i > 0 && breakBefore(tk, i))) {
      // past the first item, a token without the item's bit matches none of its words (see laterKeys)
      if (slot.kind === 'trie' && (s === 0 || (m.later[i]! & slot.trie.bit!) !== 0)) {
        let node: Trie | undefined = slot.trie;
        for (let k = i; k < tokens.length; k++) {
          if (k > i && breakBefore(tk, k)) break;
          const st = m.stems[k];
          const next: Trie | undefined = node.next.get(tokens[k]!.text) ?? (st ? node.next.get(st) : undefined);
          if (!next) break;
          node = next;
          if (node.end) {
            best = longer(best, this.matchFrom(slots, s + 1, k + 1, m, entity ?? node.entity));
          }
        }
      } else if (slot.kind !== 'trie') {
        const ti = m.tagAt.get(i);
        if (ti !== undefined) {
          const ref = this.tagRef(slot.kind, m, ti);
          if (ref) {
            best = longer(best, this.matchFrom(slots, s + 1, tk.tags[ti]!.last + 1, m, entity ?? ref));
          }
        }
      }
    }
    if (slot.optional) {
      best = longer(best, this.matchFrom(slots, s + 1, i, m, entity));
    }
    return best;
  }

  /** The entity a hashtag or @handle at tag `ti` stands for, as the slot kind reads it. */
  private tagRef(kind: 'hashtag' | 'name-tag' | 'handle', m: Matcher, ti: number): EntityRef | undefined {
    const tag = m.tk.tags[ti]!;
    if (kind === 'hashtag') return tag.sigil === '#' ? this.hashtags.get(tag.glued) : undefined;
    if (kind === 'handle') return tag.sigil === '@' ? (this.handles.get(tag.glued) ?? this.handleByName(m, ti)) : undefined;
    return this.nameTag(m, ti);
  }

  /** An @account whose words are exactly a strong name (@prabowo, @aniesbaswedan). */
  private handleByName(m: Matcher, ti: number): EntityRef | undefined {
    const tag = m.tk.tags[ti]!;
    let node: Trie | undefined = this.strongNameTrie;
    for (let k = tag.first; k <= tag.last && node; k++) node = node.next.get(m.tk.tokens[k]!.text);
    return node?.end ? node.entity : undefined;
  }

  private finding(cr: CompiledRule, text: string, tk: Tokenized, first: number, endTok: number, entity?: EntityRef): Finding {
    const { tokens, tags } = tk;
    const firstTok = tokens[first]!;
    const lastTok = tokens[Math.max(first, endTok - 1)]!;
    // a hashtag or @handle is evidence whole, with its '#' or '@', even when a pattern matched part of it
    const s = firstTok.tag !== undefined ? tags[firstTok.tag]!.start : firstTok.start;
    const end = Math.max(s, lastTok.tag !== undefined ? tags[lastTok.tag]!.end : lastTok.end);
    const f: Finding = {
      rule: cr.rule.id,
      pack: cr.pack,
      severity: cr.rule.severity,
      start: s,
      end,
      evidence: text.slice(s, end),
      why: cr.rule.why,
      ref: cr.rule.ref,
      source: cr.legal.source,
      sanctions: cr.legal.sanctions,
    };
    if (entity) f.entity = entity;
    return f;
  }
}

interface Match {
  end: number;
  entity?: EntityRef;
}

/** What Engine.entryOf keeps of a word. */
interface WordEntry {
  starts: CompiledPattern[] | undefined;
  /** Engine.laterKeys bits of the word. */
  later: number;
  /** Its stem (null: none), once asked of a word. */
  stem?: string | null;
  stemStarts?: CompiledPattern[];
  stemLater: number;
  /** Its lexicon classes by text or stem (null: none), once the learned stage asks. */
  classes?: readonly string[] | null;
}

const longer = (a: Match | null, b: Match | null): Match | null => (b && (!a || b.end > a.end) ? b : a);

interface Matcher {
  tk: Tokenized;
  stems: (string | null)[];
  tagAt: Map<number, number>;
  /** Sentence index of each token. */
  sentence: Int32Array;
  /** The bits of Engine.laterKeys of each token and its stem. */
  later: Int32Array;
}

/** A sentence break before token k: a newline, or . ! ? ; followed by a capital letter. */
function breakBefore(tk: Tokenized, k: number): boolean {
  const cur = tk.tokens[k]!;
  const prev = tk.tokens[k - 1];
  if (!prev || cur.kind === 'emoji') return false;
  if (cur.tag !== undefined && cur.tag === prev.tag) return false;
  return cur.brk === true;
}

const rank = (s: Severity) => (s === 'violation' ? 2 : 1);

/**
 * Keep the strongest, longest findings (earlier rules first on a tie); drop those inside another's
 * span, and cautions that overlap a violation. Findings only compete with those they overlap, so
 * the work is done per cluster of overlapping spans: a 1 MB paste with thousands of findings stays fast.
 */
function resolveOverlaps(raw: { f: Finding; order: number }[]): Finding[] {
  raw.sort((a, b) => a.f.start - b.f.start || b.f.end - a.f.end);
  const kept: Finding[] = [];
  let cluster: { f: Finding; order: number }[] = [];
  let clusterEnd = -1;
  const settle = () => {
    cluster.sort(
      (a, b) =>
        rank(b.f.severity) - rank(a.f.severity) || b.f.end - b.f.start - (a.f.end - a.f.start) || a.f.start - b.f.start || a.order - b.order,
    );
    const chosen: Finding[] = [];
    for (const { f } of cluster) {
      // inside a chosen finding: the same words already explained; overlapping a violation: a caution adds nothing
      const covered = chosen.some(
        (k) => (k.start <= f.start && f.end <= k.end) || (rank(k.severity) > rank(f.severity) && k.start < f.end && f.start < k.end),
      );
      if (!covered) chosen.push(f);
    }
    kept.push(...chosen);
    cluster = [];
  };
  for (const r of raw) {
    if (cluster.length && r.f.start >= clusterEnd) settle();
    cluster.push(r);
    clusterEnd = Math.max(clusterEnd, r.f.end);
  }
  if (cluster.length) settle();
  return kept.sort((a, b) => a.start - b.start || a.end - b.end);
}

export function verdictOf(findings: readonly Finding[]): Analysis['verdict'] {
  if (findings.some((f) => f.severity === 'violation')) return 'violation';
  return findings.length ? 'caution' : 'ok';
}

/**
 * Validate packs in order (each may use what the ones before it define) and compile them.
 * Throws PackCompileError with every problem, each with its path.
 */
export function compilePacks(packs: readonly unknown[]): Engine {
  const accepted: RulePack[] = [];
  for (const [i, p] of packs.entries()) {
    const r = validatePack(p, contextOf(accepted));
    if (!r.ok) {
      const id = (p as { id?: unknown })?.id;
      throw new PackCompileError(`pack ${typeof id === 'string' ? id : `#${i + 1}`} refused:\n${formatErrors(r.errors)}`);
    }
    accepted.push(r.pack);
  }
  return new Engine(accepted);
}
