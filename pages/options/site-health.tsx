/**
 * For an admin answering "it didn't warn me": per site, what the guard recognised on the last visits
 * and what it did not; and the selector patches the agency laid over the adapters, each with the
 * built-in selector it replaced and whether this browser accepts it.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t } from '../../components/i18n';
import type { MessageKey } from '../../components/messages';
import { SITE_IDS, type SiteId } from '../../lib/policy/policy';
import { standing, type HealthGap, type HealthThing, type SiteHealth } from '../../lib/policy/site-health';
import type { SelectorsInForce } from '../../lib/policy/site-selectors';
import { applySelectorOverrides } from '../../sites/overrides';
import { facebookSelectors } from '../../sites/facebook';
import { instagramSelectors } from '../../sites/instagram';
import { xSelectors } from '../../sites/x';
import type { SiteSelectors } from '../../sites/types';
import { formatTime } from '../shared';

const SITE_HEALTH_KEY = 'siteHealth';
const NAMES: Record<SiteId, string> = { x: 'X (Twitter)', facebook: 'Facebook', instagram: 'Instagram' };
const BUILT_IN: Record<SiteId, SiteSelectors> = { x: xSelectors, facebook: facebookSelectors, instagram: instagramSelectors };
const THINGS: Record<HealthThing, MessageKey> = {
  composer: 'healthComposer',
  submit: 'healthSubmit',
  like: 'healthLike',
  share: 'healthShare',
  repost: 'healthRepost',
  follow: 'healthFollow',
};
const GAPS: Record<HealthGap, MessageKey> = { editor: 'healthGapEditor', composer: 'healthGapComposer', submit: 'healthGapSubmit' };
/** Which engagement buttons each site has. */
const SITE_THINGS: Record<SiteId, HealthThing[]> = {
  x: ['composer', 'submit', 'like', 'repost', 'follow'],
  facebook: ['composer', 'submit', 'like', 'share', 'follow'],
  instagram: ['composer', 'submit', 'like', 'share', 'repost', 'follow'],
};

function useSiteHealth(): SiteHealth {
  const [report, setReport] = useState<SiteHealth>({});
  useEffect(() => {
    void browser.storage.local.get(SITE_HEALTH_KEY).then((r) => setReport((r[SITE_HEALTH_KEY] as SiteHealth) ?? {}));
    const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area === 'local' && changes[SITE_HEALTH_KEY]) setReport((changes[SITE_HEALTH_KEY].newValue as SiteHealth) ?? {});
    };
    browser.storage.onChanged.addListener(listener);
    return () => browser.storage.onChanged.removeListener(listener);
  }, []);
  return report;
}

export function SiteHealthSection({ lang }: { lang: string }) {
  const report = useSiteHealth();
  return (
    <section id="site-health" aria-labelledby="h-site-health">
      <h2 id="h-site-health">{t('optSiteHealth')}</h2>
      <p class="hint">{t('optSiteHealthIntro')}</p>
      {SITE_IDS.map((site) => {
        const rec = report[site];
        const gaps = rec ? (Object.keys(GAPS) as HealthGap[]).filter((g) => standing(rec, g)) : [];
        return (
          <div class="site-health" data-site={site} key={site}>
            <h3>{NAMES[site]}</h3>
            {!rec ? (
              <p data-testid="health-none">{t('healthNoVisit')}</p>
            ) : (
              <>
                <p>{t('healthLastVisit', formatTime(rec.lastVisit, lang))}</p>
                <table>
                  <tbody>
                    {SITE_THINGS[site].map((thing) => (
                      <tr key={thing} data-thing={thing} data-state={rec.seen[thing] ? 'recognised' : 'not-seen'}>
                        <td>{t(THINGS[thing])}</td>
                        <td>{rec.seen[thing] ? `✓ ${t('healthRecognised')} · ${formatTime(rec.seen[thing], lang)}` : `— ${t('healthNotSeen')}`}</td>
                      </tr>
                    ))}
                    {gaps.map((gap) => (
                      <tr key={gap} data-gap={gap} data-state="not-recognised" class="problem">
                        <td>{t(GAPS[gap])}</td>
                        <td>{`⚠ ${t('healthNotRecognised')} · ${formatTime(rec.problems[gap], lang)}`}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </>
            )}
          </div>
        );
      })}
    </section>
  );
}

export function SelectorPatchesSection({ inForce }: { inForce: SelectorsInForce | undefined }) {
  const sites = SITE_IDS.filter((s) => Object.keys(inForce?.[s] ?? {}).length);
  return (
    <section id="selectors" aria-labelledby="h-selectors">
      <h2 id="h-selectors">{t('optSelectors')}</h2>
      {!sites.length ? (
        <p data-testid="selectors-none">{t('optSelectorsNone')}</p>
      ) : (
        <>
          <p class="hint">{t('optSelectorsIntro')}</p>
          <table data-testid="selectors">
            <thead>
              <tr>
                <th>{t('colSelector')}</th>
                <th>{t('colReplaces')}</th>
                <th>{t('colFrom')}</th>
                <th>{t('colState')}</th>
              </tr>
            </thead>
            <tbody>
              {sites.flatMap((site) => {
                const overrides = inForce![site]!;
                // the same check the content script makes before it builds the adapter
                const plain = Object.fromEntries(Object.entries(overrides).map(([n, o]) => [n, o.selector]));
                const result = applySelectorOverrides(site, BUILT_IN[site], { [site]: plain });
                return Object.entries(overrides).map(([name, o]) => {
                  const rejected = result.rejected.find((r) => r.name === name);
                  return (
                    <tr key={`${site}.${name}`} data-override={`${site}.${name}`} data-state={rejected ? 'rejected' : 'applied'}>
                      <td>
                        <b>{`${NAMES[site]} · ${name}`}</b>
                        <br />
                        <code>{o.selector}</code>
                      </td>
                      <td>
                        <code>{BUILT_IN[site][name] ?? '—'}</code>
                      </td>
                      <td>{o.source === 'policy' ? t('selFromPolicy') : o.source}</td>
                      <td>{rejected ? `⚠ ${rejected.reason}` : `✓ ${t('selApplied')}`}</td>
                    </tr>
                  );
                });
              })}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
