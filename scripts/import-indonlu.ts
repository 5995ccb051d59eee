/**
 * Makes the real everyday test set from IndoNLU's SmSA (tests/corpus/indonlu/, card there).
 *
 *   tsx scripts/import-indonlu.ts <indonlu checkout>
 *
 * SmSA is real Indonesian text (reviews and comments) no one on the team wrote. Rows that name an
 * election, an office, a contestant or a party (ELECTION_WORDS, a fixed list written for this split,
 * not the detector's lexicon) go to a queue for labelling by hand; every other row is an everyday post
 * labelled ok. Rows are read from the dataset's train file in order; exact duplicates (after folding
 * case and spaces) and texts already in the NusaX test file (drawn from the same data) are left out.
 * The output is committed; this script is how it was made, and makes it again byte for byte.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CORPUS_DIR } from '../tests/corpus/corpus';

export const SMSA_FILE = 'dataset/smsa_doc-sentiment-prosa/train_preprocess.tsv';
export const OUT_DIR = join(CORPUS_DIR, 'indonlu');

/**
 * Words that put a row in the labelling queue: elections, offices, contestants and parties, and the
 * 2019 camps' nicknames. Everyday words that campaigns also use ("pilih", "menang", "nomor", "dukung")
 * are deliberately not here: rows with them are the everyday posts the detector must leave alone.
 */
export const ELECTION_WORDS = new RegExp(
  '\\b(' +
    [
      'pemilu', 'pilpres', 'pilkada', 'pileg', 'pilkades', 'pilgub', 'pilbup', 'pilwalkot', 'capres', 'cawapres', 'cagub',
      'cawagub', 'cabup', 'cawabup', 'cawalkot', 'caleg', 'paslon', 'calon', 'kampanye', 'coblos', 'nyoblos', 'mencoblos',
      'tps', 'kpu', 'bawaslu', 'partai', 'parpol', 'presiden', 'wapres', 'gubernur', 'wagub', 'bupati', 'walikota', 'wali kota',
      'dpr', 'dprd', 'mpr', 'politik', 'politisi', 'politikus', 'pemilih', 'koalisi', 'oposisi', 'rezim', 'petahana', 'incumbent',
      'jokowi', 'prabowo', 'sandi', 'sandiaga', 'anies', 'ahok', 'ganjar', 'gibran', 'mahfud', 'muhaimin', 'imin', 'maruf', "ma'ruf",
      'sby', 'megawati', 'mega', 'amien', 'rizieq', 'habib', 'ridwan kamil', 'emil', 'risma', 'khofifah', 'kecebong', 'cebong',
      'kampret', 'kadrun', 'buzzer', 'pdip', 'pdi', 'gerindra', 'golkar', 'nasdem', 'pks', 'pkb', 'pan', 'demokrat', 'ppp', 'hanura',
      'perindo', 'psi', 'berkarya', 'garuda', 'pbb', 'pkpi', '212', '#2019', '2019gantipresiden', 'ganti presiden', 'jkw', 'ahy',
      'wowo', 'bowo', 'ahoker', 'ahokers', 'periode', 'timses', 'kubu', 'pemerintahan', 'pencitraan', 'fpi', 'hti', 'pki',
    ].join('|') +
    ')\\b',
  'i',
);

export const fold = (s: string) => s.toLowerCase().normalize('NFKC').replace(/\s+/g, ' ').trim();

export interface SmsaRow {
  line: number;
  text: string;
  sentiment: string;
}

export function readSmsa(tsv: string): SmsaRow[] {
  return tsv
    .split('\n')
    .map((raw, i) => {
      const tab = raw.lastIndexOf('\t');
      return { line: i + 1, text: (tab < 0 ? raw : raw.slice(0, tab)).trim(), sentiment: tab < 0 ? '' : raw.slice(tab + 1).trim() };
    })
    .filter((r) => r.text !== '');
}

function main() {
  const checkout = process.argv[2];
  if (!checkout) {
    console.error('usage: tsx scripts/import-indonlu.ts <indonlu git checkout (bare or not)>');
    process.exit(2);
  }
  // a bare mirror (…/repo, …/x.git) is its own git directory; a working checkout has one inside
  const gitDir = checkout.endsWith('.git') || checkout.endsWith('repo') ? checkout : join(checkout, '.git');
  const tsv = execFileSync('git', ['--git-dir', gitDir, 'show', `HEAD:${SMSA_FILE}`], {
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  const commit = execFileSync('git', ['--git-dir', gitDir, 'rev-parse', 'HEAD'], { encoding: 'utf8' }).trim();
  const nusax = new Set(
    readFileSync(join(CORPUS_DIR, 'real-nusax.jsonl'), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => fold((JSON.parse(l) as { text: string }).text)),
  );
  const seen = new Set<string>();
  const everyday: string[] = [];
  const queue: string[] = [];
  let dup = 0;
  let inNusax = 0;
  for (const r of readSmsa(tsv)) {
    const key = fold(r.text);
    if (seen.has(key)) {
      dup++;
      continue;
    }
    seen.add(key);
    if (nusax.has(key)) {
      inNusax++;
      continue;
    }
    const id = `smsa-train-${r.line}`;
    if (ELECTION_WORDS.test(r.text)) queue.push(JSON.stringify({ id, text: r.text }));
    else
      everyday.push(
        JSON.stringify({ id, text: r.text, label: 'ok', category: 'real-everyday', source: 'indonlu-smsa', reason: 'Real everyday text (SmSA) naming no election, office, contestant or party.' }),
      );
  }
  mkdirSync(OUT_DIR, { recursive: true });
  writeFileSync(join(OUT_DIR, 'smsa-everyday.jsonl'), everyday.join('\n') + '\n');
  writeFileSync(join(OUT_DIR, 'smsa-to-label.jsonl'), queue.join('\n') + '\n');
  console.log(`IndoNLU ${commit}: ${everyday.length} everyday rows, ${queue.length} rows to label, ${dup} duplicates and ${inNusax} NusaX texts left out`);
}

if (process.argv[1]?.endsWith('import-indonlu.ts')) main();
