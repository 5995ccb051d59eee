/** What a learned-model finding adds to the rule, legal basis and sanctions: the words that drove its score, and the score. */
import type { Finding } from '../lib/rules/types';
import { t } from './i18n';

export function ModelEvidence({ finding }: { finding: Finding }) {
  if (!finding.score) return null;
  const drivers = (finding.spans ?? []).filter((s) => s.kind === 'driver');
  const n = (x: number) => x.toFixed(2);
  return (
    <div class="model" data-model={finding.pack}>
      {drivers.length > 0 && (
        <p class="drivers">
          {t('modelDrivers')}:{' '}
          {drivers.map((d, i) => (
            <q key={i} class="driver" data-start={d.start} data-end={d.end}>
              {d.evidence}
            </q>
          ))}
        </p>
      )}
      <p class="score">{t('modelScore', n(finding.score.value), n(finding.score.violation), n(finding.score.caution))}</p>
    </div>
  );
}

/** The marks a finding puts on the draft: its span, or for a model finding the actor and each driving word. */
export function markedSpans(f: Finding): { start: number; end: number; kind?: 'actor' | 'driver' }[] {
  return f.spans?.length ? f.spans.map((s) => ({ start: s.start, end: s.end, kind: s.kind })) : [{ start: f.start, end: f.end }];
}
