/**
 * The submit guard: watches a site's composers, checks drafts as they are typed, and stands between
 * the person and the site's submit (button click or key) when the draft has findings.
 *
 * It reads the editor and never writes to it. A clean draft goes through untouched, in the same
 * event. A draft with findings is held: the warning opens, and the person either goes back to the
 * editor (text, caret and focus as they were) or posts anyway, through the site's own submit, once.
 *
 * Each path is a feature of its own in content/guard/, registered with the guard's AbortSignal and
 * sharing one context (context.ts) and one warning flow (warning.ts). A new site or path is a new
 * small file there, started below.
 */
import type { Engine } from '../lib/rules/engine';
import type { Analysis } from '../lib/rules/types';
import type { Engagement, HealthProblem, Recognised, SiteAdapter } from '../sites/types';
import type { Ui } from '../components/ui';
import type { Agency, Mode } from '../lib/policy/policy';
import type { Action } from '../lib/history/store';
import type { AttachmentWatcher } from './attachments';
import { createGuardContext } from './guard/context';
import { createPhotoWait } from './guard/photo-wait';
import { createWarningFlow } from './guard/warning';
import { startDraftWatch } from './guard/draft-watch';
import { startEngagementClick } from './guard/engagement';
import { startEngagementKeys } from './guard/engagement-keys';
import { startSubmitClick } from './guard/submit-click';
import { startSubmitKey } from './guard/submit-key';

export interface GuardOptions {
  adapter: SiteAdapter;
  /** The engine, built on first need. */
  engine: () => Engine;
  ui: Ui;
  signal: AbortSignal;
  /** How long after typing stops the draft is checked (ms). */
  debounceMs?: number;
  /** Attached photos, and how long Post waits for a running check (ms). */
  photos?: { watcher: AttachmentWatcher; waitMs?: number };
  /** Called once per page and problem when the adapter can't find what it expects (see content/health.ts). */
  onHealth?: (problem: HealthProblem, detail: string) => void;
  /** Called once per page and thing the adapter recognised (a composer, its submit path, an engagement button). */
  onRecognised?: (thing: Recognised) => void;
  /** The agency policy for this site, read (never awaited) at each event. Default: on, warn mode. */
  policy?: () => SitePolicy;
  /** While the policy is not known yet (the first moments after start), a promise that resolves when it is; null once known. A warning waits on it. */
  policyReady?: () => Promise<void> | null;
  /** Told once per submit warning what the person did (for their private history). */
  onWarning?: (outcome: WarningOutcome) => void;
}

export interface SitePolicy {
  enabled: boolean;
  mode: Mode;
  agency?: Agency;
}

export interface WarningOutcome {
  analysis: Analysis;
  text: string;
  action: Action;
  reason?: string;
  /** An engagement warning (Like/Share/Repost/Follow); absent for a post. */
  kind?: Engagement['action'];
  /** Findings on the attached photos (rule ids and the worst severity), if any. */
  photos?: { rules: string[]; violation: boolean };
}

const DEFAULT_POLICY: SitePolicy = { enabled: true, mode: 'warn' };

export function startGuard(options: GuardOptions): void {
  const ctx = createGuardContext(options, options.policy ?? (() => DEFAULT_POLICY));
  const photos = options.photos ? createPhotoWait(ctx, options.photos) : null;
  const flow = createWarningFlow(ctx, photos);
  // engagement first: its click listener decides before the submit one looks at the same click
  startEngagementClick(ctx, flow);
  startEngagementKeys(ctx, flow);
  startSubmitClick(ctx, flow);
  startSubmitKey(ctx, flow);
  startDraftWatch(ctx, flow, photos);
  ctx.signal.addEventListener('abort', () => ctx.ui.destroy());
}
