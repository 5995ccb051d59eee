/**
 * Regional packs from a plain candidate list. An admin writes one CSV row per ticket:
 *
 *   election,region,number,candidate,running_mate,aliases
 *   Pilkada 2029,Kota Contoh,1,Budi Santoso,Siti Aminah,Pak Budi|@budisantoso|#BudiSiti
 *
 * and gets a rule pack whose entities the national rules already cover ({name}, {number},
 * {hashtag} …). The engine derives the obvious variants itself (first and last names as weak
 * names, glued hashtags such as #BudiSiti2029, "paslon 1", "no urut 1").
 */
import { parse } from 'csv-parse/browser/esm/sync';
import type { Entity, RulePack } from '../rules/types';

export const CSV_HEADER = ['election', 'region', 'number', 'candidate', 'running_mate', 'aliases'] as const;

export interface CandidateRow {
  election: string;
  region: string;
  number: number;
  candidate: string;
  running_mate: string;
  aliases: string[];
  /** 1-based line in the CSV, for messages. */
  line: number;
}

export class CsvError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
  }
}

/** Parse the candidate CSV; throws CsvError with the line of the first problem. */
export function parseCandidateCsv(text: string): CandidateRow[] {
  let records: string[][];
  try {
    records = parse(text.replace(/^\uFEFF/, ''), { relax_column_count: true, skip_empty_lines: true, trim: true });
  } catch (e) {
    const err = e as Error & { lines?: number };
    throw new CsvError(`not valid CSV: ${err.message}`, err.lines ?? 1);
  }
  const [header, ...rows] = records;
  if (!header) throw new CsvError('empty file: expected the header ' + CSV_HEADER.join(','), 1);
  const norm = header.map((h) => h.toLowerCase());
  if (norm.join(',') !== CSV_HEADER.join(','))
    throw new CsvError(`expected the header "${CSV_HEADER.join(',')}", got "${header.join(',')}"`, 1);
  const seen = new Map<string, number>();
  return rows.map((r, i) => {
    const line = i + 2;
    if (r.length !== CSV_HEADER.length) throw new CsvError(`expected ${CSV_HEADER.length} columns, got ${r.length}`, line);
    const [election, region, num, candidate, running_mate, aliases] = r as [string, string, string, string, string, string];
    if (!election) throw new CsvError('election is empty', line);
    if (!region) throw new CsvError('region is empty', line);
    if (!candidate) throw new CsvError('candidate is empty', line);
    if (!/^\d{1,3}$/.test(num)) throw new CsvError(`number must be a ballot number (1–999), got "${num}"`, line);
    const number = Number(num);
    const key = `${election}|${region}|${number}`;
    if (seen.has(key)) throw new CsvError(`ballot number ${number} already used on line ${seen.get(key)} for ${election} ${region}`, line);
    seen.set(key, line);
    return {
      election,
      region,
      number,
      candidate,
      running_mate,
      aliases: aliases
        .split('|')
        .map((a) => a.trim())
        .filter(Boolean),
      line,
    };
  });
}

const slug = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40);

/** Titles that stand before names and are not part of them. */
const TITLES = /^(h|hj|ir|dr|drs|dra|prof|kh|k\.h|s\.h|s\.e|m\.m|m\.si|st|se|sh|mm|msi|mba|mh|s\.pd|spd|s\.ag|ag|bapak|pak|ibu|bu|mas|mbak|cak|gus|kang|teh|bang|uda|ning)\.?$/i;

/** The words of a person's name without academic or honorific titles ("Dr. H. Budi Santoso, S.E." → Budi Santoso). */
export function nameWords(full: string): string[] {
  return full
    .split(/[\s,]+/)
    .map((w) => w.trim())
    .filter((w) => w && !TITLES.test(w) && /\p{L}/u.test(w));
}

export function ticketEntity(row: Omit<CandidateRow, 'line'>): Entity {
  const people = [row.candidate, row.running_mate].filter(Boolean);
  const names = new Set<string>();
  const weak = new Set<string>();
  const hashtags: string[] = [];
  const handles: string[] = [];
  for (const p of people) {
    const w = nameWords(p);
    if (w.length) names.add(w.join(' '));
    if (w.length > 1) {
      weak.add(w[0]!);
      weak.add(w[w.length - 1]!);
    } else if (w.length === 1) weak.add(w[0]!);
  }
  const firsts = people.map((p) => nameWords(p)[0]).filter(Boolean) as string[];
  if (firsts.length === 2) names.add(firsts.join(' '));
  for (const a of row.aliases) {
    if (a.startsWith('#')) hashtags.push(a);
    else if (a.startsWith('@')) handles.push(a);
    else names.add(a);
  }
  for (const n of names) weak.delete(n);
  const e: Entity = {
    id: `paslon-${row.number}-${slug(row.region)}`,
    kind: 'ticket',
    number: row.number,
    label: `Paslon ${row.number} ${people.join(' – ')} (${row.region})`,
    names: [...names],
  };
  if (weak.size) e.weakNames = [...weak];
  if (hashtags.length) e.hashtags = hashtags;
  if (handles.length) e.handles = handles;
  return e;
}

/** A regional pack from candidate rows (one or more elections/regions). */
export function buildRegionalPack(rows: readonly Omit<CandidateRow, 'line'>[], opts: { id?: string; version?: string } = {}): RulePack {
  if (!rows.length) throw new Error('no candidates');
  const scopes = [...new Set(rows.map((r) => `${r.election} ${r.region}`))];
  const elections = [...new Set(rows.map((r) => r.election))];
  // a pack for many regions is named by its elections and a count, not a list of every region
  const scope = scopes.length <= 3 ? scopes.join('; ') : `${elections.join('; ')} (${scopes.length} daerah)`;
  return {
    format: 'jaga-netral/rule-pack',
    schemaVersion: 1,
    id: opts.id ?? slug(scopes.length === 1 ? scopes[0]! : `regional-${scopes.length}`),
    version: opts.version ?? '1.0.0',
    name: { id: `Paket daerah: ${scope}`, en: `Regional pack: ${scope.replace('daerah', 'regions')}` },
    election: scope,
    entities: uniqueIds(rows),
  };
}

/**
 * One entity per row. The same number in the same region in two elections (a list that keeps a past
 * Pilkada beside this one) gets the election in its id, so both tickets stay in the pack.
 */
function uniqueIds(rows: readonly Omit<CandidateRow, 'line'>[]): Entity[] {
  const seen = new Set<string>();
  return rows.map((row) => {
    const e = ticketEntity(row);
    let id = e.id;
    if (seen.has(id)) id = `${e.id}-${slug(row.election)}`;
    for (let n = 2; seen.has(id); n++) id = `${e.id}-${slug(row.election)}-${n}`;
    seen.add(id);
    return id === e.id ? e : { ...e, id, label: `${e.label}, ${row.election}` };
  });
}
