/**
 * Renders the labelled reference-image set (tests/vision/references/): an agency's two
 * reference images (a campaign poster and a twibbon frame with a transparent middle) and the
 * copies a person might attach — the poster re-encoded, resized, cut down, with a border; the
 * frame laid over different photos (tests/vision/photos, MIT, and rendered pictures), re-encoded
 * and resized — plus look-alikes that must not match (another frame of the same layout in other
 * colours, another poster of the same style). labels.json says which reference each file should
 * match (null: none). The unrelated photos for the false-match rate are the other labelled sets.
 * The pack is then built from refs/ with the CLI:
 *
 *   npx tsx scripts/make-reference-photos.ts
 *   npx jaga-netral pack add-images tests/vision/references/pack-base.json tests/vision/references/refs \
 *     --entity paslon-02-2024 > tests/vision/references/pack.json
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';

const OUT = path.resolve('tests/vision/references');
const PHOTOS = path.resolve('tests/vision/photos');
const TEXT = path.resolve('tests/vision/text');
const dataUrl = (file: string) => `data:image/${file.endsWith('.png') ? 'png' : 'jpeg'};base64,${readFileSync(file).toString('base64')}`;

const POSTER = `<!doctype html><meta charset="utf-8"><style>body{margin:0;font-family:'DejaVu Sans',sans-serif}
.p{width:1000px;height:1250px;background:linear-gradient(180deg,#0b3d91,#1565c0 60%,#e3f2fd);color:#fff;position:relative;overflow:hidden}
.c{position:absolute;left:120px;top:260px;width:760px;height:600px;border-radius:380px 380px 40px 40px;background:radial-gradient(circle at 35% 40%,#ffe0b2,#8d6e63 70%)}
.n{position:absolute;right:60px;top:60px;width:200px;height:200px;border-radius:50%;background:#ffd600;color:#0b3d91;font-size:150px;font-weight:900;text-align:center;line-height:200px}
h1{position:absolute;left:60px;top:40px;margin:0;font-size:84px;font-weight:900}h2{position:absolute;left:0;right:0;bottom:150px;text-align:center;font-size:70px;margin:0;background:#b71c1c;padding:20px}
p{position:absolute;left:0;right:0;bottom:50px;text-align:center;font-size:44px;color:#0b3d91;margin:0}</style>
<div class=p><h1>PILPRES<br>2024</h1><div class=n>2</div><div class=c></div><h2>BERSAMA KITA MAJU</h2><p>Paslon Contoh Nomor Dua</p></div>`;

const frame = (c1: string, c2: string, text: string) => `<!doctype html><meta charset="utf-8"><style>html,body{margin:0;background:transparent;font-family:'DejaVu Sans',sans-serif}
.f{width:1080px;height:1080px;position:relative;overflow:hidden}
.top{position:absolute;left:0;right:0;top:0;height:170px;background:linear-gradient(90deg,${c1},${c2});color:#fff;font-size:78px;font-weight:900;text-align:center;line-height:170px}
.bot{position:absolute;left:0;right:0;bottom:0;height:230px;background:${c2};color:#fff;font-size:64px;font-weight:800;text-align:center;padding-top:36px}
.l,.r{position:absolute;top:170px;bottom:230px;width:70px;background:${c1}}.l{left:0}.r{right:0}
.n{position:absolute;left:50%;bottom:150px;margin-left:-90px;width:180px;height:180px;border-radius:50%;background:#ffd600;color:${c1};font-size:130px;font-weight:900;text-align:center;line-height:180px}</style>
<div class=f><div class=top>${text}</div><div class=l></div><div class=r></div><div class=bot>#BersamaNomorDua</div><div class=n>2</div></div>`;

async function shot(page: Page, html: string, w: number, h: number, type: 'png' | 'jpeg', quality?: number, transparent = false): Promise<Buffer> {
  await page.setViewportSize({ width: w, height: h });
  await page.setContent(html);
  return page.screenshot({ type, omitBackground: transparent, ...(type === 'jpeg' ? { quality: quality ?? 85 } : {}) });
}

/** Draws images with a canvas in the page: resize, crop, border, frame over photo, re-encode. */
async function compose(page: Page, layers: { src: string; sx?: number; sy?: number; sw?: number; sh?: number }[], w: number, h: number, type: string, quality: number, pad = 0): Promise<Buffer> {
  const b64 = await page.evaluate(
    async ({ layers, w, h, type, quality, pad }) => {
      const c = document.createElement('canvas');
      c.width = w;
      c.height = h;
      const ctx = c.getContext('2d')!;
      ctx.fillStyle = '#fff';
      ctx.fillRect(0, 0, w, h);
      for (const l of layers) {
        const img = new Image();
        img.src = l.src;
        await img.decode();
        const sw = l.sw ?? img.naturalWidth;
        const sh = l.sh ?? img.naturalHeight;
        ctx.drawImage(img, l.sx ?? 0, l.sy ?? 0, sw, sh, pad, pad, w - 2 * pad, h - 2 * pad);
      }
      return c.toDataURL(type, quality).split(',')[1]!;
    },
    { layers, w, h, type, quality, pad },
  );
  return Buffer.from(b64, 'base64');
}

async function main() {
  for (const d of ['refs', 'copies']) mkdirSync(path.join(OUT, d), { recursive: true });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  const labels: Record<string, { expect: string | null; how: string }> = {};
  try {
    const page = await browser.newPage();
    const poster = await shot(page, POSTER, 1000, 1250, 'png');
    const twibbon = await shot(page, frame('#0b3d91', '#b71c1c', 'SAYA DUKUNG NOMOR 2'), 1080, 1080, 'png', undefined, true);
    const otherFrame = await shot(page, frame('#1b5e20', '#f9a825', 'KAMI BERSAMA RAKYAT'), 1080, 1080, 'png', undefined, true);
    writeFileSync(path.join(OUT, 'refs', 'poster-paslon-contoh-2.png'), poster);
    writeFileSync(path.join(OUT, 'refs', 'twibbon-paslon-contoh-2.png'), twibbon);
    const P = `data:image/png;base64,${poster.toString('base64')}`;
    const T = `data:image/png;base64,${twibbon.toString('base64')}`;
    const O = `data:image/png;base64,${otherFrame.toString('base64')}`;
    await page.setContent('<!doctype html><body></body>');
    const save = (name: string, bytes: Buffer, expect: string | null, how: string) => {
      writeFileSync(path.join(OUT, 'copies', name), bytes);
      labels[name] = { expect, how };
    };
    const POSTER_ID = 'ref-poster-paslon-contoh-2';
    const FRAME_ID = 'ref-twibbon-paslon-contoh-2';
    save('poster-jpeg-q40.jpg', await compose(page, [{ src: P }], 1000, 1250, 'image/jpeg', 0.4), POSTER_ID, 're-encoded, JPEG quality 40');
    save('poster-half-size.jpg', await compose(page, [{ src: P }], 500, 625, 'image/jpeg', 0.8), POSTER_ID, 'resized to 50%');
    save('poster-small-320.jpg', await compose(page, [{ src: P }], 320, 400, 'image/jpeg', 0.7), POSTER_ID, 'resized to 320 px wide');
    save('poster-crop-6pct.jpg', await compose(page, [{ src: P, sx: 60, sy: 75, sw: 880, sh: 1100 }], 880, 1100, 'image/jpeg', 0.85), POSTER_ID, '6% cut from every side');
    save('poster-crop-top-10pct.jpg', await compose(page, [{ src: P, sx: 0, sy: 125, sw: 1000, sh: 1125 }], 1000, 1125, 'image/jpeg', 0.85), POSTER_ID, 'top 10% cut');
    save('poster-white-border.jpg', await compose(page, [{ src: P }], 1100, 1375, 'image/jpeg', 0.85, 50), POSTER_ID, 'a 5% white border added');
    save('poster-squashed.jpg', await compose(page, [{ src: P }], 1000, 1000, 'image/jpeg', 0.85), POSTER_ID, 'squashed to a square');
    const bases = [
      path.join(PHOTOS, 'fingerpose-fullcurl.jpg'),
      path.join(PHOTOS, 'fingerpose-nocurl.jpg'),
      path.join(PHOTOS, 'fingerpose-gif-frame03.png'),
      path.join(TEXT, 'photo-no-text-busy.jpg'),
      path.join(TEXT, 'greeting-idul-fitri.jpg'),
    ];
    for (const [i, b] of bases.entries()) {
      save(`twibbon-over-photo-${i + 1}.jpg`, await compose(page, [{ src: dataUrl(b) }, { src: T }], 1080, 1080, 'image/jpeg', 0.85), FRAME_ID, `frame over ${path.basename(b)}`);
    }
    save('twibbon-over-photo-small.jpg', await compose(page, [{ src: dataUrl(bases[0]!) }, { src: T }], 480, 480, 'image/jpeg', 0.6), FRAME_ID, 'frame over a photo, 480 px, JPEG 60');
    // look-alikes: must match nothing
    save('other-frame-over-photo.jpg', await compose(page, [{ src: dataUrl(bases[0]!) }, { src: O }], 1080, 1080, 'image/jpeg', 0.85), null, 'another frame, same layout, other colours and words');
    const otherPoster = POSTER.replace(/#0b3d91/g, '#4a148c').replace(/#1565c0/g, '#7b1fa2').replace(/#e3f2fd/g, '#f3e5f5').replace(/#b71c1c/g, '#00695c').replace('>2<', '>5<').replace('BERSAMA KITA MAJU', 'GOTONG ROYONG');
    save('other-poster-same-layout.jpg', await shot(page, otherPoster, 1000, 1250, 'jpeg', 85), null, 'another poster, same layout, other colours, number and slogan');
    const nearCopy = POSTER.replace('>2<', '>5<').replace('BERSAMA KITA MAJU', 'GOTONG ROYONG');
    save('near-copy-number-changed.jpg', await shot(page, nearCopy, 1000, 1250, 'jpeg', 85), null, 'the same poster with only the number and the slogan changed');
  } finally {
    await browser.close();
  }
  writeFileSync(path.join(OUT, 'labels.json'), `${JSON.stringify({ $comment: 'Written by scripts/make-reference-photos.ts; expect: the reference id the copy should match, null for none', labels }, null, 1)}\n`);
  console.log(`wrote ${Object.keys(labels).length} copies and 2 references to ${OUT}`);
}

await main();
