import { describe, expect, it } from 'vitest';
import { mergeSettings, packUrlProblem, parsePolicy, siteOf } from '../../lib/policy/policy';

describe('parsePolicy', () => {
  it('reads every key an admin may set', () => {
    const { policy, problems, present } = parsePolicy({
      mode: 'confirm',
      sites: ['x', 'instagram'],
      packs: [{ url: 'https://instansi.go.id/pack.json', refreshHours: 12 }, { inline: { id: 'a' } }, { inline: '{"id":"b"}' }],
      packPublicKey: ' AAAA ',
      locked: ['mode', 'sites'],
      agency: { name: ' Pemkot Bandung ', contact: 'tik@bandung.go.id' },
    });
    expect(problems).toEqual([]);
    expect(present).toBe(true);
    expect(policy).toEqual({
      mode: 'confirm',
      sites: ['x', 'instagram'],
      packs: [
        { url: 'https://instansi.go.id/pack.json', refreshHours: 12, index: 0 },
        { inline: { id: 'a' }, index: 1 },
        { inline: { id: 'b' }, index: 2 },
      ],
      packPublicKey: 'AAAA',
      locked: ['mode', 'sites'],
      agency: { name: 'Pemkot Bandung', contact: 'tik@bandung.go.id' },
    });
  });

  it('reports bad entries with their path and keeps the good ones', () => {
    const { policy, problems } = parsePolicy({
      mode: 'strict',
      sites: ['x', 'tiktok'],
      packs: [{ url: 'http://instansi.go.id/p.json' }, { url: 'https://ok.go.id/p.json', refreshHours: 0 }, { inline: '{bad' }, 7],
      locked: ['mode', 'everything'],
      agency: { contact: 'x' },
      colour: 'red',
    });
    expect(policy.mode).toBeUndefined();
    expect(policy.sites).toEqual(['x']);
    expect(policy.packs).toEqual([{ url: 'https://ok.go.id/p.json', refreshHours: 6, index: 1 }]);
    expect(policy.locked).toEqual(['mode']);
    expect(policy.agency).toBeUndefined();
    expect(problems.map((p) => p.path)).toEqual([
      '$.colour',
      '$.mode',
      '$.sites[1]',
      '$.packs[0].url',
      '$.packs[1].refreshHours',
      '$.packs[2].inline',
      '$.packs[3]',
      '$.locked[1]',
      '$.agency',
    ]);
  });

  it('no policy at all is not an error', () => {
    expect(parsePolicy({})).toEqual({ policy: { packs: [], locked: [] }, problems: [], present: false });
    expect(parsePolicy(undefined).problems).toEqual([]);
  });

  it('allows plain http only on this machine', () => {
    expect(packUrlProblem('http://127.0.0.1:8080/p.json')).toBeNull();
    expect(packUrlProblem('http://localhost/p.json')).toBeNull();
    expect(packUrlProblem('http://10.0.0.1/p.json')).toMatch(/https/);
    expect(packUrlProblem('file:///etc/passwd')).toMatch(/https/);
    expect(packUrlProblem('nope')).toMatch(/not a URL/);
  });
});

describe('mergeSettings', () => {
  const user = { mode: 'warn' as const, sites: { x: false }, keepExcerpts: true, retentionDays: 30, lang: 'en' as const };

  it('defaults: warn, every site on, no excerpts, 90 days', () => {
    expect(mergeSettings({ packs: [], locked: [] }, {}, false)).toEqual({
      mode: 'warn',
      sites: { x: true, facebook: true, instagram: true },
      keepExcerpts: false,
      retentionDays: 90,
      lang: 'auto',
      locked: [],
      managed: false,
    });
  });

  it("the person's choices win where the policy leaves them free", () => {
    const e = mergeSettings({ mode: 'block', sites: ['x'], packs: [], locked: [] }, user);
    expect(e.mode).toBe('warn');
    expect(e.sites).toEqual({ x: false, facebook: false, instagram: false });
    expect(e.keepExcerpts).toBe(true);
    expect(e.retentionDays).toBe(30);
    expect(e.lang).toBe('en');
  });

  it('locked settings are the policy’s whatever the person chose', () => {
    const e = mergeSettings(
      { mode: 'block', sites: ['x', 'facebook'], packs: [], locked: ['mode', 'sites', 'keepExcerpts', 'retentionDays', 'lang'], agency: { name: 'BKN' } },
      user,
    );
    expect(e.mode).toBe('block');
    expect(e.sites).toEqual({ x: true, facebook: true, instagram: false });
    expect(e.keepExcerpts).toBe(false);
    expect(e.retentionDays).toBe(90);
    expect(e.lang).toBe('auto');
    expect(e.agency).toEqual({ name: 'BKN' });
    expect(e.locked).toContain('mode');
  });

  it('ignores nonsense in stored settings', () => {
    const e = mergeSettings({ packs: [], locked: [] }, { mode: 'off' as never, retentionDays: -5, sites: { x: 'no' as never } });
    expect(e.mode).toBe('warn');
    expect(e.retentionDays).toBe(90);
    expect(e.sites.x).toBe(true);
    expect(mergeSettings({ packs: [], locked: [] }, { retentionDays: 1e9 }).retentionDays).toBe(3650);
  });
});

describe('siteOf', () => {
  it.each([
    ['x.com', 'x'],
    ['mobile.twitter.com', 'x'],
    ['www.facebook.com', 'facebook'],
    ['www.instagram.com', 'instagram'],
    ['notx.com', null],
    ['facebook.com.evil.io', null],
  ])('%s → %s', (h, s) => expect(siteOf(h)).toBe(s));
});
