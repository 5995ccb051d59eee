/** `jaga-netral scan-images`: the CLI contract (one JSON line per file), with the real engine. */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scanImagesMain } from '../../cli/scan-images';
import { packAddImagesMain } from '../../cli/pack-images';
import { chromium } from 'playwright-core';
import { CHROMIUM_PATH, ROOT_DIR } from './harness';

const REFS_PACK = path.join(ROOT_DIR, 'tests/vision/references/pack.json');
let dir: string;
/**
 * A poster of praise with no call and no number: no rule fires on its words, the learned stage
 * does. Drawn here (large clean lettering on a gradient) so that what is tested is the path from
 * the words read to the model, not one OCR misreading of a busy picture.
 */
async function drawPraisePoster(file: string): Promise<void> {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--no-sandbox'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1080, height: 1080 } });
    await page.setContent(
      `<!doctype html><meta charset="utf-8"><body style="margin:0;width:1080px;height:1080px;display:flex;flex-direction:column;justify-content:center;align-items:center;gap:40px;background:linear-gradient(160deg,#b71c1c,#e53935);font:900 110px 'DejaVu Sans',sans-serif;color:#fff;text-align:center">
      <div>GANJAR</div><div>PRESIDEN IDAMAN</div><div>RAKYAT</div></body>`,
    );
    await page.screenshot({ path: file, type: 'jpeg', quality: 85 });
  } finally {
    await browser.close();
  }
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'jn-scan-'));
  copyFileSync(path.join(ROOT_DIR, 'tests/vision/photos/fingerpose-gif-frame15.png'), path.join(dir, 'a-jempol.png'));
  copyFileSync(path.join(ROOT_DIR, 'tests/vision/photos/fingerpose-fullcurl.jpg'), path.join(dir, 'b-kepal.jpg'));
  writeFileSync(path.join(dir, 'c-rusak.jpg'), Buffer.from('not an image at all'));
  copyFileSync(path.join(ROOT_DIR, 'tests/vision/text/poster-coblos-nomor-2.jpg'), path.join(dir, 'd-poster.jpg'));
  copyFileSync(path.join(ROOT_DIR, 'tests/vision/references/copies/twibbon-over-photo-2.jpg'), path.join(dir, 'e-twibbon.jpg'));
  await drawPraisePoster(path.join(dir, 'f-praise.jpg'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('scan-images', () => {
  it('prints one JSON line per file, in name order, with hands, verdict and findings', async () => {
    const lines: string[] = [];
    const code = await scanImagesMain([dir, '--pack', path.join(ROOT_DIR, 'docs/examples/pilkada-contoh.json'), '--pack', REFS_PACK], (l) => lines.push(l));
    expect(code).toBe(0);
    const rows = lines.map((l) => JSON.parse(l));
    expect(rows.map((r) => r.file)).toEqual(['a-jempol.png', 'b-kepal.jpg', 'c-rusak.jpg', 'd-poster.jpg', 'e-twibbon.jpg', 'f-praise.jpg']);
    const [thumb, fist, bad, poster, twibbon, praise] = rows;
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
    expect(praise.text.toLowerCase()).toContain('presiden idaman');
    expect(praise.verdict).not.toBe('ok');
    expect(praise.findings.every((f: { rule: string }) => f.rule.startsWith('model-'))).toBe(true);
    const learned = praise.findings.find((f: { rule: string }) => f.rule.startsWith('model-'));
    expect(learned).toMatchObject({ kind: 'text', rule: 'model-dukungan' });
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
    expect(r.stdout.trim().split('\n').map((l) => JSON.parse(l).file)).toEqual(['a-jempol.png', 'b-kepal.jpg', 'c-rusak.jpg', 'd-poster.jpg', 'e-twibbon.jpg', 'f-praise.jpg']);
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
