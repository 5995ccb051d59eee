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
  // the training data's own finer categories (tests/corpus/train, see train/CARD.md)
  praise_candidate: { hardNegative: false, about: 'praise of a named candidate as the leader or office-holder to be' },
  ticket_backreference: { hardNegative: false, about: 'support that refers back to a ticket named earlier ("beliau berdua")' },
  attack_candidate_party_voters: { hardNegative: false, about: 'attacks on a candidate, ticket or party, or on their voters' },
  camp_identity_activity: { hardNegative: false, about: 'camp identity and activity: supporters, posko, winning teams, rallies' },
  programme_promotion: { hardNegative: false, about: 'promotion of a ticket’s programme, often with a call to spread it' },
  chant_slogan_attribute: { hardNegative: false, about: 'a camp’s chants, slogans, colours and attributes' },
  party_promotion: { hardNegative: false, about: 'promotion of a party' },
  pileg_caleg: { hardNegative: false, about: 'legislative candidates asking for votes (party, dapil, ballot number)' },
  unlisted_ticket: { hardNegative: false, about: 'tickets in no pack: two-name hashtags, Pak/Bu X with calon words, X–Y pairs' },
  call_to_vote_hashtag_twibbon: { hardNegative: false, about: 'calls to vote, campaign hashtags, twibbons' },
  'kpu-bawaslu-info': { hardNegative: false, about: 'KPU and Bawaslu information: never a violation' },
  'job-duty': { hardNegative: true, about: 'civil servants’ own work that touches elections (logistics, data, security)' },
  namesake: { hardNegative: true, about: 'people and things sharing a name with a candidate' },
  'policy-opinion': { hardNegative: true, about: 'opinions on policy outside any electoral contest' },
  // real text from open datasets (tests/corpus/indonlu/, card there)
  'real-everyday': { hardNegative: false, about: 'real everyday text (reviews, comments) naming no election, office, contestant or party' },
} as const;
/** Categories whose items are never campaigning, whatever their label (news, information). */
export const NEWS_CATEGORIES: readonly string[] = ['news', 'neutrality', 'kpu-bawaslu-info'];
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
  /** Which kind of election the item is about (training data). */
  election?: Election;
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
const KEYS = new Set(['id', 'text', 'label', 'category', 'source', 'reason', 'packs', 'election']);
export const ELECTIONS = ['pilpres', 'pilkada', 'pileg', 'none'] as const;
export type Election = (typeof ELECTIONS)[number];
/** Blind sets: scored in aggregate only, never trained or tuned on. */
export const BLIND = /^heldout-blind.*\.jsonl$/;

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

export function loadCorpus(
  dir = CORPUS_DIR,
  opts: { files?: string[]; sources?: Set<string>; seen?: Map<string, string> } = {},
): Corpus {
  const items: CorpusItem[] = [];
  const problems: CorpusProblem[] = [];
  const seen = opts.seen ?? new Map<string, string>();
  const files = opts.files ?? corpusFiles(dir);
  const sources = opts.sources ?? declaredSources(join(dir, 'SOURCES.md'));
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
      if (o.election !== undefined && !(ELECTIONS as readonly unknown[]).includes(o.election)) bad(`unknown election "${String(o.election)}"`);
      if (o.packs !== undefined) {
        if (!Array.isArray(o.packs) || o.packs.some((p) => typeof p !== 'string')) bad('"packs" must be an array of strings');
        else for (const p of o.packs as string[]) if (!existsSync(join(PACKS_DIR, `${p}.json`))) bad(`pack "${p}" not found in tests/corpus/packs/`);
      }
      items.push({ ...(o as unknown as Omit<CorpusItem, 'where'>), where: `${file}:${line}` });
    });
  }
  return { items, problems, files };
}

export function loadPack(id: string, dir = PACKS_DIR): unknown {
  return JSON.parse(readFileSync(join(dir, `${id}.json`), 'utf8'));
}
