/**
 * The health report an admin reads when someone says "it didn't warn me": after a few visits the
 * settings page lists, per site, what was recognised (composer, submit path, engagement buttons) and
 * what was not (here: Facebook with a changed markup, whose writing boxes the adapter doesn't know).
 * Indonesian UI.
 */
import { describe, expect, it } from 'vitest';
import { openComposer, openSite, typeIn, typeInto, useSuiteBrowser } from './harness';

const suite = useSuiteBrowser({ locale: 'id' });
const EXTENSION_ID = 'mekapaehnloejpjllmbgdepkmodmjhin';

describe('settings page: site health', () => {
  it('lists what was recognised on X and what was not on a changed Facebook; Instagram not visited', async () => {
    const x = await openComposer(suite.context, '/home?engage=1');
    await typeInto(x, 'tweetTextarea_0', 'Selamat pagi semua');
    await x.locator('article[data-testid="tweet"]').first().locator('[data-testid="like"]').click();
    const fb = await openSite(suite.context, 'https://www.facebook.com/?variant=changed', '[role="main"]');
    await fb.locator('[role="button"][aria-label="Buat postingan"]').click();
    await typeIn(fb, fb.locator('[role="dialog"] [contenteditable="true"]').first(), 'Selamat pagi');
    await fb.waitForFunction(() => document.documentElement.getAttribute('data-jaga-netral-health') === 'degraded');

    const opts = await suite.context.newPage();
    await opts.goto(`chrome-extension://${EXTENSION_ID}/options.html`);
    const section = opts.locator('#site-health');
    await section.waitFor();
    const xs = section.locator('.site-health[data-site="x"]');
    await expect.poll(() => xs.locator('[data-thing="like"]').getAttribute('data-state')).toBe('recognised');
    expect(await xs.locator('[data-thing="composer"]').getAttribute('data-state')).toBe('recognised');
    expect(await xs.locator('[data-thing="submit"]').getAttribute('data-state')).toBe('recognised');
    expect(await xs.locator('[data-thing="repost"]').getAttribute('data-state')).toBe('not-seen');
    expect(await xs.locator('[data-state="not-recognised"]').count()).toBe(0);

    const fbs = section.locator('.site-health[data-site="facebook"]');
    await expect.poll(() => fbs.locator('[data-gap="editor"]').count()).toBe(1);
    expect(await fbs.locator('[data-gap="editor"]').innerText()).toContain('Tidak dikenali');
    expect(await fbs.locator('[data-thing="composer"]').getAttribute('data-state')).toBe('not-seen');

    expect(await section.locator('.site-health[data-site="instagram"]').innerText()).toContain('Belum dikunjungi');
    // no override in force
    expect(await opts.getByTestId('selectors-none').count()).toBe(1);
    await Promise.all([x.close(), fb.close(), opts.close()]);
  });
});
