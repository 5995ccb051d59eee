/**
 * Renders the labelled text-in-photo set (tests/vision/text/): posters, banners, twibbon bands,
 * screenshots of posts, memes, greeting cards, office notices, price lists and election news,
 * drawn as HTML by headless Chromium and saved as JPEG or PNG. Busy backgrounds, colours and
 * slight rotations are part of the designs; a few lay the text over the fingerpose photos
 * (tests/vision/photos, MIT) as a twibbon would. Labels (expected verdict, the words a finding
 * must hold) are written next to the images in labels.json; the card is tests/vision/text/CARD.md.
 *
 *   npx tsx scripts/make-text-photos.ts      (deterministic: same HTML, same pixels per Chromium)
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';

const OUT = path.resolve('tests/vision/text');
const PHOTOS = path.resolve('tests/vision/photos');

export interface TextPhotoLabel {
  /** What the rule engine should say about the text read. */
  verdict: 'violation' | 'caution' | 'ok';
  /** Words a finding's evidence must contain (lower case), for violation/caution. */
  words?: string[];
  kind: string;
  note?: string;
}

interface Design {
  file: string;
  size: [number, number];
  html: string;
  label: TextPhotoLabel;
}

const photo = (f: string) => `data:image/${f.endsWith('.png') ? 'png' : 'jpeg'};base64,${readFileSync(path.join(PHOTOS, f)).toString('base64')}`;
const noise = (seed: number) =>
  `<canvas id=n width=1080 height=1080 style="position:absolute;inset:0;width:100%;height:100%"></canvas><script>
  let s=${seed};const r=()=>(s=(s*16807)%2147483647)/2147483647;const c=document.getElementById('n').getContext('2d');
  for(let i=0;i<2500;i++){c.fillStyle='hsl('+Math.floor(r()*360)+',55%,'+Math.floor(25+r()*50)+'%)';c.beginPath();c.arc(r()*1080,r()*1080,4+r()*38,0,7);c.fill()}</script>`;
/**
 * Meme lettering: a top and a bottom line in letters with a thick dark outline drawn behind the
 * fill (paint-order), as meme makers draw Impact, over a picture.
 */
const meme = (bg: string, top: string, bottom: string, o: { font: string; size: number; fill: string; outline: number; turn?: number }) =>
  page(
    `${bg}<div class="m t">${top}</div><div class="m b">${bottom}</div>`,
    `.m{position:absolute;left:20px;right:20px;text-align:center;font:${o.font};font-size:${o.size}px;line-height:1.05;color:${o.fill};-webkit-text-stroke:${o.outline}px #000;paint-order:stroke fill;transform:rotate(${o.turn ?? 0}deg)}
     .t{top:24px}.b{bottom:30px}`,
  );
const cover = (f: string) => `<img src="${photo(f)}" style="position:absolute;inset:0;width:100%;height:100%;object-fit:cover">`;
const page = (body: string, css = '') =>
  `<!doctype html><meta charset="utf-8"><style>*{box-sizing:border-box}body{margin:0;font-family:'DejaVu Sans',sans-serif;overflow:hidden}${css}</style>${body}`;

const designs: Design[] = [
  {
    file: 'poster-coblos-nomor-2.jpg',
    size: [1080, 1080],
    html: page(
      `<div class=p><h1>COBLOS NOMOR 2</h1><h2>PRABOWO GIBRAN</h2><p>Indonesia Maju</p></div>`,
      `.p{width:1080px;height:1080px;background:linear-gradient(160deg,#b71c1c,#ef6c00);color:#fff;display:flex;flex-direction:column;align-items:center;justify-content:center}
       h1{font-size:104px;margin:0;font-weight:900}h2{font-size:76px;margin:30px;background:#fff;color:#b71c1c;padding:8px 34px}p{font-size:52px}`,
    ),
    label: { verdict: 'violation', words: ['coblos', 'nomor', '2'], kind: 'poster (the e2e poster)' },
  },
  {
    file: 'poster-coblos-2.jpg',
    size: [1080, 1080],
    html: page(
      `<div class=p><h1>COBLOS</h1><h2>NOMOR 2</h2><p>PRABOWO – GIBRAN</p><small>14 Februari 2024</small></div>`,
      `.p{width:1080px;height:1080px;background:linear-gradient(135deg,#0d47a1,#42a5f5);color:#fff;display:flex;flex-direction:column;align-items:center;justify-content:center}
       h1{font-size:140px;margin:0;font-weight:900}h2{font-size:96px;margin:10px;background:#ffeb3b;color:#0d47a1;padding:6px 40px}p{font-size:60px;margin:24px;font-weight:700}small{font-size:40px}`,
    ),
    label: { verdict: 'violation', words: ['coblos'], kind: 'poster, number on a yellow band' },
  },
  {
    file: 'poster-pilih-amin-busy.jpg',
    size: [1080, 1080],
    html: page(
      `${noise(7)}<div class=p><h1>AYO PILIH</h1><h1>ANIES MUHAIMIN</h1></div>`,
      `.p{position:absolute;inset:0;display:flex;flex-direction:column;align-items:center;justify-content:center}
       h1{font-size:104px;margin:12px;color:#fff;font-weight:900;background:rgba(0,90,40,.85);padding:8px 30px}`,
    ),
    label: { verdict: 'violation', words: ['pilih', 'anies'], kind: 'poster on a busy background' },
  },
  {
    file: 'banner-dukung-ganjar-rotated.png',
    size: [1280, 640],
    html: page(
      `<div class=b><div class=t>MARI DUKUNG<br>GANJAR MAHFUD</div></div>`,
      `.b{width:1280px;height:640px;background:#b71c1c;display:flex;align-items:center;justify-content:center}
       .t{transform:rotate(-4deg);font-size:110px;font-weight:900;color:#fff;text-align:center;line-height:1.15}`,
    ),
    label: { verdict: 'violation', words: ['dukung', 'ganjar'], kind: 'banner, rotated 4°' },
  },
  {
    file: 'twibbon-hashtag-amin.jpg',
    size: [1080, 1080],
    html: page(
      `<img src="${photo('fingerpose-fullcurl.jpg')}"><div class=band>#AMIN2024</div><div class=top>Saya pilih AMIN</div>`,
      `img{width:1080px;height:1080px;object-fit:cover;display:block}.band{position:absolute;left:0;right:0;bottom:0;height:210px;background:#1b5e20;color:#fff;font-size:120px;font-weight:900;display:flex;align-items:center;justify-content:center}
       .top{position:absolute;top:0;left:0;right:0;height:150px;background:rgba(255,255,255,.92);color:#1b5e20;font-size:80px;font-weight:800;display:flex;align-items:center;justify-content:center}`,
    ),
    label: { verdict: 'violation', words: ['amin'], kind: 'twibbon frame over a photo' },
  },
  {
    file: 'screenshot-post-coblos-01.png',
    size: [1080, 720],
    html: page(
      `<div class=card><div class=h><span class=av></span><b>Relawan Kota</b> <span class=u>@relawankota · 2j</span></div>
       <p>Jangan lupa tanggal 14 ya, coblos nomor 1 untuk perubahan! Ajak keluarga dan tetangga.</p><div class=f>♡ 1,2 rb  ⟲ 340</div></div>`,
      `body{background:#fff}.card{padding:48px 56px;font-size:44px;color:#0f1419}.h{display:flex;align-items:center;gap:18px}.av{width:90px;height:90px;border-radius:50%;background:#1d9bf0;display:inline-block}
       .u{color:#536471}p{line-height:1.35;margin:30px 0}.f{color:#536471;font-size:36px}`,
    ),
    label: { verdict: 'violation', words: ['coblos', 'nomor', '1'], kind: 'screenshot of a post' },
  },
  {
    file: 'meme-menangkan-prabowo.jpg',
    size: [900, 900],
    html: page(
      `${noise(3)}<div class=t1>MENANGKAN</div><div class=t2>PRABOWO GIBRAN</div>`,
      `.t1,.t2{position:absolute;left:0;right:0;text-align:center;font-family:Impact,'DejaVu Sans',sans-serif;font-weight:900;color:#fff;-webkit-text-stroke:4px #000;font-size:110px}
       .t1{top:30px}.t2{bottom:40px;font-size:96px}`,
    ),
    label: { verdict: 'violation', words: ['menangkan', 'prabowo'], kind: 'meme, outlined text on a busy picture' },
  },
  {
    file: 'sticker-paslon-3-yellow.png',
    size: [800, 800],
    html: page(
      `<div class=s><div>PASLON</div><div class=n>3</div><div>PILIHANKU</div></div>`,
      `body{background:#263238}.s{margin:80px;width:640px;height:640px;border-radius:50%;background:#fdd835;color:#263238;display:flex;flex-direction:column;align-items:center;justify-content:center;font-weight:900;font-size:90px;transform:rotate(3deg)}.n{font-size:220px;line-height:1}`,
    ),
    label: { verdict: 'violation', words: ['paslon'], kind: 'sticker, dark on yellow' },
  },
  {
    file: 'meme-ayo-coblos-ganjar.jpg',
    size: [1080, 1080],
    html: meme(cover('fingerpose-halfcurl.jpg'), 'AYO COBLOS', 'GANJAR MAHFUD', { font: "bold condensed 10px 'DejaVu Sans'", size: 120, fill: '#fff', outline: 10 }),
    label: { verdict: 'violation', words: ['coblos', 'ganjar'], kind: 'meme, white outlined condensed letters over a photo' },
  },
  {
    file: 'meme-yellow-pilih-prabowo.jpg',
    size: [1000, 1000],
    html: meme(noise(13), 'PILIH PRABOWO', 'NOMOR 2', { font: "bold 10px 'DejaVu Serif'", size: 96, fill: '#ffeb3b', outline: 8, turn: -3 }),
    label: { verdict: 'violation', words: ['pilih', 'prabowo'], kind: 'meme, yellow outlined serif letters on a busy picture, turned 3°' },
  },
  {
    file: 'meme-small-dukung-amin.jpg',
    size: [800, 800],
    html: meme(`<div style="position:absolute;inset:0;background:linear-gradient(#4fc3f7,#fff59d)"></div>${noise(17)}`, 'DUKUNG AMIN', '#AMIN2024', {
      font: "bold 10px 'DejaVu Sans'",
      size: 68,
      fill: '#fff',
      outline: 5,
    }),
    label: { verdict: 'violation', words: ['amin'], kind: 'meme, small white outlined letters on a busy picture' },
  },
  {
    file: 'sticker-busy-coblos-3.jpg',
    size: [1080, 1080],
    html: page(
      `${noise(19)}<div class=s><div>COBLOS NO 3</div><div class=n>GANJAR</div></div>`,
      `.s{position:absolute;left:150px;top:330px;width:780px;padding:34px 20px;border-radius:36px;background:#d32f2f;color:#fff;text-align:center;font-weight:900;font-size:92px;line-height:1.15;transform:rotate(6deg);box-shadow:0 12px 30px rgba(0,0,0,.5)}.n{font-size:120px}`,
    ),
    label: { verdict: 'violation', words: ['coblos'], kind: 'sticker on a busy picture, white on red, turned 6°' },
  },
  {
    file: 'sticker-busy-01-pilihanku.jpg',
    size: [1080, 1080],
    html: page(
      `${cover('fingerpose-fullcurl.jpg')}<div class=s><div class=n>01</div><div>ANIES MUHAIMIN</div><div>PILIHANKU</div></div>`,
      `.s{position:absolute;right:40px;bottom:60px;width:600px;height:600px;border-radius:50%;background:#fdd835;color:#1b5e20;display:flex;flex-direction:column;align-items:center;justify-content:center;font-family:'DejaVu Sans';font-stretch:condensed;font-weight:bold;font-size:62px;transform:rotate(-5deg)}.n{font-size:150px;line-height:1}`,
    ),
    label: { verdict: 'violation', words: ['anies', 'pilihanku'], kind: 'sticker over a photo, dark on yellow, turned 5°' },
  },
  // neutral: must stay quiet
  {
    file: 'meme-senin-lagi.jpg',
    size: [1080, 1080],
    html: meme(noise(23), 'KETIKA HARI SENIN', 'DATANG LAGI', { font: "bold 10px 'DejaVu Sans'", size: 100, fill: '#fff', outline: 9 }),
    label: { verdict: 'ok', kind: 'meme about Monday, white outlined letters on a busy picture' },
  },
  {
    file: 'meme-yellow-gajian.jpg',
    size: [1000, 1000],
    html: meme(`<div style="position:absolute;inset:0;background:linear-gradient(135deg,#263238,#8d6e63)"></div>${noise(29)}`, 'GAJIAN MASIH LAMA', 'LEMBUR LAGI', {
      font: "bold 10px 'DejaVu Sans Mono'",
      size: 78,
      fill: '#ffeb3b',
      outline: 7,
      turn: 2,
    }),
    label: { verdict: 'ok', kind: 'meme, yellow outlined letters on a busy picture' },
  },
  {
    file: 'sticker-price-tag.jpg',
    size: [1080, 1080],
    html: page(
      `${noise(31)}<div class=s><div>DISKON 20%</div><div class=n>Rp 49.000</div></div>`,
      `.s{position:absolute;left:200px;top:360px;width:680px;padding:30px;border-radius:20px 80px 20px 20px;background:#ff9800;color:#212121;text-align:center;font-weight:900;font-size:86px;line-height:1.2;transform:rotate(-8deg)}.n{font-size:104px}`,
    ),
    label: { verdict: 'ok', kind: 'price tag sticker on a busy picture' },
  },
  {
    file: 'greeting-idul-fitri.jpg',
    size: [1080, 1080],
    html: page(
      `<div class=g><h1>Selamat Hari Raya</h1><h2>Idul Fitri 1445 H</h2><p>Mohon maaf lahir dan batin</p><small>Keluarga Besar Dinas Pendidikan</small></div>`,
      `.g{width:1080px;height:1080px;background:radial-gradient(circle,#fff8e1,#2e7d32);display:flex;flex-direction:column;align-items:center;justify-content:center;color:#1b5e20;text-align:center}
       h1{font-size:96px;margin:0}h2{font-size:80px;margin:16px}p{font-size:54px}small{font-size:40px;color:#fff}`,
    ),
    label: { verdict: 'ok', kind: 'greeting card' },
  },
  {
    file: 'greeting-ulang-tahun-2.png',
    size: [1080, 1080],
    html: page(
      `${noise(11)}<div class=g><h1>Selamat Ulang Tahun</h1><h2>ke-2, Nadia!</h2></div>`,
      `.g{position:absolute;inset:0;display:flex;flex-direction:column;align-items:center;justify-content:center}h1,h2{background:#fff;color:#ad1457;padding:10px 30px;margin:12px;font-size:84px}`,
    ),
    label: { verdict: 'ok', kind: 'greeting card with a number' },
  },
  {
    file: 'notice-rapat-kantor.png',
    size: [1080, 760],
    html: page(
      `<div class=n><h1>PENGUMUMAN</h1><p>Rapat koordinasi seluruh pegawai<br>Senin, 2 Desember pukul 09.00 WIB<br>di Aula Lantai 2</p><p class=s>Sekretariat</p></div>`,
      `.n{padding:60px;background:#fafafa;color:#212121;height:760px}h1{font-size:88px;margin:0 0 30px;color:#0d47a1}p{font-size:52px;line-height:1.4;margin:0}.s{margin-top:40px;font-size:40px}`,
    ),
    label: { verdict: 'ok', kind: 'office notice with numbers' },
  },
  {
    file: 'price-list-warung.jpg',
    size: [900, 1100],
    html: page(
      `<div class=m><h1>DAFTAR HARGA</h1><p>Nasi goreng <b>Rp 15.000</b></p><p>Mie ayam <b>Rp 12.000</b></p><p>Es teh <b>Rp 4.000</b></p><p>Paket nomor 2 <b>Rp 25.000</b></p></div>`,
      `.m{width:900px;height:1100px;background:#3e2723;color:#ffecb3;padding:60px}h1{font-size:80px;text-align:center}p{font-size:52px;display:flex;justify-content:space-between;margin:34px 0}`,
    ),
    label: { verdict: 'ok', kind: 'price list ("paket nomor 2")' },
  },
  {
    file: 'news-debat-capres.png',
    size: [1080, 720],
    html: page(
      `<div class=n><div class=tag>BERITA</div><h1>KPU gelar debat capres kedua Minggu malam</h1><p>Tiga pasangan calon akan membahas ekonomi dan pangan, kata Ketua KPU.</p></div>`,
      `.n{padding:56px;background:#fff;color:#111;height:720px}.tag{display:inline-block;background:#c62828;color:#fff;font-size:36px;padding:6px 18px}h1{font-size:68px;line-height:1.2}p{font-size:44px;line-height:1.4;color:#444}`,
    ),
    label: { verdict: 'ok', kind: 'election news' },
  },
  {
    file: 'photo-no-text-busy.jpg',
    size: [1080, 1080],
    html: page(noise(5)),
    label: { verdict: 'ok', kind: 'busy picture, no text' },
  },
  {
    file: 'photo-hand-no-text.jpg',
    size: [1080, 1080],
    html: page(`<img src="${photo('fingerpose-nocurl.jpg')}" style="width:1080px;height:1080px;object-fit:cover">`),
    label: { verdict: 'ok', kind: 'a photo of a hand, no text (the pose is judged separately)' },
  },
];

async function main() {
  mkdirSync(OUT, { recursive: true });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  const labels: Record<string, TextPhotoLabel> = {};
  try {
    for (const d of designs) {
      const p = await browser.newPage({ viewport: { width: d.size[0], height: d.size[1] } });
      await p.setContent(d.html);
      const type = d.file.endsWith('.png') ? 'png' : 'jpeg';
      const shot = await p.screenshot({ type, ...(type === 'jpeg' ? { quality: 88 } : {}) });
      writeFileSync(path.join(OUT, d.file), shot);
      labels[d.file] = d.label;
      await p.close();
    }
  } finally {
    await browser.close();
  }
  writeFileSync(
    path.join(OUT, 'labels.json'),
    `${JSON.stringify({ $comment: 'Written by scripts/make-text-photos.ts with the designs; see CARD.md', labels }, null, 1)}\n`,
  );
  console.log(`wrote ${designs.length} images to ${OUT}`);
}

await main();
