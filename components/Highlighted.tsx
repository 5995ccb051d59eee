/** The draft with each finding's words marked, in the warning and the settings page's Coba box. */
import type { Finding } from '../lib/rules/types';
import { markedSpans } from './ModelEvidence';

/** A model finding marks its actor and the words that drove it. */
export function Highlighted({ text, findings }: { text: string; findings: Finding[] }) {
  const marks = findings
    .flatMap((f) => markedSpans(f).map((m) => ({ ...m, f })))
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const parts: preact.ComponentChildren[] = [];
  let at = 0;
  marks.forEach(({ start, end, kind, f }, i) => {
    const s = Math.max(start, at);
    if (end <= s) return;
    if (s > at) parts.push(text.slice(at, s));
    parts.push(
      <mark key={i} class={kind ? `${f.severity} ${kind}` : f.severity} title={f.rule} data-rule={f.rule}>
        {text.slice(s, end)}
      </mark>,
    );
    at = end;
  });
  if (at < text.length) parts.push(text.slice(at));
  return <div class="draft">{parts}</div>;
}

