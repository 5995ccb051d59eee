/**
 * jaga-netral: the engine from the command line, for admins testing a pack before rollout and for
 * checking the engine from outside. This interface is a contract: keep it stable.
 *
 *   jaga-netral scan [--pack FILE]...        JSON Lines {"id","text"} on stdin → one verdict line per input
 *   jaga-netral pack validate FILE           check a rule pack (on top of the national pack)
 *   jaga-netral pack build --csv FILE        candidate list (CSV) → regional pack on stdout
 *   jaga-netral pack add-images PACK DIR     reference images (fingerprints only) into a pack, on stdout
 *   jaga-netral scan-images DIR [--pack FILE]...   hand poses and text in photos (headless Chromium)
 *
 * Exit codes: 0 ok; 1 bad input (a bad line, an invalid pack); 2 usage error.
 */
import { readFileSync, existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { createEngine, nationalPack } from '../lib/packs';
import { withShippedModel } from '../lib/model/node';
import { buildRegionalPack, CsvError, parseCandidateCsv } from '../lib/packs/regional';
import { compilePacks, PackCompileError, type Engine } from '../lib/rules/engine';
import { contextOf, formatErrors, parseAndValidatePack } from '../lib/rules/validate';
import type { RulePack } from '../lib/rules/types';
import { AdminInputError, AdminUsageError, packKeygen, packSign, packVerify, policyCheck } from './admin';

export const USAGE = `jaga-netral — ASN election-neutrality checker (Jaga Netral)

Usage:
  jaga-netral scan [--pack FILE]...
      Read JSON Lines {"id": …, "text": "…"} on stdin; write one line per input, in order:
      {"id": …, "verdict": "violation"|"caution"|"ok", "findings": [{"rule", "severity", "start", "end",
      "evidence", "why", "ref", "source"}]}. start/end are UTF-16 offsets into text. The national pack is
      always loaded; each --pack adds a regional or agency pack on top.
  jaga-netral pack validate FILE
      Check a rule pack (validated on top of the national pack). Prints one line per problem.
  jaga-netral pack build --csv FILE [--id ID] [--version V]
      Turn a candidate list into a regional pack (JSON on stdout). CSV header:
      election,region,number,candidate,running_mate,aliases   (aliases separated by |)
  jaga-netral pack add-images PACK DIR [--entity ID] [--ref KEY]
      Add the images in DIR to PACK as agency reference images (perceptual fingerprints, never the
      bytes; a PNG with a transparent middle is a twibbon frame) and print the pack (JSON on stdout).
  jaga-netral scan-images DIR [--pack FILE]...
      Check every image in DIR for candidate-number hand poses and campaign text (headless Chromium).
  jaga-netral pack keygen --out NAME
      New Ed25519 key pair for signing packs: NAME.key (private) and NAME.pub (the policy's packPublicKey).
  jaga-netral pack sign FILE --key NAME.key
      Validate FILE and write FILE.sig: base64 Ed25519 signature over FILE's exact bytes.
  jaga-netral pack verify FILE --public-key KEY
      Check FILE against FILE.sig (KEY: base64, or a .pub file).
  jaga-netral policy check FILE
      Check an agency policy (Chrome/Edge JSON, Firefox policies.json, or the bare settings), inline packs included.
  jaga-netral --help | --version

Exit codes: 0 ok, 1 bad input (reported on stderr, one line each), 2 usage error.`;

interface Io {
  stdin: NodeJS.ReadableStream;
  stdout: { write(s: string): unknown };
  stderr: { write(s: string): unknown };
}

class UsageError extends Error {}

/** Pull repeated `--name VALUE` (or --name=VALUE) options out of argv. */
function takeOption(argv: string[], name: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; ) {
    const a = argv[i]!;
    if (a === `--${name}`) {
      const v = argv[i + 1];
      if (v === undefined || v.startsWith('--')) throw new UsageError(`--${name} needs a value`);
      out.push(v);
      argv.splice(i, 2);
    } else if (a.startsWith(`--${name}=`)) {
      out.push(a.slice(name.length + 3));
      argv.splice(i, 1);
    } else i++;
  }
  return out;
}

function readText(file: string): string {
  if (!existsSync(file)) throw new InputError(`${file}: no such file`);
  return readFileSync(file, 'utf8');
}

class InputError extends Error {}

/** Load packs on top of the national one, validating each against what is loaded before it. */
function loadPacks(files: string[]): RulePack[] {
  const loaded: RulePack[] = [nationalPack];
  for (const f of files) {
    const r = parseAndValidatePack(readText(f), contextOf(loaded));
    if (!r.ok) throw new InputError(r.errors.map((e) => `${f}: ${e.path}: ${e.message}`).join('\n'));
    loaded.push(r.pack);
  }
  return loaded.slice(1);
}

async function scan(argv: string[], io: Io): Promise<number> {
  const packFiles = takeOption(argv, 'pack');
  if (argv.length) throw new UsageError(`scan: unexpected argument '${argv[0]}'`);
  let engine: Engine;
  try {
    engine = withShippedModel(createEngine(loadPacks(packFiles)));
  } catch (e) {
    if (e instanceof PackCompileError) throw new InputError(e.message);
    throw e;
  }
  let bad = 0;
  let n = 0;
  const rl = createInterface({ input: io.stdin, crlfDelay: Infinity });
  for await (const raw of rl) {
    n++;
    const line = raw.trim();
    if (!line) continue;
    let item: unknown;
    try {
      item = JSON.parse(line);
    } catch (e) {
      bad++;
      io.stderr.write(`line ${n}: not valid JSON: ${(e as Error).message}\n`);
      continue;
    }
    if (typeof item !== 'object' || item === null || Array.isArray(item) || typeof (item as { text?: unknown }).text !== 'string') {
      bad++;
      io.stderr.write(`line ${n}: expected an object with a "text" string\n`);
      continue;
    }
    const { id = null, text } = item as { id?: unknown; text: string };
    const a = engine.analyze(text);
    io.stdout.write(
      JSON.stringify({
        id,
        verdict: a.verdict,
        findings: a.findings.map((f) => ({
          rule: f.rule,
          severity: f.severity,
          start: f.start,
          end: f.end,
          evidence: f.evidence,
          why: f.why.id,
          ref: f.ref,
          source: f.source,
        })),
      }) + '\n',
    );
  }
  if (bad) io.stderr.write(`${bad} line(s) skipped\n`);
  return bad ? 1 : 0;
}

function packValidate(argv: string[], io: Io): number {
  if (argv.length !== 1) throw new UsageError('pack validate takes one FILE');
  const file = argv[0]!;
  const text = readText(file);
  // the national pack itself is checked alone; any other pack on top of it, as the extension loads it
  const isNational = (() => {
    try {
      return (JSON.parse(text) as { id?: unknown }).id === nationalPack.id;
    } catch {
      return false;
    }
  })();
  const r = parseAndValidatePack(text, isNational ? {} : contextOf([nationalPack]));
  if (!r.ok) {
    for (const e of r.errors) io.stderr.write(`${file}: ${e.path}: ${e.message}\n`);
    return 1;
  }
  try {
    if (isNational) compilePacks([r.pack]);
    else createEngine([r.pack]);
  } catch (e) {
    io.stderr.write(`${file}: ${(e as Error).message}\n`);
    return 1;
  }
  const p = r.pack;
  // valid, but a pack author should see what will not match as written
  for (const w of r.warnings) io.stderr.write(`${file}: warning: ${w.path}: ${w.message}\n`);
  io.stdout.write(
    `ok: ${p.id} ${p.version} — ${p.entities?.length ?? 0} entities, ${p.rules?.length ?? 0} rules, ${Object.keys(p.lexicon ?? {}).length} word classes, ${p.contexts?.length ?? 0} contexts\n`,
  );
  return 0;
}

function packBuild(argv: string[], io: Io): number {
  const csv = takeOption(argv, 'csv');
  const id = takeOption(argv, 'id');
  const version = takeOption(argv, 'version');
  if (csv.length !== 1 || argv.length) throw new UsageError('pack build takes --csv FILE (and optionally --id ID, --version V)');
  const file = csv[0]!;
  let rows;
  try {
    rows = parseCandidateCsv(readText(file));
  } catch (e) {
    if (e instanceof CsvError) throw new InputError(`${file}:${e.line}: ${e.message}`);
    throw e;
  }
  if (!rows.length) throw new InputError(`${file}: no candidates below the header`);
  const pack = buildRegionalPack(rows, { id: id[0], version: version[0] });
  const r = parseAndValidatePack(JSON.stringify(pack), contextOf([nationalPack]));
  if (!r.ok) throw new InputError(r.errors.map((e) => `${file}: the built pack is invalid: ${e.path}: ${e.message}`).join('\n'));
  io.stdout.write(JSON.stringify(pack, null, 2) + '\n');
  return 0;
}

async function packAddImages(argv: string[], io: Io): Promise<number> {
  const modPath = '../cli/pack-images.ts';
  let mod: { packAddImagesMain?: (argv: string[], io: Io) => Promise<number> };
  try {
    mod = await import(/* @vite-ignore */ modPath);
  } catch {
    throw new InputError('pack add-images is not available in this build');
  }
  if (!mod.packAddImagesMain) throw new InputError('pack add-images is not available in this build');
  return mod.packAddImagesMain(argv, io);
}

async function scanImages(argv: string[]): Promise<number> {
  const modPath = '../cli/scan-images.ts';
  let mod: { scanImagesMain?: (argv: string[]) => Promise<number> };
  try {
    mod = await import(/* @vite-ignore */ modPath);
  } catch {
    throw new InputError('scan-images is not available in this build');
  }
  if (!mod.scanImagesMain) throw new InputError('scan-images is not available in this build');
  return mod.scanImagesMain(argv);
}

export async function main(args: string[], io: Io = process): Promise<number> {
  const argv = [...args];
  try {
    const cmd = argv.shift();
    if (!cmd || cmd === '--help' || cmd === '-h' || cmd === 'help') {
      (cmd ? io.stdout : io.stderr).write(USAGE + '\n');
      return cmd ? 0 : 2;
    }
    if (cmd === '--version' || cmd === '-v') {
      const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
      io.stdout.write(`jaga-netral ${pkg.version} (national pack ${nationalPack.id} ${nationalPack.version})\n`);
      return 0;
    }
    if (cmd === 'scan') return await scan(argv, io);
    if (cmd === 'scan-images') return await scanImages(argv);
    if (cmd === 'pack') {
      const sub = argv.shift();
      if (sub === 'validate') return packValidate(argv, io);
      if (sub === 'build') return packBuild(argv, io);
      if (sub === 'add-images') return await packAddImages(argv, io);
      if (sub === 'keygen') return await packKeygen(argv, io);
      if (sub === 'sign') return await packSign(argv, io);
      if (sub === 'verify') return await packVerify(argv, io);
      throw new UsageError(sub ? `unknown pack command '${sub}' (validate, build, add-images, keygen, sign, verify)` : 'pack needs a command: validate, build, add-images, keygen, sign or verify');
    }
    if (cmd === 'policy') {
      const sub = argv.shift();
      if (sub === 'check') return policyCheck(argv, io);
      throw new UsageError('policy needs a command: check');
    }
    throw new UsageError(`unknown command '${cmd}'`);
  } catch (e) {
    if (e instanceof UsageError || e instanceof AdminUsageError) {
      io.stderr.write(`jaga-netral: ${e.message}\nRun 'jaga-netral --help' for usage.\n`);
      return 2;
    }
    if (e instanceof InputError || e instanceof AdminInputError) {
      io.stderr.write(`${e.message}\n`);
      return 1;
    }
    throw e;
  }
}
