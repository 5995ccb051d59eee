/** `jaga-netral scan-images`: the CLI contract (one JSON line per file), with the real engine. */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scanImagesMain } from '../../cli/scan-images';
import { packAddImagesMain } from '../../cli/pack-images';
import { ROOT_DIR } from './harness';

const REFS_PACK = path.join(ROOT_DIR, 'tests/vision/references/pack.json');
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'jn-scan-'));
  copyFileSync(path.join(ROOT_DIR, 'tests/vision/photos/fingerpose-gif-frame15.png'), path.join(dir, 'a-jempol.png'));
  copyFileSync(path.join(ROOT_DIR, 'tests/vision/photos/fingerpose-fullcurl.jpg'), path.join(dir, 'b-kepal.jpg'));
  writeFileSync(path.join(dir, 'c-rusak.jpg'), Buffer.from('not an image at all'));
  copyFileSync(path.join(ROOT_DIR, 'tests/vision/text/poster-coblos-nomor-2.jpg'), path.join(dir, 'd-poster.jpg'));
  copyFileSync(path.join(ROOT_DIR, 'tests/vision/references/copies/twibbon-over-photo-2.jpg'), path.join(dir, 'e-twibbon.jpg'));
  // a poster whose lettering the OCR reads broken ("AYO PILI ANIES MUHAIM"): no rule fires, the learned stage does
  copyFileSync(path.join(ROOT_DIR, 'tests/vision/text/poster-pilih-amin-busy.jpg'), path.join(dir, 'f-busy.jpg'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('scan-images', () => {
  it('prints one JSON line per file, in name order, with hands, verdict and findings', async () => {
    const lines: string[] = [];
    const code = await scanImagesMain([dir, '--pack', path.join(ROOT_DIR, 'docs/examples/pilkada-contoh.json'), '--pack', REFS_PACK], (l) => lines.push(l));
    expect(code).toBe(0);
    const rows = lines.map((l) => JSON.parse(l));
    expect(rows.map((r) => r.file)).toEqual(['a-jempol.png', 'b-kepal.jpg', 'c-rusak.jpg', 'd-poster.jpg', 'e-twibbon.jpg', 'f-busy.jpg']);
    const [thumb, fist, bad, poster, twibbon, busy] = rows;
    expect(thumb.hands).toHaveLength(1);
    expect(Object.keys(thumb.hands[0]).sort()).toEqual(['box', 'count', 'fingers', 'gesture', 'score']);
    expect(thumb.hands[0]).toMatchObject({ gesture: 'thumb', fingers: ['thumb'], count: 1 });
    expect(thumb.hands[0].box).toHaveLength(4);
    expect(thumb.verdict).toBe('violation');
    expect(thumb.findings[0]).toMatchObject({ kind: 'pose', rule: 'pose-jari-nomor-urut', ref: 'R04', numbers: [1], box: thumb.hands[0].box });
    expect(thumb.text).toBe('');
    expect(fist).toMatchObject({ verdict: 'ok', findings: [] });
    expect(fist.hands[0].gesture).toBe('fist');
    expect(bad).toMatchObject({ hands: [], verdict: 'ok', problem: 'unsupported-format' });
    // text in the photo: same line, kind "text", the words read and their box
    expect(poster.verdict).toBe('violation');
    expect(poster.text.toLowerCase()).toContain('coblos nomor 2');
    const call = poster.findings.find((f: { rule: string }) => f.rule === 'ajakan-coblos-nomor');
    expect(call).toMatchObject({ kind: 'text', severity: 'violation', ref: 'R02' });
    expect(call.words.toLowerCase()).toBe('coblos nomor 2');
    expect(call.boxes).toHaveLength(3);
    const [x, y, w, h] = call.box;
    expect(x).toBeLessThan(300);
    expect(x + w).toBeGreaterThan(780);
    expect(y).toBeGreaterThan(250);
    expect(y + h).toBeLessThan(540);
    // an agency's twibbon frame laid over a photo: kind "reference", with its label and ticket
    const ref = twibbon.findings.find((f: { kind: string }) => f.kind === 'reference');
    expect(ref).toMatchObject({
      rule: 'gambar-rujukan-instansi',
      ref: 'R05',
      reference: { id: 'ref-twibbon-paslon-contoh-2', how: 'frame' },
      entity: { id: 'paslon-02-2024' },
    });
    expect(ref.box).toHaveLength(4);
    expect(poster.findings.some((f: { kind: string }) => f.kind === 'reference')).toBe(false);
    // the text read in a photo goes through the same detector as typed text: the rules, then the model
    expect(busy.verdict).not.toBe('ok');
    const learned = busy.findings.find((f: { rule: string }) => f.rule.startsWith('model-'));
    expect(learned).toMatchObject({ kind: 'text' });
    expect(learned.boxes.length).toBeGreaterThan(0);
  });

  it('refuses bad arguments with a usage line (exit 2)', async () => {
    expect(await scanImagesMain([])).toBe(2);
    expect(await scanImagesMain([path.join(dir, 'nope')])).toBe(2);
    expect(await scanImagesMain([dir, '--pack'])).toBe(2);
    expect(await scanImagesMain([dir, '--frobnicate'])).toBe(2);
  });

  it('runs from the jaga-netral command', () => {
    const r = spawnSync(process.execPath, [path.join(ROOT_DIR, 'bin/jaga-netral.mjs'), 'scan-images', dir], { encoding: 'utf8', timeout: 120_000 });
    expect(r.status).toBe(0);
    expect(r.stdout.trim().split('\n').map((l) => JSON.parse(l).file)).toEqual(['a-jempol.png', 'b-kepal.jpg', 'c-rusak.jpg', 'd-poster.jpg', 'e-twibbon.jpg', 'f-busy.jpg']);
  });

  it('pack add-images: fingerprints of the reference images (the committed example pack), never their bytes', async () => {
    let out = '';
    const io = { stdout: { write: (s: string) => (out += s) }, stderr: { write: () => true } };
    const refs = path.join(ROOT_DIR, 'tests/vision/references');
    const code = await packAddImagesMain([path.join(refs, 'pack-base.json'), path.join(refs, 'refs'), '--entity', 'paslon-02-2024'], io);
    expect(code).toBe(0);
    const pack = JSON.parse(out);
    expect(pack.references.map((r: { id: string; kind: string }) => `${r.id}:${r.kind}`)).toEqual(['ref-poster-paslon-contoh-2:image', 'ref-twibbon-paslon-contoh-2:frame']);
    expect(pack).toEqual(JSON.parse(readFileSync(REFS_PACK, 'utf8')));
    expect(out.length).toBeLessThan(4000);
    expect(await packAddImagesMain([path.join(refs, 'pack-base.json'), path.join(refs, 'refs'), '--entity', 'nobody'], io)).toBe(1);
    expect(await packAddImagesMain([path.join(refs, 'pack-base.json')], io)).toBe(2);
  });
});
