/**
 * `jaga-netral pack add-images PACK DIR [--entity ID] [--ref KEY]`
 *
 * Adds the images in DIR (not recursive) to PACK as reference images and prints the pack on
 * stdout. Only fingerprints go into the pack (lib/vision/phash.ts), never the image bytes: a PNG
 * whose middle is transparent becomes a "frame" (a twibbon: matched when laid over any photo),
 * anything else an "image" (matched whole, re-encoded, resized or cut down a little). The label is
 * the file name ("twibbon-paslon-2.png" → "twibbon paslon 2"); --entity ties them to a ticket,
 * candidate or party of the packs, --ref to a legal reference key. The images are decoded by the
 * same code as attached photos are, in headless Chromium. Exit: 0 done, 1 bad input, 2 usage.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { nationalPack } from '../lib/packs';
import { contextOf, formatErrors, validatePack } from '../lib/rules/validate';
import type { ReferenceImage, RulePack } from '../lib/rules/types';
import { isFrame } from '../lib/vision/phash';
import { openHeadlessEngine } from '../vision/headless';

const USAGE = 'usage: jaga-netral pack add-images PACK DIR [--entity ID] [--ref KEY]';
const IMAGE = /\.(png|jpe?g|webp|gif|bmp)$/i;

interface Io {
  stdout: { write(s: string): unknown };
  stderr: { write(s: string): unknown };
}

const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 56) || 'gambar';

export async function packAddImagesMain(argv: string[], io: Io = process): Promise<number> {
  const pos: string[] = [];
  let entity: string | undefined;
  let ref: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--entity' || a === '--ref') {
      const v = argv[++i];
      if (!v) return usage(`${a} needs a value`);
      if (a === '--entity') entity = v;
      else ref = v;
    } else if (a.startsWith('-')) return usage(`unknown option ${a}`);
    else pos.push(a);
  }
  if (pos.length !== 2) return usage('needs PACK and DIR');
  const [packFile, dir] = pos as [string, string];
  let pack: RulePack;
  try {
    pack = JSON.parse(readFileSync(packFile, 'utf8')) as RulePack;
  } catch (e) {
    io.stderr.write(`${packFile}: ${(e as Error).message}\n`);
    return 1;
  }
  let files: string[];
  try {
    files = readdirSync(dir)
      .filter((f) => IMAGE.test(f) && statSync(path.join(dir, f)).isFile())
      .sort();
  } catch (e) {
    io.stderr.write(`${dir}: ${(e as Error).message}\n`);
    return 1;
  }
  if (!files.length) {
    io.stderr.write(`${dir}: no images (png, jpg, webp, gif, bmp)\n`);
    return 1;
  }
  const taken = new Set((pack.references ?? []).map((r) => r.id));
  const added: ReferenceImage[] = [];
  const engine = await openHeadlessEngine();
  try {
    for (const f of files) {
      let fp;
      try {
        fp = await engine.fingerprint(new Uint8Array(readFileSync(path.join(dir, f))), 'reference');
      } catch (e) {
        io.stderr.write(`${path.join(dir, f)}: cannot decode (${(e as Error).message.split('\n')[0]})\n`);
        return 1;
      }
      const base = f.replace(IMAGE, '');
      let id = `ref-${slug(base)}`;
      for (let n = 2; taken.has(id); n++) id = `ref-${slug(base)}-${n}`;
      taken.add(id);
      const frame = isFrame(fp.grid);
      added.push({
        id,
        label: base.replace(/[-_]+/g, ' ').trim(),
        ...(entity ? { entity } : {}),
        ...(ref ? { ref } : {}),
        kind: frame ? 'frame' : 'image',
        ...(frame ? { grid: fp.grid } : { phash: fp.phash, hist: fp.hist }),
      });
    }
  } finally {
    await engine.close();
  }
  const out = { ...pack, references: [...(pack.references ?? []), ...added] };
  const r = validatePack(out, pack.id === nationalPack.id ? {} : contextOf([nationalPack]));
  if (!r.ok) {
    io.stderr.write(`${packFile}: the pack with the images is invalid:\n${formatErrors(r.errors)}\n`);
    return 1;
  }
  io.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
  return 0;

  function usage(msg: string): number {
    io.stderr.write(`pack add-images: ${msg}\n${USAGE}\n`);
    return 2;
  }
}
