/**
 * Demo: Chromium with the built extension on the X fixture (served at
 * https://x.com/home through request interception, nothing leaves the machine),
 * types a campaign post into the inline composer and clicks Post.
 *
 *   npm run demo                 # wxt build && tsx scripts/demo.ts
 *   npx tsx scripts/demo.ts [--headless] [--locale=id|en] [--text="…"]
 *
 * With $DISPLAY set and no --headless: opens a visible window and leaves it open
 * until you close it (or press Ctrl+C).
 * Otherwise (headless): waits up to 10 s for the extension's warning
 * (role="alertdialog" in the shadow root of <jaga-netral-ui>), saves
 * docs/screenshot-x.png, prints what the warning says and exits 0; exits 1
 * with a message if no warning appears.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { buildFixtures, ROOT_DIR } from './build-fixtures.ts';
import { launchWithExtension, openComposer, serveSites, typeInto, warmUp, posts } from '../tests/e2e/harness.ts';

const DEFAULT_TEXT = 'Ayo coblos nomor 2! #PrabowoGibran2024 ✌️';
const WARNING_TIMEOUT_MS = 10_000;
const SCREENSHOT = path.join(ROOT_DIR, 'docs/screenshot-x.png');
const FAILURE_SCREENSHOT = path.join(ROOT_DIR, 'tests/e2e/.artifacts/demo-no-warning.png');

function option(name: string): string | undefined {
  const prefix = `--${name}=`;
  return process.argv.find((a) => a.startsWith(prefix))?.slice(prefix.length);
}

async function main(): Promise<number> {
  const headed = !!process.env.DISPLAY && !process.argv.includes('--headless');
  const locale = option('locale') ?? 'id';
  const text = option('text') ?? DEFAULT_TEXT;

  await buildFixtures();
  const browser = await launchWithExtension({ headless: !headed, locale });
  const { context } = browser;
  let closing = false;
  const shutdown = async () => {
    if (closing) return;
    closing = true;
    await browser.close();
  };
  process.once('SIGINT', () => void shutdown().then(() => process.exit(130)));
  process.once('SIGTERM', () => void shutdown().then(() => process.exit(143)));

  try {
    const sites = await serveSites(context);
    await warmUp(context);
    // Reuse the tab the browser opened with, so a visible window shows one tab.
    const page = await openComposer(context, '/home', { page: context.pages()[0] });

    console.log(`Typing into the inline composer: ${text}`);
    await typeInto(page, 'tweetTextarea_0', text);
    await page.locator('[data-testid="tweetButtonInline"]').click();
    console.log('Clicked Post.');

    if (headed) {
      console.log('The browser window stays open; close it (or press Ctrl+C) to end the demo.');
      await new Promise<void>((resolve) => context.once('close', () => resolve()));
      return 0;
    }

    const warning = page.locator('jaga-netral-ui').locator('[role="alertdialog"]').first();
    const appeared = await warning
      .waitFor({ state: 'visible', timeout: WARNING_TIMEOUT_MS })
      .then(() => true)
      .catch(() => false);

    if (!appeared) {
      await mkdir(path.dirname(FAILURE_SCREENSHOT), { recursive: true });
      await page.screenshot({ path: FAILURE_SCREENSHOT }).catch(() => {});
      const posted = await posts(page).catch(() => []);
      console.error(
        `No warning: no element with role="alertdialog" inside <jaga-netral-ui> within ${WARNING_TIMEOUT_MS / 1000} s ` +
          `after clicking Post. The fixture recorded ${posted.length} post(s)` +
          (posted.length ? ` (${JSON.stringify(posted.map((p) => p.texts))}), i.e. the post went through` : '') +
          `. Screenshot: ${path.relative(ROOT_DIR, FAILURE_SCREENSHOT)}`,
      );
      return 1;
    }

    // Let the dialog finish any entry transition before the screenshot.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    await mkdir(path.dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT });

    const said = (await warning.innerText()).trim();
    const label = await warning.getAttribute('aria-label');
    const posted = await posts(page);
    console.log('\nThe extension warned:\n');
    if (label) console.log(`  [${label}]`);
    console.log(said.replace(/^/gm, '  '));
    console.log(`\nPosts that went through meanwhile: ${posted.length}`);
    console.log(`Screenshot: ${path.relative(ROOT_DIR, SCREENSHOT)}`);
    const foreign = sites.foreign();
    if (foreign.length) console.log(`Blocked requests outside the fixture:\n  ${foreign.join('\n  ')}`);
    return 0;
  } finally {
    await shutdown();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
