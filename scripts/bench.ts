/**
 * npm run bench: figures, not assertions (these machines are shared and noisy; compare medians).
 *
 *   text    the rule engine in Node: compile the national pack; check a 280-character post; the same
 *           with the learned stage after the rules (load the model; a 280-character post; 20,000 characters).
 *   e2e     in Chromium with the built extension on the X fixture (npm run build first):
 *           Post click → warning on screen (campaign text), and Post click → the site's own
 *           handler (clean text), with and without the extension for the ratio.
 *
 *   npx tsx scripts/bench.ts [text] [e2e] [--runs=50]
 */
import { performance } from 'node:perf_hooks';
import { createEngine, nationalPack } from '../lib/packs';
import { compilePacks } from '../lib/rules/engine';
import { syntheticRegionalPack } from '../lib/packs/synthetic';
import { clearPhraseCache } from '../lib/text/normalize';
import { readFileSync } from 'node:fs';
import { stageFrom } from '../lib/model';
import { MODEL_FILE } from '../lib/model/node';

const args = process.argv.slice(2);
const only = args.filter((a) => !a.startsWith('--'));
const want = (name: string) => only.length === 0 || only.includes(name);
const RUNS = Number(args.find((a) => a.startsWith('--runs='))?.slice(7) ?? 50);

export function stats(xs: number[]) {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
  return { n: s.length, median: q(0.5), p95: q(0.95), min: s[0]!, max: s[s.length - 1]! };
}
const fmt = (ms: number) => (ms < 1 ? `${(ms * 1000).toFixed(1)} µs` : `${ms.toFixed(2)} ms`);
function line(label: string, xs: number[], goal?: string) {
  const st = stats(xs);
  console.log(
    `  ${label.padEnd(52)} median ${fmt(st.median).padStart(10)}   p95 ${fmt(st.p95).padStart(10)}   (n=${st.n})${goal ? `   goal ${goal}` : ''}`,
  );
  return st;
}

/** A realistic 280-character post: everyday words, a name, a number, a hashtag, emoji. */
export const POST_280 = (
  'Selamat pagi rekan-rekan! Hari ini rapat koordinasi anggaran 2025 di aula lantai 3 bersama Pak Menteri. ' +
  'Jangan lupa bawa laporan nomor 2 dan daftar hadir ya 🙏 Setelah itu kita lanjut sosialisasi netralitas ASN. ' +
  'Ayo coblos nomor 2 #PrabowoGibran2024 ✌️ semangat!'
).slice(0, 280);

/** Run `fn` n times (after `warm` unmeasured runs; `before` runs unmeasured before each); the times in ms. */
function sample(n: number, fn: () => void, { warm = 0, before }: { warm?: number; before?: () => void } = {}): number[] {
  for (let i = 0; i < warm; i++) fn();
  const xs: number[] = [];
  for (let i = 0; i < n; i++) {
    before?.();
    const t0 = performance.now();
    fn();
    xs.push(performance.now() - t0);
  }
  return xs;
}

function benchText() {
  console.log('\ntext engine (Node ' + process.version + ')');
  // cold: as the first compile in a fresh content script
  line('compile national pack (cold)', sample(30, () => compilePacks([nationalPack]), { before: clearPhraseCache }));

  const engine = createEngine();
  const post = POST_280.padEnd(280, ' x');
  line(`check a ${post.length}-char post (national pack)`, sample(5000, () => engine.analyze(post), { warm: 500 }), '< 1 ms');
  const neutral = 'Rapat koordinasi anggaran bersama Pak Menteri berjalan lancar. '.repeat(5).slice(0, 280);
  line(`check a ${neutral.length}-char neutral post`, sample(5000, () => engine.analyze(neutral), { warm: 500 }));

  const countNames = (p: ReturnType<typeof syntheticRegionalPack>) =>
    p.entities!.reduce((n, e) => n + e.names.length + (e.weakNames?.length ?? 0) + (e.hashtags?.length ?? 0), 0);
  const coldCompile = (label: string, p: ReturnType<typeof syntheticRegionalPack>, goal?: string) =>
    line(
      `${label} (${p.entities!.length} tickets, ${countNames(p)} names), cold`,
      sample(20, () => compilePacks([nationalPack, p]), { before: clearPhraseCache }),
      goal,
    );
  const regional = syntheticRegionalPack(2000);
  coldCompile('compile national + regional', regional, '< 50 ms');
  coldCompile('compile national + big regional', syntheticRegionalPack(0, { tickets: 1000 }));
  const big = compilePacks([nationalPack, regional]);
  line(`check a ${post.length}-char post (national + regional)`, sample(5000, () => big.analyze(post), { warm: 500 }), '< 0.5 ms');

  const long = POST_280.repeat(72); // ~20,000 characters
  line(`check a ${long.length}-char text`, sample(50, () => engine.analyze(long), { warm: 3 }), '< 10 ms');
  line(`check a ${long.length}-char text (national + regional)`, sample(50, () => big.analyze(long), { warm: 3 }), '< 10 ms');

  // the learned stage after the rules: it runs only where no rule found a violation and the gate opens,
  // so the posts here are praise no rule catches (the model's worst case: it reads every chunk)
  const file = readFileSync(MODEL_FILE, 'utf8');
  line('load the text model (parse + decode weights)', sample(30, () => stageFrom(JSON.parse(file))));
  const withModel = big.withModel(stageFrom(JSON.parse(file)));
  if (!withModel.analyze(PRAISE_280).findings.some((f) => f.rule.startsWith('model-'))) console.log('  (note: the model did not flag the bench post)');
  line(
    `check a ${PRAISE_280.length}-char post, model + national + regional`,
    sample(5000, () => withModel.analyze(PRAISE_280), { warm: 500 }),
    '< 0.5 ms',
  );
  const longPraise = PRAISE_280.repeat(72);
  line(`check a ${longPraise.length}-char text, model + national + regional`, sample(50, () => withModel.analyze(longPraise), { warm: 3 }), '< 10 ms');
  // election news: every chunk opens the gate and none is a violation, so the model reads them all
  const longNews = NEWS_280.repeat(72);
  line(`… ${longNews.length} chars of election news (model reads every chunk)`, sample(50, () => withModel.analyze(longNews), { warm: 3 }), '< 10 ms');
  line(`… the same, rules alone`, sample(50, () => big.analyze(longNews), { warm: 3 }));
}

/** 280 characters of election news: past the gate, quiet. */
export const NEWS_280 = (
  'KPU Kabupaten Contoh menggelar rapat pleno rekapitulasi suara Pilkada di aula kantor bupati, Senin. Ketua KPU mengatakan ' +
  'seluruh kecamatan sudah menyerahkan hasil, dan Bawaslu mencatat tidak ada keberatan dari saksi pasangan calon. Hasil resmi ' +
  'diumumkan pekan depan. '
)
  .padEnd(280, ' ok')
  .slice(0, 280);

/** 280 characters the rules let through and the model reads: praise of a candidate, everyday words around it. */
export const PRAISE_280 = (
  'Selamat pagi rekan-rekan! Hari ini rapat koordinasi anggaran 2025 di aula lantai 3, jangan lupa bawa laporan ya 🙏 ' +
  'Btw menurutku Pak Ganjar sosok yang pantas jadi presiden, sudah terbukti kerja nyata di Jawa Tengah sepuluh tahun, teruskan! ' +
  'Semoga lancar semua urusan kita minggu ini, aamiin.'
)
  .padEnd(280, ' ok')
  .slice(0, 280);

async function benchE2e() {
  const { launchWithExtension, openComposer, serveSites, warmUp, posts } = await import('../tests/e2e/harness');
  const { buildFixtures } = await import('./build-fixtures');
  await buildFixtures();
  console.log(`\nend to end (Chromium, X fixture at https://x.com/home, ${RUNS} runs each)`);

  /** Click Post RUNS times on a campaign draft; time from the click to the warning painted. */
  const warnRuns = async (page: import('playwright-core').Page) => {
    await page.locator('[data-testid="tweetTextarea_0"]').click();
    await page.keyboard.insertText('Ayo coblos nomor 2 #PrabowoGibran2024');
    await page.waitForTimeout(300); // the draft is checked while typing, as a person would pause
    await page.evaluate(() => {
      const w = window as unknown as { __jnBench: { down: number; shown: number[] } };
      w.__jnBench = { down: 0, shown: [] };
      // mouseup is the last event before click; the click itself is stopped by the extension
      window.addEventListener('mouseup', (e) => (w.__jnBench.down = e.timeStamp), true);
      new MutationObserver(() => {
        const host = document.querySelector('jaga-netral-ui');
        if (host?.getAttribute('data-state') === 'warning') {
          const start = w.__jnBench.down;
          requestAnimationFrame(() => w.__jnBench.shown.push(performance.now() - start));
        }
      }).observe(document.documentElement, { subtree: true, attributes: true, attributeFilter: ['data-state'] });
    });
    const button = page.locator('[data-testid="tweetButtonInline"]');
    for (let i = 0; i < RUNS; i++) {
      await button.click();
      await page.getByRole('alertdialog').waitFor();
      await page.keyboard.press('Escape');
      await page.getByRole('alertdialog').waitFor({ state: 'detached' });
    }
    const out = await page.evaluate(() => (window as unknown as { __jnBench: { shown: number[] } }).__jnBench.shown);
    if ((await posts(page)).length) throw new Error('bench: a campaign draft was posted');
    return out;
  };

  /** Post RUNS clean drafts by clicking; the fixture records click → handler latency. */
  const cleanRuns = async (page: import('playwright-core').Page) => {
    const editor = page.locator('[data-testid="tweetTextarea_0"]');
    for (let i = 0; i < RUNS; i++) {
      await editor.click();
      await page.keyboard.insertText(`Rapat koordinasi anggaran bagian ${i} berjalan lancar.`);
      await page.locator('[data-testid="tweetButtonInline"]:not([disabled])').click();
      await page.waitForFunction((n) => window.__xPosts.length >= n, i + 1);
    }
    return (await posts(page)).map((p) => p.latencyMs);
  };

  const withExt = await launchWithExtension({ locale: 'id' });
  let warnMs: number[];
  let cleanWith: number[];
  try {
    await serveSites(withExt.context);
    await warmUp(withExt.context);
    warnMs = await warnRuns(await openComposer(withExt.context, '/home'));
    cleanWith = await cleanRuns(await openComposer(withExt.context, '/home'));
  } finally {
    await withExt.close();
  }
  const without = await launchWithExtension({ locale: 'id', args: ['--disable-extensions'] });
  let cleanWithout: number[];
  try {
    await serveSites(without.context);
    cleanWithout = await cleanRuns(await openComposer(without.context, '/home', { waitForExtension: false }));
  } finally {
    await without.close();
  }
  line('Post click → warning painted (campaign draft)', warnMs, '< 50 ms');
  const a = line('Post click → site handler, with Jaga Netral', cleanWith, '< 50 ms');
  const b = line('Post click → site handler, without the extension', cleanWithout);
  console.log(`  ratio with/without (clean post, medians)                 ${(a.median / b.median).toFixed(2)}×`);
}

async function main() {
  if (want('text')) benchText();
  if (want('e2e')) await benchE2e();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
