/**
 * `jaga-netral scan-images DIR [--pack FILE]...`
 *
 * Runs the real photo engine (hands and text) in headless Chromium on every image in DIR (not
 * recursive) and prints one JSON line per file, in file-name order:
 *
 *   {"file": "…", "hands": [{"gesture": "…", "fingers": ["thumb", …], "count": N, "score": X,
 *    "box": [x, y, w, h]}], "text": "the words read", "verdict": "violation"|"caution"|"ok",
 *    "findings": [{"kind": "pose"|"text"|"reference", "rule": …, "box": [x, y, w, h],
 *    "boxes": [[x, y, w, h], …], "words": "…" (text), …}]}
 *
 * plus "problem" when a file could not be (fully) checked. Boxes are in the pixels of the image as
 * analysed (longest side at most 1280). Findings come from the national pack and each --pack
 * (validated like the extension does): the ballot numbers in play for poses, the rules for text. Exit code: 0 done, 2 bad arguments.
 * A file that can't be read or decoded is reported on its own line; it never stops the scan.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { createEngine } from '../lib/packs';
import { withShippedModel } from '../lib/model/node';
import { imageFindings, numbersInPlay } from '../lib/vision/findings';
import { referenceSet } from '../lib/vision/references';
import type { Box, ImageAnalysis } from '../lib/vision/types';
import { openHeadlessEngine } from '../vision/headless';

/** The smallest box holding all of a finding's boxes. */
function unionBox(boxes: readonly Box[]): Box | null {
  if (!boxes.length) return null;
  const x0 = Math.min(...boxes.map((b) => b[0]));
  const y0 = Math.min(...boxes.map((b) => b[1]));
  const x1 = Math.max(...boxes.map((b) => b[0] + b[2]));
  const y1 = Math.max(...boxes.map((b) => b[1] + b[3]));
  return [x0, y0, x1 - x0, y1 - y0];
}

/** Files larger than this are not read into memory (reported as too-large). */
const MAX_FILE_BYTES = 64 * 1024 * 1024;

const USAGE = 'usage: jaga-netral scan-images DIR [--pack FILE]...';

export async function scanImagesMain(argv: string[], out: (line: string) => void = (l) => process.stdout.write(`${l}\n`)): Promise<number> {
  let dir: string | undefined;
  const packFiles: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--pack') {
      const f = argv[++i];
      if (!f) return fail('--pack needs a FILE');
      packFiles.push(f);
    } else if (a === '-h' || a === '--help') {
      out(USAGE);
      return 0;
    } else if (a.startsWith('-')) return fail(`unknown option ${a}`);
    else if (dir) return fail('only one DIR');
    else dir = a;
  }
  if (!dir) return fail('missing DIR');
  let files: string[];
  try {
    if (!statSync(dir).isDirectory()) return fail(`${dir} is not a directory`);
    files = readdirSync(dir)
      .filter((f) => statSync(path.join(dir!, f)).isFile())
      .sort();
  } catch (err) {
    return fail(`cannot read ${dir}: ${(err as Error).message}`);
  }
  let packs: unknown[];
  try {
    packs = packFiles.map((f) => JSON.parse(readFileSync(f, 'utf8')) as unknown);
  } catch (err) {
    return fail(`cannot read pack: ${(err as Error).message}`);
  }
  let inPlay;
  let rules;
  let references;
  try {
    // the text read in a photo is judged as `scan` judges typed text: the rules, then the shipped model
    rules = withShippedModel(createEngine(packs));
    inPlay = numbersInPlay(rules.packs);
    references = referenceSet(rules.packs);
  } catch (err) {
    return fail(`invalid pack: ${(err as Error).message}`);
  }

  const engine = await openHeadlessEngine();
  try {
    for (const file of files) {
      const full = path.join(dir, file);
      let analysis: ImageAnalysis;
      const size = statSync(full).size;
      if (size > MAX_FILE_BYTES) analysis = { width: 0, height: 0, hands: [], problem: 'too-large', detail: `${size} bytes` };
      else {
        try {
          analysis = await engine.analyse(new Uint8Array(readFileSync(full)));
        } catch (err) {
          analysis = { width: 0, height: 0, hands: [], problem: 'engine-failed', detail: (err as Error).message.split('\n')[0] };
        }
      }
      const { verdict, findings } = imageFindings([{ name: file, analysis }], inPlay, { engine: rules, references });
      out(
        JSON.stringify({
          file,
          hands: analysis.hands.map(({ gesture, fingers, count, score, box }) => ({ gesture, fingers, count, score, box })),
          text: analysis.text?.text ?? '',
          verdict,
          findings: findings.map((f) => ({ ...f, box: unionBox(f.boxes), ...(f.text ? { words: f.text.words } : {}) })),
          ...(analysis.problem ? { problem: analysis.problem } : {}),
        }),
      );
    }
  } finally {
    await engine.close();
  }
  return 0;

  function fail(msg: string): number {
    process.stderr.write(`scan-images: ${msg}\n${USAGE}\n`);
    return 2;
  }
}
