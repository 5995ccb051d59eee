/**
 * The rule engine: compiles validated packs into one phrase index and checks text against it.
 *
 * Matching works on normalized tokens. Every pattern is indexed by the tokens it can start with,
 * so a text is walked once and each position only tries the few patterns that can start there:
 * the cost grows with the text, not with the number of patterns.
 */
import { BUILTIN_CLASSES, parsePattern, PATTERN_LIMITS, type PatternItem } from './pattern';
import { normalizePhrase, normalizeTag, tokenize, HAND_EMOJI, type Token, type Tokenized } from '../text/normalize';
import { contextOf, formatErrors, validatePack } from './validate';
import type { Analysis, Entity, Finding, LegalRef, Rule, RulePack, Severity } from './types';

interface EntityRef {
  id: string;
  label: string;
}

/** A trie over token texts; a node that ends a phrase carries the entity it names (if any). */
interface Trie {
  next: Map<string, Trie>;
  end: boolean;
  entity?: EntityRef;
}

type Slot =
  | { kind: 'trie'; trie: Trie; optional: boolean }
  | { kind: 'hashtag'; optional: boolean }
  | { kind: 'gap'; max: number };

interface CompiledPattern {
  rule: CompiledRule;
  slots: Slot[];
}

interface CompiledRule {
  rule: Rule;
  pack: string;
  legal: LegalRef;
  unless: Slot[][];
  /** Position among all rules, to break ties between findings on the same words. */
  order: number;
}

export class PackCompileError extends Error {}

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

const KEYCAP = '\u20E3';

const NUMBER_WORDS = [
  'nol', 'satu', 'dua', 'tiga', 'empat', 'lima', 'enam', 'tujuh', 'delapan', 'sembilan', 'sepuluh', 'sebelas',
];
/** Indonesian number words for 0–99 ("dua belas", "dua puluh empat"). */
export function numberWords(n: number): string[] {
  if (n < 0 || n > 99 || !Number.isInteger(n)) return [];
  if (n <= 11) return [NUMBER_WORDS[n]!];
  if (n < 20) return [`${NUMBER_WORDS[n - 10]!} belas`];
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  const t = `${NUMBER_WORDS[tens]!} puluh`;
  return [ones ? `${t} ${NUMBER_WORDS[ones]!}` : t];
}

export class Engine {
  private readonly starts = new Map<string, CompiledPattern[]>();
  private readonly tagStarts: CompiledPattern[] = [];
  private readonly hashtags = new Map<string, EntityRef>();
  /** Normalized words the packs know, for splitting glued hashtags. */
  readonly vocabulary = new Set<string>();
  readonly packs: readonly RulePack[];
  readonly patternCount: number;

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
    const learn = (phrase: string) => {
      for (const w of normalizePhrase(phrase)) if (w.length > 1 && !/^\d/.test(w)) this.vocabulary.add(w);
    };
    for (const v of lexicon.values()) v.forEach(learn);
    for (const e of entities) [...e.names, ...(e.weakNames ?? []), ...(e.slogans ?? [])].forEach(learn);

    // built-in classes
    const classes = new Map<string, Trie>();
    const cls = (name: string) => {
      let t = classes.get(name);
      if (!t) classes.set(name, (t = newTrie()));
      return t;
    };
    for (const e of entities) {
      const ref = { id: e.id, label: e.label };
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
        learn(h.replace(/^#/, '').replace(/([a-z])([A-Z])/g, '$1 $2'));
      }
      if (e.number !== undefined) {
        for (const c of e.kind === 'party' ? ['number'] : ['number', 'ticket-number']) {
          addPhrase(cls(c), [String(e.number)]);
          addPhrase(cls(c), [...String(e.number)].map((d) => d + KEYCAP));
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
    for (const name of Object.keys(BUILTIN_CLASSES)) if (name !== 'hashtag') cls(name);

    // rules
    let count = 0;
    let order = 0;
    for (const p of packs) {
      for (const rule of p.rules ?? []) {
        const lg = legal.get(rule.ref);
        if (!lg) throw new PackCompileError(`rule ${rule.id}: unknown legal reference ${rule.ref}`);
        const cr: CompiledRule = {
          rule,
          pack: p.id,
          legal: lg,
          order: order++,
          unless: (rule.unless ?? []).map((src) => parsePattern(src).map((it) => this.slot(it, classes, rule.id))),
        };
        for (const src of rule.patterns) {
          const items = parsePattern(src);
          items.forEach((it) => it.type === 'words' && it.alternatives.forEach(learn));
          const slots = items.map((it) => this.slot(it, classes, rule.id));
          this.index({ rule: cr, slots });
          count++;
        }
      }
    }
    this.patternCount = count;
  }

  private slot(it: PatternItem, classes: Map<string, Trie>, ruleId: string): Slot {
    if (it.type === 'gap') return { kind: 'gap', max: it.max };
    if (it.type === 'class') {
      if (it.name === 'hashtag') return { kind: 'hashtag', optional: it.optional };
      const trie = classes.get(it.name);
      if (!trie) throw new PackCompileError(`rule ${ruleId}: unknown class {${it.name}}`);
      return { kind: 'trie', trie, optional: it.optional };
    }
    const trie = newTrie();
    for (const a of it.alternatives) addPhrase(trie, normalizePhrase(a));
    return { kind: 'trie', trie, optional: it.optional };
  }

  /** Index a pattern under every token it can start with (through leading optional items). */
  private index(cp: CompiledPattern): void {
    const keys = new Set<string>();
    let tag = false;
    for (const s of cp.slots) {
      if (s.kind === 'gap') break;
      if (s.kind === 'hashtag') tag = true;
      else for (const k of s.trie.next.keys()) keys.add(k);
      if (!s.optional) break;
    }
    for (const k of keys) {
      let list = this.starts.get(k);
      if (!list) this.starts.set(k, (list = []));
      list.push(cp);
    }
    if (tag) this.tagStarts.push(cp);
  }

  /** Check a text. Never throws on any string input. */
  analyze(text: string): Analysis {
    const tk = tokenize(text, { vocabulary: this.vocabulary });
    const raw: { f: Finding; order: number }[] = [];
    const { tokens } = tk;
    const tagAt = new Map<number, number>();
    tk.tags.forEach((t, i) => tagAt.set(t.first, i));
    for (let i = 0; i < tokens.length; i++) {
      const cands = this.starts.get(tokens[i]!.text);
      const tagIdx = tagAt.get(i);
      const all = tagIdx !== undefined && this.tagStarts.length ? [...(cands ?? []), ...this.tagStarts] : cands;
      if (!all) continue;
      for (const cp of all) {
        const m = this.matchFrom(cp.slots, 0, i, tk, tagAt, undefined);
        if (m && m.end > i && !this.cancelled(cp.rule, i, m.end, tk, tagAt)) raw.push({ f: this.finding(cp.rule, text, tokens, i, m.end, m.entity), order: cp.rule.order });
      }
    }
    const findings = resolveOverlaps(raw);
    return { verdict: verdictOf(findings), findings };
  }

  /** Does one of the rule's `unless` patterns match over part of tokens [i, end)? */
  private cancelled(cr: CompiledRule, i: number, end: number, tk: Tokenized, tagAt: Map<number, number>): boolean {
    for (const slots of cr.unless) {
      for (let j = Math.max(0, i - PATTERN_LIMITS.maxItems); j < end; j++) {
        const m = this.matchFrom(slots, 0, j, tk, tagAt, undefined);
        if (m && m.end > i && m.end > j) return true;
      }
    }
    return false;
  }

  /** Longest match of slots[s…] starting at token i; null if none. */
  private matchFrom(
    slots: Slot[],
    s: number,
    i: number,
    tk: Tokenized,
    tagAt: Map<number, number>,
    entity: EntityRef | undefined,
  ): { end: number; entity?: EntityRef } | null {
    if (s === slots.length) return { end: i, entity };
    const slot = slots[s]!;
    const { tokens } = tk;
    // a match may not run across a sentence break (except onto an emoji)
    const crosses = (k: number) => s > 0 && k < tokens.length && k > 0 && breakBefore(tk, k);
    let best: { end: number; entity?: EntityRef } | null = null;
    const consider = (r: { end: number; entity?: EntityRef } | null) => {
      if (r && (!best || r.end > best.end)) best = r;
    };
    if (slot.kind === 'gap') {
      for (let g = 0; g <= slot.max && i + g <= tokens.length; g++) {
        if (g > 0 && crosses(i + g - 1)) break;
        consider(this.matchFrom(slots, s + 1, i + g, tk, tagAt, entity));
      }
      return best;
    }
    if (i < tokens.length && !crosses(i)) {
      if (slot.kind === 'hashtag') {
        const ti = tagAt.get(i);
        if (ti !== undefined) {
          const tag = tk.tags[ti]!;
          const ref = tag.sigil === '#' ? this.hashtags.get(tag.glued) : undefined;
          if (ref) consider(this.matchFrom(slots, s + 1, tag.last + 1, tk, tagAt, entity ?? ref));
        }
      } else {
        let node: Trie | undefined = slot.trie;
        for (let k = i; k < tokens.length; k++) {
          if (k > i && breakBefore(tk, k)) break;
          node = node.next.get(tokens[k]!.text);
          if (!node) break;
          if (node.end) consider(this.matchFrom(slots, s + 1, k + 1, tk, tagAt, entity ?? node.entity));
        }
      }
    }
    if (slot.optional) consider(this.matchFrom(slots, s + 1, i, tk, tagAt, entity));
    return best;
  }

  private finding(cr: CompiledRule, text: string, tokens: Token[], first: number, endTok: number, entity?: EntityRef): Finding {
    const start = tokens[first]!.start;
    let end = tokens[Math.max(first, endTok - 1)]!.end;
    // a hashtag's '#' belongs to the evidence
    const s = start > 0 && text[start - 1] === '#' ? start - 1 : start;
    if (end < start) end = start;
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

/** A sentence break before token k: a newline, or . ! ? ; followed by a capital letter. */
function breakBefore(tk: Tokenized, k: number): boolean {
  const cur = tk.tokens[k]!;
  const prev = tk.tokens[k - 1];
  if (!prev || cur.kind === 'emoji') return false;
  if (cur.tag !== undefined && cur.tag === prev.tag) return false;
  return cur.brk === true;
}

const rank = (s: Severity) => (s === 'violation' ? 2 : 1);

/** Keep the strongest, longest findings (earlier rules first on a tie); drop those inside another's span. */
function resolveOverlaps(raw: { f: Finding; order: number }[]): Finding[] {
  raw.sort(
    (a, b) =>
      rank(b.f.severity) - rank(a.f.severity) || b.f.end - b.f.start - (a.f.end - a.f.start) || a.f.start - b.f.start || a.order - b.order,
  );
  const kept: Finding[] = [];
  for (const { f } of raw) {
    if (kept.some((k) => k.start <= f.start && f.end <= k.end)) continue;
    kept.push(f);
  }
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
