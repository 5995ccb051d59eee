/**
 * How far two annotators agree on the same items (inter-annotator agreement).
 *
 *   tsx scripts/agreement.ts <first labels.jsonl> <second labels.jsonl>
 *
 * Both files are labelled corpus lines (`id`, `label`, …) covering the same ids; order does not matter.
 * Prints n, raw agreement and Cohen's kappa on the three labels, the same on flagged or not
 * (violation|caution vs ok), and the 3×3 confusion table (rows: first file, columns: second).
 * Kappa is reported next to raw agreement because most rows of a real set are easy `ok` rows, and
 * raw agreement alone would credit two annotators for agreeing by chance on them.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const LABELS = ['violation', 'caution', 'ok'] as const;
export type Label = (typeof LABELS)[number];
export const FLAGS = ['flagged', 'ok'] as const;

/** counts[i][j]: items the first annotator put in categories[i] and the second in categories[j]. */
export interface Confusion {
  categories: readonly string[];
  counts: number[][];
  n: number;
}

export function confusion(pairs: readonly (readonly [string, string])[], categories: readonly string[]): Confusion {
  const index = new Map(categories.map((c, i) => [c, i]));
  const counts = categories.map(() => categories.map(() => 0));
  for (const [a, b] of pairs) {
    const i = index.get(a);
    const j = index.get(b);
    if (i === undefined || j === undefined) throw new Error(`unknown category in pair ${a} / ${b}`);
    counts[i]![j]! += 1;
  }
  return { categories, counts, n: pairs.length };
}

/** Observed agreement: the share of items both annotators put in the same category. */
export function rawAgreement(c: Confusion): number {
  if (c.n === 0) return Number.NaN;
  return c.counts.reduce((sum, row, i) => sum + row[i]!, 0) / c.n;
}

/**
 * Cohen's kappa = (po − pe) / (1 − pe), where pe is the agreement expected by chance from each
 * annotator's own label shares. Undefined (NaN) when both annotators used a single, identical
 * category for everything, since chance agreement is then already 1.
 */
export function cohenKappa(c: Confusion): number {
  if (c.n === 0) return Number.NaN;
  const po = rawAgreement(c);
  const k = c.categories.length;
  let pe = 0;
  for (let i = 0; i < k; i++) {
    const row = c.counts[i]!.reduce((s, x) => s + x, 0);
    const col = c.counts.reduce((s, r) => s + r[i]!, 0);
    pe += (row / c.n) * (col / c.n);
  }
  if (pe === 1) return Number.NaN;
  return (po - pe) / (1 - pe);
}

export const flagOf = (label: string): string => (label === 'ok' ? 'ok' : 'flagged');

/** Pairs each id's first and second label; the two files must hold exactly the same ids. */
export function pairLabels(
  first: readonly { id: string; label: string }[],
  second: readonly { id: string; label: string }[],
): [string, string][] {
  const byId = new Map<string, string>();
  for (const r of second) {
    if (byId.has(r.id)) throw new Error(`duplicate id in second file: ${r.id}`);
    byId.set(r.id, r.label);
  }
  const seen = new Set<string>();
  const pairs: [string, string][] = [];
  for (const r of first) {
    if (seen.has(r.id)) throw new Error(`duplicate id in first file: ${r.id}`);
    seen.add(r.id);
    const other = byId.get(r.id);
    if (other === undefined) throw new Error(`id only in first file: ${r.id}`);
    pairs.push([r.label, other]);
  }
  const extra = [...byId.keys()].filter((id) => !seen.has(id));
  if (extra.length) throw new Error(`ids only in second file: ${extra.slice(0, 5).join(', ')}`);
  return pairs;
}

export interface AgreementReport {
  n: number;
  labels: { agreement: number; kappa: number; confusion: Confusion };
  flagged: { agreement: number; kappa: number; confusion: Confusion };
}

export function agreement(pairs: readonly (readonly [string, string])[]): AgreementReport {
  const labels = confusion(pairs, LABELS);
  const flagged = confusion(
    pairs.map(([a, b]) => [flagOf(a), flagOf(b)] as const),
    FLAGS,
  );
  return {
    n: pairs.length,
    labels: { agreement: rawAgreement(labels), kappa: cohenKappa(labels), confusion: labels },
    flagged: { agreement: rawAgreement(flagged), kappa: cohenKappa(flagged), confusion: flagged },
  };
}

/** A markdown table: rows are the first annotator, columns the second. */
export function confusionTable(c: Confusion, firstName = 'first', secondName = 'second'): string {
  const head = `| ${firstName} ↓ / ${secondName} → | ${c.categories.join(' | ')} | total |`;
  const rule = `|---|${c.categories.map(() => '---:').join('|')}|---:|`;
  const rows = c.categories.map((cat, i) => {
    const row = c.counts[i]!;
    return `| ${cat} | ${row.join(' | ')} | ${row.reduce((s, x) => s + x, 0)} |`;
  });
  const cols = c.categories.map((_, j) => c.counts.reduce((s, r) => s + r[j]!, 0));
  return [head, rule, ...rows, `| total | ${cols.join(' | ')} | ${c.n} |`].join('\n');
}

function readLabels(file: string): { id: string; label: string }[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l, i) => {
      const o = JSON.parse(l) as { id?: unknown; label?: unknown };
      if (typeof o.id !== 'string' || typeof o.label !== 'string') throw new Error(`${file}:${i + 1}: needs string id and label`);
      return { id: o.id, label: o.label };
    });
}

const fmt = (x: number, digits: number): string => (Number.isNaN(x) ? 'undefined' : x.toFixed(digits));

function main(argv: string[]): void {
  const [firstFile, secondFile] = argv;
  if (!firstFile || !secondFile) {
    console.error('usage: tsx scripts/agreement.ts <first labels.jsonl> <second labels.jsonl>');
    process.exit(2);
  }
  const r = agreement(pairLabels(readLabels(firstFile), readLabels(secondFile)));
  console.log(`n = ${r.n}`);
  console.log(`three labels:     agreement ${fmt(r.labels.agreement * 100, 1)}%, Cohen's kappa ${fmt(r.labels.kappa, 3)}`);
  console.log(`flagged or not:   agreement ${fmt(r.flagged.agreement * 100, 1)}%, Cohen's kappa ${fmt(r.flagged.kappa, 3)}`);
  console.log('');
  console.log(confusionTable(r.labels.confusion));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main(process.argv.slice(2));
