/**
 * Loader for the text-evaluation corpus (tests/corpus/*.jsonl).
 * Shared by scripts/eval-text.ts and tests/unit/corpus.test.ts. Pure Node, no engine import.
 *
 * One item per line:
 *   {"id", "text", "label": "violation"|"caution"|"ok", "category", "source", "reason", "packs"?: ["pilkada-contoh"]}
 * Extra packs live in tests/corpus/packs/<id>.json.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CORPUS_DIR = fileURLToPath(new URL('.', import.meta.url));
export const PACKS_DIR = join(CORPUS_DIR, 'packs');
export const SOURCES_FILE = join(CORPUS_DIR, 'SOURCES.md');

export const LABELS = ['violation', 'caution', 'ok'] as const;
export type Label = (typeof LABELS)[number];

/** Categories and what they hold. `hardNegative` ones count towards the false-positive rate. */
export const CATEGORIES = {
  'campaign-support': { hardNegative: false, about: 'support for a ticket, candidate or party (calls to vote, praise formulas, team membership)' },
  'campaign-oppose': { hardNegative: false, about: 'attacks: "jangan pilih X", smears, camp slurs used as labels' },
  'campaign-symbol': { hardNegative: false, about: 'hashtags, salutes, hand and keycap emoji, @-replies to candidate accounts' },
  regional: { hardNegative: false, about: 'Pilkada items using the example regional pack (all labels)' },
  news: { hardNegative: false, about: 'election news and reports: never a violation' },
  neutrality: { hardNegative: false, about: 'neutrality messages, KPU schedules and ballot instructions: never a violation' },
  everyday: { hardNegative: true, about: 'everyday posts, many with numbers, vote verbs or campaign-like words' },
  'name-collision': { hardNegative: true, about: 'people, animals and things sharing a name with a candidate or party' },
  'abbrev-collision': { hardNegative: true, about: 'party abbreviations with another meaning or inside other words' },
  'political-opinion': { hardNegative: true, about: 'opinions on politics or policy outside any electoral contest' },
  borderline: { hardNegative: false, about: 'political but ambiguous: caution' },
} as const;
export type Category = keyof typeof CATEGORIES;
export const HARD_NEGATIVE_CATEGORIES = (Object.keys(CATEGORIES) as Category[]).filter((c) => CATEGORIES[c].hardNegative);

export interface CorpusItem {
  id: string;
  text: string;
  label: Label;
  category: Category;
  source: string;
  reason: string;
  packs?: string[];
  /** Where it came from, for messages: "tests/corpus/campaign.jsonl:12". */
  where: string;
}

export interface CorpusProblem {
  file: string;
  line: number;
  message: string;
}

export interface Corpus {
  items: CorpusItem[];
  problems: CorpusProblem[];
  files: string[];
}

const ID = /^[a-z0-9][a-z0-9._-]{0,79}$/;
const KEYS = new Set(['id', 'text', 'label', 'category', 'source', 'reason', 'packs']);

export function corpusFiles(dir = CORPUS_DIR): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()
    .map((f) => join(dir, f));
}

/** Source ids declared in SOURCES.md: every heading of the form "## `source-id`". */
export function declaredSources(file = SOURCES_FILE): Set<string> {
  if (!existsSync(file)) return new Set();
  const out = new Set<string>();
  for (const m of readFileSync(file, 'utf8').matchAll(/^##\s+`([^`]+)`/gm)) out.add(m[1]!);
  return out;
}

export function loadCorpus(dir = CORPUS_DIR): Corpus {
  const items: CorpusItem[] = [];
  const problems: CorpusProblem[] = [];
  const seen = new Map<string, string>();
  const files = corpusFiles(dir);
  const sources = declaredSources(join(dir, 'SOURCES.md'));
  for (const path of files) {
    const file = relative(process.cwd(), path) || path;
    const lines = readFileSync(path, 'utf8').split('\n');
    lines.forEach((raw, i) => {
      const line = i + 1;
      if (raw.trim() === '') return;
      const bad = (message: string) => problems.push({ file, line, message });
      let v: unknown;
      try {
        v = JSON.parse(raw);
      } catch (e) {
        bad(`not valid JSON: ${(e as Error).message}`);
        return;
      }
      if (typeof v !== 'object' || v === null || Array.isArray(v)) {
        bad('not a JSON object');
        return;
      }
      const o = v as Record<string, unknown>;
      for (const k of Object.keys(o)) if (!KEYS.has(k)) bad(`unknown field "${k}"`);
      for (const k of ['id', 'text', 'label', 'category', 'source', 'reason'] as const) {
        if (typeof o[k] !== 'string' || (o[k] as string).trim() === '') bad(`"${k}" must be a non-empty string`);
      }
      const id = o.id as string;
      if (typeof id === 'string' && !ID.test(id)) bad(`id "${id}" must match ${ID}`);
      if (typeof id === 'string') {
        const prev = seen.get(id);
        if (prev) bad(`duplicate id "${id}" (first at ${prev})`);
        else seen.set(id, `${file}:${line}`);
      }
      if (typeof o.label === 'string' && !(LABELS as readonly string[]).includes(o.label)) bad(`unknown label "${o.label}"`);
      if (typeof o.category === 'string' && !(o.category in CATEGORIES)) bad(`unknown category "${o.category}"`);
      if (typeof o.source === 'string' && !sources.has(o.source)) bad(`source "${o.source}" is not listed in SOURCES.md`);
      if (o.packs !== undefined) {
        if (!Array.isArray(o.packs) || o.packs.some((p) => typeof p !== 'string')) bad('"packs" must be an array of strings');
        else for (const p of o.packs as string[]) if (!existsSync(join(dir, 'packs', `${p}.json`))) bad(`pack "${p}" not found in tests/corpus/packs/`);
      }
      items.push({ ...(o as unknown as Omit<CorpusItem, 'where'>), where: `${file}:${line}` });
    });
  }
  return { items, problems, files };
}

export function loadPack(id: string, dir = PACKS_DIR): unknown {
  return JSON.parse(readFileSync(join(dir, `${id}.json`), 'utf8'));
}
