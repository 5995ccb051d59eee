/**
 * Makes the real-text sets from IndoNLU (tests/corpus/indonlu/, card there).
 *
 *   tsx scripts/import-indonlu.ts <indonlu checkout>
 *
 * SmSA is real Indonesian text (reviews and comments) no one on the team wrote; POSP is sentences of
 * Indonesian news articles. Rows that name an election, an office, a contestant or a party
 * (ELECTION_WORDS, a fixed list written for this split, not the detector's lexicon) go to a queue for
 * labelling by hand; every other SmSA row is an everyday post labelled ok (POSP's other passages are
 * not used). The datasets' own splits are kept: their train files feed training (indonlu/), their
 * valid and test files make the held-out real test sets (indonlu/heldout/), which are only scored.
 * Rows are read in order; exact duplicates (after folding case and spaces), texts of an earlier split
 * and texts already in the NusaX test file (drawn from SmSA) are left out.
 * The output is committed; this script is how it was made, and makes it again byte for byte.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CORPUS_DIR } from '../tests/corpus/corpus';

export const SMSA_FILE = 'dataset/smsa_doc-sentiment-prosa/train_preprocess.tsv';
export const SMSA_HELDOUT = ['dataset/smsa_doc-sentiment-prosa/valid_preprocess.tsv', 'dataset/smsa_doc-sentiment-prosa/test_preprocess.tsv'];
export const POSP_DIR = 'dataset/posp_pos-prosa';
export const OUT_DIR = join(CORPUS_DIR, 'indonlu');
export const HELDOUT_DIR = join(OUT_DIR, 'heldout');

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

/**
 * POSP's passages (one token and its tag a line, a blank line between passages), with the tokens
 * joined back into text: no space before closing punctuation or after an opening bracket.
 */
export function readPosp(txt: string): { block: number; text: string }[] {
  return txt
    .split(/\n[ \t]*\n/)
    .map((b, i) => ({
      block: i + 1,
      text: b
        .split('\n')
        .map((l) => l.split('\t')[0]!.trim())
        .filter(Boolean)
        .join(' ')
        .replace(/ ([.,;:!?)\]%])/g, '$1')
        .replace(/([(\[]) /g, '$1'),
    }))
    .filter((r) => r.text !== '');
}

const everydayRow = (id: string, text: string) =>
  JSON.stringify({ id, text, label: 'ok', category: 'real-everyday', source: 'indonlu-smsa', reason: 'Real everyday text (SmSA) naming no election, office, contestant or party.' });

function main() {
  const checkout = process.argv[2];
  if (!checkout) {
    console.error('usage: tsx scripts/import-indonlu.ts <indonlu git checkout (bare or not)>');
    process.exit(2);
  }
  // a bare mirror (…/repo, …/x.git) is its own git directory; a working checkout has one inside
  const gitDir = checkout.endsWith('.git') || checkout.endsWith('repo') ? checkout : join(checkout, '.git');
  const commit = execFileSync('git', ['--git-dir', gitDir, 'rev-parse', 'HEAD'], { encoding: 'utf8' }).trim();
  const nusax = new Set(
    readFileSync(join(CORPUS_DIR, 'real-nusax.jsonl'), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => fold((JSON.parse(l) as { text: string }).text)),
  );
  const seen = new Set<string>();
  const show = (file: string) => execFileSync('git', ['--git-dir', gitDir, 'show', `HEAD:${file}`], { encoding: 'utf8', maxBuffer: 64 << 20 });
  /** Whether a text is new (not a duplicate, not in an earlier split, not in NusaX); counts why not. */
  const counts = { dup: 0, nusax: 0 };
  const fresh = (text: string) => {
    const key = fold(text);
    if (seen.has(key)) {
      counts.dup++;
      return false;
    }
    seen.add(key);
    if (nusax.has(key)) {
      counts.nusax++;
      return false;
    }
    return true;
  };
  const write = (dir: string, name: string, lines: string[]) => {
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, name), lines.join('\n') + '\n');
  };
  const split = (file: string) => file.match(/(train|valid|test)_preprocess/)![1];

  // SmSA: the train split first, so a held-out row repeating a training row is left out of the test
  for (const [files, dir] of [[[SMSA_FILE], OUT_DIR], [SMSA_HELDOUT, HELDOUT_DIR]] as const) {
    const everyday: string[] = [];
    const queue: string[] = [];
    for (const file of files)
      for (const r of readSmsa(show(file))) {
        if (!fresh(r.text)) continue;
        const id = `smsa-${split(file)}-${r.line}`;
        if (ELECTION_WORDS.test(r.text)) queue.push(JSON.stringify({ id, text: r.text }));
        else everyday.push(everydayRow(id, r.text));
      }
    write(dir, 'smsa-everyday.jsonl', everyday);
    write(dir, 'smsa-to-label.jsonl', queue);
    console.log(`SmSA ${files.map(split).join('+')}: ${everyday.length} everyday rows, ${queue.length} rows to label`);
  }
  // POSP: news passages naming an election word, all to label (news is not assumed to be neutral)
  for (const [files, dir] of [[['train'], OUT_DIR], [['valid', 'test'], HELDOUT_DIR]] as const) {
    const queue: string[] = [];
    for (const f of files)
      for (const r of readPosp(show(`${POSP_DIR}/${f}_preprocess.txt`)))
        if (ELECTION_WORDS.test(r.text) && fresh(r.text)) queue.push(JSON.stringify({ id: `posp-${f}-${r.block}`, text: r.text }));
    write(dir, 'posp-to-label.jsonl', queue);
    console.log(`POSP ${files.join('+')}: ${queue.length} news passages to label`);
  }
  console.log(`IndoNLU ${commit}: ${counts.dup} duplicates and ${counts.nusax} NusaX texts left out`);
}

if (process.argv[1]?.endsWith('import-indonlu.ts')) main();
