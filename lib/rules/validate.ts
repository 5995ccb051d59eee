/**
 * Rule-pack validator: one error per problem, each saying where (a JSON path) and what.
 * Hand-written rather than a JSON-Schema library: schema libraries generate code at run time,
 * which an MV3 extension's CSP forbids, and half of these checks (pattern syntax, references
 * between packs) are beyond a schema anyway.
 */
import { BUILTIN_CLASSES, CLASS_ALT, parsePattern, PatternError, type PatternItem } from './pattern';
import { normalizePhrase, normalizeTag } from '../text/normalize';
import { stemCandidates } from '../text/stem';
import { SANCTION_CATEGORIES, type RulePack } from './types';
import { checkSiteSelectors } from '../policy/site-selectors';

export interface PackError {
  /** Where, as a JSON path: `$.rules[2].patterns[0]`. */
  path: string;
  message: string;
}

/**
 * A valid pack may still carry `warnings`: things that load and run but probably do not do what the
 * author meant (a pattern word the normalizer or the stemmer reads differently from how it is written).
 */
export type ValidationResult = { ok: true; pack: RulePack; warnings: PackError[] } | { ok: false; errors: PackError[] };

/** What other packs loaded alongside provide (classes and legal keys a pack may cite). */
export interface ValidationContext {
  lexiconClasses?: Iterable<string>;
  legalKeys?: Iterable<string>;
  ruleIds?: Iterable<string>;
  entityIds?: Iterable<string>;
  /** Words that lexicons and patterns of those packs use: the roots the engine reduces affixed forms to. */
  words?: Iterable<string>;
}

export const SUPPORTED_SCHEMA_VERSION = 1;
export const PACK_FORMAT = 'jaga-netral/rule-pack';
const LIMITS = { entries: 20_000, entryLength: 200, stringLength: 2_000, errors: 200 };
const ID = /^[a-z0-9][a-z0-9._-]{0,63}$/;
const CLASS_NAME = /^[a-z][a-z0-9-]{0,39}$/;
const KINDS = ['ticket', 'candidate', 'party'];

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

export function validatePack(input: unknown, ctx: ValidationContext = {}): ValidationResult {
  const errors: PackError[] = [];
  const err = (path: string, message: string) => {
    if (errors.length < LIMITS.errors) errors.push({ path, message });
  };
  let entries = 0;

  const checkKeys = (o: Obj, path: string, allowed: string[]) => {
    for (const k of Object.keys(o)) if (!allowed.includes(k) && !k.startsWith('$')) err(`${path}.${k}`, `unknown key '${k}'`);
  };
  const str = (v: unknown, path: string, what = 'a string', { optional = false, max = LIMITS.stringLength } = {}): v is string => {
    if (v === undefined && optional) return false;
    if (typeof v !== 'string' || v.trim() === '') {
      err(path, v === undefined ? `missing: expected ${what}` : `expected ${what}, got ${describe(v)}`);
      return false;
    }
    if (v.length > max) {
      err(path, `longer than ${max} characters`);
      return false;
    }
    return true;
  };
  const localText = (v: unknown, path: string, optional = false) => {
    if (v === undefined && optional) return;
    if (!isObj(v)) return err(path, v === undefined ? 'missing: expected {"id": "…", "en": "…"}' : `expected {"id": "…", "en": "…"}, got ${describe(v)}`);
    checkKeys(v, path, ['id', 'en']);
    str(v.id, `${path}.id`, 'the Indonesian text');
    str(v.en, `${path}.en`, 'the English text', { optional: true });
  };
  /** A list of words/phrases that must each normalize to at least one token. */
  const phraseList = (v: unknown, path: string, { optional = false, tags = false } = {}): string[] => {
    if (v === undefined && optional) return [];
    if (!Array.isArray(v)) {
      err(path, v === undefined ? 'missing: expected a list of strings' : `expected a list of strings, got ${describe(v)}`);
      return [];
    }
    const out: string[] = [];
    v.forEach((e, i) => {
      entries++;
      if (!str(e, `${path}[${i}]`, 'a word or phrase', { max: LIMITS.entryLength })) return;
      const norm = tags ? normalizeTag(e) : normalizePhrase(e).join(' ');
      if (!norm) err(`${path}[${i}]`, `'${e}' has no letters or digits to match`);
      else out.push(e);
    });
    return out;
  };

  /** An id that must be well formed and unique among `seen` (which it joins). */
  const uniqueId = (v: unknown, path: string, seen: Set<string>, what: string) => {
    if (!str(v, path, `${/^[aeiou]/.test(what) ? 'an' : 'a'} ${what} id`)) return;
    if (!ID.test(v)) err(path, `'${v}' is not a valid id`);
    else if (seen.has(v)) err(path, `duplicate ${what} id '${v}'`);
    seen.add(v);
  };

  if (!isObj(input)) {
    return { ok: false, errors: [{ path: '$', message: `a rule pack must be a JSON object, got ${describe(input)}` }] };
  }
  const p = input;
  checkKeys(p, '$', ['format', 'schemaVersion', 'id', 'version', 'name', 'election', 'legal', 'lexicon', 'entities', 'rules', 'contexts', 'siteSelectors', 'references']);
  if (p.siteSelectors !== undefined) checkSiteSelectors(p.siteSelectors, '$.siteSelectors', err);
  if (p.format !== PACK_FORMAT) err('$.format', `expected "${PACK_FORMAT}", got ${describe(p.format)}`);
  if (p.schemaVersion !== SUPPORTED_SCHEMA_VERSION) {
    if (typeof p.schemaVersion === 'number' && p.schemaVersion > SUPPORTED_SCHEMA_VERSION)
      err('$.schemaVersion', `schemaVersion ${p.schemaVersion} is newer than this version of Jaga Netral reads (${SUPPORTED_SCHEMA_VERSION}); update the extension`);
    else err('$.schemaVersion', `expected ${SUPPORTED_SCHEMA_VERSION}, got ${describe(p.schemaVersion)}`);
  }
  if (str(p.id, '$.id', 'a pack id') && !ID.test(p.id)) err('$.id', `'${p.id}' is not a valid id (lower-case letters, digits, '.', '_' or '-', at most 64)`);
  str(p.version, '$.version', 'a version string');
  localText(p.name, '$.name');
  str(p.election, '$.election', 'a string', { optional: true });

  // legal
  const legalKeys = new Set(ctx.legalKeys ?? []);
  if (p.legal !== undefined) {
    if (!isObj(p.legal)) err('$.legal', `expected an object of legal references, got ${describe(p.legal)}`);
    else
      for (const [k, v] of Object.entries(p.legal)) {
        const path = `$.legal.${k}`;
        legalKeys.add(k);
        if (!isObj(v)) {
          err(path, `expected {"title", "source", "sanctions"}, got ${describe(v)}`);
          continue;
        }
        checkKeys(v, path, ['title', 'source', 'sanctions']);
        localText(v.title, `${path}.title`);
        str(v.source, `${path}.source`, 'the legal source');
        if (!Array.isArray(v.sanctions) || v.sanctions.length === 0) err(`${path}.sanctions`, `expected a non-empty list of ${SANCTION_CATEGORIES.join(', ')}`);
        else
          v.sanctions.forEach((s, i) => {
            if (!SANCTION_CATEGORIES.includes(s as never)) err(`${path}.sanctions[${i}]`, `unknown sanction category ${describe(s)}; use one of ${SANCTION_CATEGORIES.join(', ')}`);
          });
      }
  }

  // lexicon
  const classes = new Set<string>([...Object.keys(BUILTIN_CLASSES), ...(ctx.lexiconClasses ?? [])]);
  if (p.lexicon !== undefined) {
    if (!isObj(p.lexicon)) err('$.lexicon', `expected an object of word classes, got ${describe(p.lexicon)}`);
    else
      for (const [k, v] of Object.entries(p.lexicon)) {
        const path = `$.lexicon.${k}`;
        if (k in BUILTIN_CLASSES) err(path, `'${k}' is a built-in class and cannot be redefined`);
        else if (!CLASS_NAME.test(k)) err(path, `'${k}' is not a valid class name (lower-case letters, digits and '-')`);
        classes.add(k);
        phraseList(v, path);
      }
  }

  // entities
  const entityIds = new Set(ctx.entityIds ?? []);
  if (p.entities !== undefined) {
    if (!Array.isArray(p.entities)) err('$.entities', `expected a list of entities, got ${describe(p.entities)}`);
    else
      p.entities.forEach((e, i) => {
        const path = `$.entities[${i}]`;
        if (!isObj(e)) return err(path, `expected an entity object, got ${describe(e)}`);
        checkKeys(e, path, ['id', 'kind', 'label', 'number', 'names', 'weakNames', 'hashtags', 'slogans', 'handles']);
        uniqueId(e.id, `${path}.id`, entityIds, 'entity');
        if (!KINDS.includes(e.kind as string)) err(`${path}.kind`, `expected one of ${KINDS.join(', ')}, got ${describe(e.kind)}`);
        str(e.label, `${path}.label`, 'a label');
        if (e.number !== undefined && !(Number.isInteger(e.number) && (e.number as number) >= 0 && (e.number as number) <= 999))
          err(`${path}.number`, `expected a whole ballot number 0–999, got ${describe(e.number)}`);
        const names = phraseList(e.names, `${path}.names`);
        phraseList(e.weakNames, `${path}.weakNames`, { optional: true });
        const tags = phraseList(e.hashtags, `${path}.hashtags`, { optional: true, tags: true });
        phraseList(e.slogans, `${path}.slogans`, { optional: true });
        phraseList(e.handles, `${path}.handles`, { optional: true, tags: true });
        if (Array.isArray(e.names) && names.length === 0 && tags.length === 0) err(`${path}.names`, 'an entity needs at least one name');
      });
  }

  /** Literal words of patterns, with where they were written, for the warnings. */
  const patternWords: PatternWord[] = [];
  // rules
  const checkPattern = (src: unknown, pp: string) => {
    entries++;
    if (typeof src !== 'string') return err(pp, `expected a pattern string, got ${describe(src)}`);
    let items: PatternItem[];
    try {
      items = parsePattern(src);
    } catch (e) {
      if (e instanceof PatternError) return err(pp, `${e.message} (at column ${e.column + 1} of "${src}")`);
      throw e;
    }
    for (const it of items) {
      if (it.type === 'class' && !classes.has(it.name)) err(pp, `unknown class {${it.name}}: not built in, not in $.lexicon, nor in a pack loaded before`);
      if (it.type === 'words')
        for (const w of it.alternatives) {
          const c = CLASS_ALT.exec(w)?.[1];
          if (c !== undefined) {
            if (!classes.has(c)) err(pp, `unknown class {${c}}: not built in, not in $.lexicon, nor in a pack loaded before`);
            else if (c === 'hashtag' || c === 'name-tag' || c === 'handle') err(pp, `{${c}} matches a whole hashtag or handle and cannot be an alternative in ( … )`);
          } else if (normalizePhrase(w).length === 0) err(pp, `'${w}' has no letters or digits to match`);
          else patternWords.push({ word: w, path: pp, siblings: it.alternatives });
        }
    }
  };
  /** A list of patterns; `required` lists must hold at least one. */
  const patternList = (v: unknown, path: string, required: boolean) => {
    if (v === undefined && !required) return;
    if (!Array.isArray(v) || (required && v.length === 0))
      return err(path, required ? 'expected a non-empty list of patterns' : `expected a list of patterns, got ${describe(v)}`);
    v.forEach((src, j) => checkPattern(src, `${path}[${j}]`));
  };
  const ruleIds = new Set(ctx.ruleIds ?? []);
  if (p.rules !== undefined) {
    if (!Array.isArray(p.rules)) err('$.rules', `expected a list of rules, got ${describe(p.rules)}`);
    else
      p.rules.forEach((r, i) => {
        const path = `$.rules[${i}]`;
        if (!isObj(r)) return err(path, `expected a rule object, got ${describe(r)}`);
        checkKeys(r, path, ['id', 'ref', 'severity', 'patterns', 'unless', 'why']);
        uniqueId(r.id, `${path}.id`, ruleIds, 'rule');
        if (str(r.ref, `${path}.ref`, 'a legal reference key') && !legalKeys.has(r.ref))
          err(`${path}.ref`, `legal reference '${r.ref}' is not defined in $.legal (nor in a pack loaded before this one)`);
        if (r.severity !== 'violation' && r.severity !== 'caution') err(`${path}.severity`, `expected "violation" or "caution", got ${describe(r.severity)}`);
        localText(r.why, `${path}.why`);
        patternList(r.patterns, `${path}.patterns`, true);
        patternList(r.unless, `${path}.unless`, false);
      });
  }

  const contextIds = new Set<string>();
  if (p.contexts !== undefined) {
    if (!Array.isArray(p.contexts)) err('$.contexts', `expected a list of contexts, got ${describe(p.contexts)}`);
    else
      p.contexts.forEach((c, i) => {
        const path = `$.contexts[${i}]`;
        if (!isObj(c)) return err(path, `expected a context object, got ${describe(c)}`);
        checkKeys(c, path, ['id', 'effect', 'scope', 'patterns', 'except', 'reported', 'why']);
        uniqueId(c.id, `${path}.id`, contextIds, 'context');
        if (c.effect !== 'caution' && c.effect !== 'drop') err(`${path}.effect`, `expected "caution" or "drop", got ${describe(c.effect)}`);
        if (c.scope !== 'post' && c.scope !== 'sentence' && c.scope !== 'quote') err(`${path}.scope`, `expected "post", "sentence" or "quote", got ${describe(c.scope)}`);
        localText(c.why, `${path}.why`);
        patternList(c.patterns, `${path}.patterns`, true);
        patternList(c.except, `${path}.except`, false);
        patternList(c.reported, `${path}.reported`, false);
      });
  }

  // reference images: fingerprints only (lib/vision/phash.ts)
  const referenceIds = new Set<string>();
  if (p.references !== undefined) {
    if (!Array.isArray(p.references)) err('$.references', `expected a list of reference images, got ${describe(p.references)}`);
    else
      p.references.forEach((r, i) => {
        const path = `$.references[${i}]`;
        entries++;
        if (!isObj(r)) return err(path, `expected a reference image object, got ${describe(r)}`);
        checkKeys(r, path, ['id', 'label', 'entity', 'ref', 'kind', 'phash', 'hist', 'grid']);
        uniqueId(r.id, `${path}.id`, referenceIds, 'reference');
        str(r.label, `${path}.label`, 'a label');
        if (str(r.entity, `${path}.entity`, 'an entity id', { optional: true }) && !entityIds.has(r.entity)) err(`${path}.entity`, `unknown entity '${r.entity}'`);
        if (str(r.ref, `${path}.ref`, 'a legal reference key', { optional: true }) && !legalKeys.has(r.ref)) err(`${path}.ref`, `unknown legal reference '${r.ref}'`);
        if (r.kind === 'image') {
          if (!Array.isArray(r.phash) || r.phash.length === 0 || r.phash.length > 8) err(`${path}.phash`, 'expected 1 to 8 pHashes (16 hex digits each)');
          else r.phash.forEach((h, j) => typeof h === 'string' && /^[0-9a-f]{16}$/.test(h) || err(`${path}.phash[${j}]`, `expected 16 hex digits, got ${describe(h)}`));
          if (r.hist !== undefined && (typeof r.hist !== 'string' || !/^[0-9a-f]{128}$/.test(r.hist))) err(`${path}.hist`, 'expected 128 hex digits (64 histogram bins)');
          if (r.grid !== undefined) err(`${path}.grid`, 'only a frame has a grid');
        } else if (r.kind === 'frame') {
          if (typeof r.grid !== 'string' || !/^(?:[0-9a-f]{3}|---){256}$/.test(r.grid)) err(`${path}.grid`, 'expected 256 cells of 3 hex digits or "---" (768 characters)');
          else if ((r.grid.match(/[0-9a-f]{3}/g) ?? []).length < 24) err(`${path}.grid`, 'a frame needs at least 24 opaque cells to be recognised');
          if (r.phash !== undefined || r.hist !== undefined) err(`${path}.phash`, 'a frame is matched by its grid, not by pHashes or a histogram');
        } else err(`${path}.kind`, `expected "image" or "frame", got ${describe(r.kind)}`);
      });
  }

  if (entries > LIMITS.entries) err('$', `too many entries (${entries}); a pack may hold at most ${LIMITS.entries}`);
  if (errors.length) return { ok: false, errors };
  const lexiconWords = isObj(p.lexicon) ? Object.values(p.lexicon).flatMap((v) => (Array.isArray(v) ? v.filter((e): e is string => typeof e === 'string') : [])) : [];
  const warnings = patternWordWarnings(patternWords, [...(ctx.words ?? []), ...lexiconWords, ...patternWords.map((w) => w.word)]);
  return { ok: true, pack: input as unknown as RulePack, warnings };
}

/** A word a pattern spells out, where, and the other alternatives of its ( … ). */
export interface PatternWord {
  word: string;
  path: string;
  siblings: readonly string[];
}

/**
 * Pattern words that will not match what their author wrote. The engine reads a pattern word as the
 * normalizer reads text ("yg" is "yang", "coblooos" is "coblos"), and reduces an affixed word of the text
 * to a root only when the word itself is not one the packs use (lib/rules/engine.ts, stem): so writing
 * "dukungan" in a pattern makes "dukungan" a word of its own, no longer a form of "dukung", everywhere,
 * and patterns or classes with "dukung" stop matching it.
 */
export function patternWordWarnings(words: readonly PatternWord[], known: Iterable<string>): PackError[] {
  const roots = new Set<string>();
  for (const w of known) for (const t of normalizePhrase(w)) if (t.length > 1 && !/^\d/.test(t)) roots.add(t);
  const out: PackError[] = [];
  const seen = new Set<string>();
  for (const { word, path, siblings } of words) {
    // a root written beside its own forms, (beri|berikan|memberikan), already matches them all
    const beside = new Set(siblings.flatMap((a) => normalizePhrase(a)));
    const norm = normalizePhrase(word);
    const plain = word.toLowerCase().split(/[\s-]+/).filter(Boolean);
    if (norm.join(' ') !== plain.join(' ') && !seen.has(`${path}|n|${word}`)) {
      seen.add(`${path}|n|${word}`);
      out.push({
        path,
        message: `'${word}' is read as '${norm.join(' ')}' (the text is normalized the same way), so it matches every word that reads so; write '${norm.join(' ')}' if that is meant`,
      });
    }
    for (const t of norm) {
      if (t.length < 5 || /^\d/.test(t)) continue;
      let root: string | undefined;
      for (const c of stemCandidates(t)) {
        if (roots.has(c)) {
          root = c;
          break;
        }
      }
      if (!root || beside.has(root) || seen.has(`${path}|s|${t}`)) continue;
      seen.add(`${path}|s|${t}`);
      out.push({
        path,
        message: `'${t}' is an affixed form of '${root}': written in a pattern it becomes a word of its own and is no longer reduced to '${root}' anywhere, so patterns and classes with '${root}' stop matching '${t}'; write '${root}' unless this form itself matters`,
      });
    }
  }
  return out;
}

/** Parse JSON text and validate; JSON syntax errors come back as one error at '$'. */
export function parseAndValidatePack(json: string, ctx?: ValidationContext): ValidationResult {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (e) {
    return { ok: false, errors: [{ path: '$', message: `not valid JSON: ${(e as Error).message}` }] };
  }
  return validatePack(data, ctx);
}

/** Context from packs already accepted, for validating one more on top of them. */
export function contextOf(packs: readonly RulePack[]): ValidationContext {
  return {
    lexiconClasses: packs.flatMap((p) => Object.keys(p.lexicon ?? {})),
    legalKeys: packs.flatMap((p) => Object.keys(p.legal ?? {})),
    ruleIds: packs.flatMap((p) => (p.rules ?? []).map((r) => r.id)),
    entityIds: packs.flatMap((p) => (p.entities ?? []).map((e) => e.id)),
    words: packs.flatMap((p) => [
      ...Object.values(p.lexicon ?? {}).flat(),
      ...[...(p.rules ?? []).flatMap((r) => [...r.patterns, ...(r.unless ?? [])]), ...(p.contexts ?? []).flatMap((c) => [...c.patterns, ...(c.except ?? []), ...(c.reported ?? [])])].flatMap(literalWords),
    ]),
  };
}

/** The words a pattern spells out (not its classes); a pattern that does not parse has none. */
function literalWords(src: string): string[] {
  try {
    return parsePattern(src).flatMap((it) => (it.type === 'words' ? it.alternatives.filter((a) => !CLASS_ALT.test(a)) : []));
  } catch {
    return [];
  }
}

export function formatErrors(errors: readonly PackError[]): string {
  return errors.map((e) => `${e.path}: ${e.message}`).join('\n');
}

function describe(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? v.slice(0, 40) + '…' : v);
  if (typeof v === 'object') return 'an object';
  return `${typeof v} ${String(v)}`;
}
