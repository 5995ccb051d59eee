/** The rule (`legalRef`: R02…; `ref` is Preact's own prop), its legal basis and sanction categories, as every finding (text or photo) shows them. */
import type { ComponentChildren } from 'preact';
import type { SanctionCategory } from '../lib/rules/types';
import { sanctionLabel, t } from './i18n';

export function LegalBasis({ legalRef, rule, source, sanctions, extra }: { legalRef: string; rule: string; source: string; sanctions: SanctionCategory[]; extra?: ComponentChildren }) {
  return (
    <dl>
      <dt>{t('labelRule')}</dt>
      <dd>
        {legalRef} · <code>{rule}</code>
        {extra}
      </dd>
      <dt>{t('labelSource')}</dt>
      <dd>{source}</dd>
      <dt>{t('labelSanction')}</dt>
      <dd>{sanctions.map(sanctionLabel).join(' – ')}</dd>
    </dl>
  );
}
