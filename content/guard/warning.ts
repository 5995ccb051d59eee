/**
 * The one warning flow every feature uses. A post: check the composer (a cache lookup when the draft
 * was checked as it was typed), open the warning, enforce the agency's mode, record what the person
 * did, and hand control back — caret and focus restored, or the post sent once through the site's
 * own button (or the same key pressed again where a composer has no button). An engagement: warn,
 * record, and pass the press on once.
 */
import type { Analysis } from '../../lib/rules/types';
import type { Action } from '../../lib/history/store';
import type { Decision } from '../../components/Overlay';
import { isDisabled, readDraft, type Engagement } from '../../sites/types';
import { restoreCaret, saveCaret } from '../caret';
import type { GuardContext } from './context';
import type { LivePhotoSource, PhotoWait } from './photo-wait';

/** What a held key press looked like, to replay it once after "Tetap kirim" when there is no button. */
export interface HeldKey {
  key: string;
  code: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

/** A draft that needs the warning: its verdict, its text, and its photos when they need attention. */
export interface Found {
  analysis: Analysis;
  text: string;
  photos?: LivePhotoSource;
}

export interface WarningFlow {
  /** Does the composer's draft need the warning now? */
  check(composer: Element): Found | null;
  /** The draft last read in a composer, for a later step of the same composer that no longer shows the editor. */
  remember(composer: Element, text: string): void;
  /** Warn about a composer's draft: before its submit ('submit') or from its marker ('preview'). */
  warnDraft(composer: Element, button: Element | null, mode: 'submit' | 'preview', found?: Found | null, key?: HeldKey | null): Promise<void>;
  /** Warn once per item before a Like/Share/Repost/Follow on campaign content; true when held. */
  warnEngagement(hit: Engagement, passOn: () => void): boolean;
}

export const heldKey = ({ key, code, ctrlKey, metaKey, shiftKey, altKey }: KeyboardEvent): HeldKey => ({ key, code, ctrlKey, metaKey, shiftKey, altKey });

export function createWarningFlow(ctx: GuardContext, photos: PhotoWait | null): WarningFlow {
  const { adapter, ui } = ctx;

  /** Drafts of composers whose editor a later step may take away (a two-step post dialog). */
  const drafts = new WeakMap<Element, string>();
  const remember = (composer: Element, text: string) => {
    if (adapter.editorsIn(composer).length) drafts.set(composer, text);
  };
  // what was sent (or let through clean) is no longer a draft to hold at a later step
  ctx.onSubmitted((composer) => drafts.delete(composer));

  const check = (composer: Element): Found | null => {
    const read = readDraft(adapter, composer);
    // the editor step is gone (a settings step): judge the text written there
    const text = read.editors.length ? read.text : (drafts.get(composer) ?? '');
    remember(composer, text);
    const analysis = text.trim() ? ctx.analyze(text) : null;
    const pr = photos?.reportOf(composer) ?? null;
    if (pr?.needsAttention) return { analysis: analysis ?? { verdict: 'ok', findings: [] }, text, photos: photos!.sourceOf(composer) };
    if (!text.trim()) return null;
    return analysis && analysis.verdict !== 'ok' ? { analysis, text } : null;
  };

  const warnDraft: WarningFlow['warnDraft'] = async (composer, button, mode, found = check(composer), key = null) => {
    if (!found) return;
    const editors = adapter.editorsIn(composer);
    const focused = editors.find((ed) => ed.contains(document.activeElement));
    const focusTarget = focused ?? ctx.lastEditor.get(composer) ?? editors[0] ?? null;
    const caret = focusTarget ? (focused ? saveCaret(focusTarget) : ctx.carets.get(focusTarget) ?? null) : null;

    // a photo check still running gets a bounded wait, with progress on screen;
    // if it settles clean (and the text is clean) the post goes on as the person asked
    let decided = false;
    const src = found.photos;
    if (src && photos && (src.get()?.pending ?? 0) > 0) {
      void photos.settle(composer).then((settled) => {
        if (decided) return; // the person chose already; this warning is gone
        if (!settled) return src.markWaitedOut();
        const pr = src.get();
        if (mode === 'submit' && found.analysis.verdict === 'ok' && pr && !pr.needsAttention) ui.close('post');
      });
    }
    const waiting = ctx.policyReady();
    if (waiting) await waiting;
    const { mode: enforce, agency, enabled } = ctx.policy();
    let decision: Decision | undefined;
    // a site the policy (known only now) switches off: the submit goes on as if we weren't there
    const choice = !enabled ? 'post' : await ui.warn({
      ...found,
      mode,
      anchor: () => ctx.editorsRect(composer),
      enforcement: { mode: enforce, ...(agency ? { agency } : {}) },
      onDecision: (d) => (decision = d),
    });
    decided = true;
    const pr = found.photos?.get() ?? null;
    // settled clean while the warning was open (closed by the photo check, not by the person)
    const clean = found.analysis.verdict === 'ok' && !!pr && !pr.needsAttention;
    const blocked = enforce === 'block' && (found.analysis.verdict === 'violation' || pr?.verdict === 'violation');

    if (focusTarget?.isConnected) restoreCaret(focusTarget, caret);
    const reason = decision?.reason?.trim();
    // the warning enforces the mode; this makes sure of it
    const allowed = !enabled || (choice === 'post' && (clean || (!blocked && (enforce !== 'confirm' || !!reason))));
    if (mode === 'submit' && !clean && enabled) {
      const action: Action = allowed ? 'posted' : blocked ? 'blocked' : decision?.via === 'escape' ? 'cancelled' : 'edited';
      ctx.record({
        analysis: found.analysis,
        text: found.text,
        action,
        ...(allowed && reason ? { reason } : {}),
        ...(pr?.findings.length ? { photos: { rules: pr.findings.map((f) => f.rule), violation: pr.verdict === 'violation' } } : {}),
      });
    }
    if (!allowed || mode !== 'submit') return;
    const target = button?.isConnected ? button : adapter.submitButtonOf(composer);
    if (target && !isDisabled(target)) {
      ctx.clickOnce(target);
      ctx.submitted(composer);
      return;
    }
    // no button (a comment box that only Enter sends): press the same key again, once
    const editor = focusTarget?.isConnected ? focusTarget : null;
    if (!key || !editor) return;
    const replay = new KeyboardEvent('keydown', { ...key, bubbles: true, cancelable: true, composed: true });
    const where = editor.contains(document.activeElement) ? (document.activeElement as HTMLElement) : editor;
    ctx.dispatchOnce(where, replay);
    ctx.submitted(composer);
  };

  /** Content already warned about (by its text): once per item, so the warning informs without nagging. */
  const warnedItems = new Set<string>();

  const warnEngagement: WarningFlow['warnEngagement'] = (hit, passOn) => {
    const key = hit.text.trim();
    if (!key || warnedItems.has(key)) return false;
    const analysis = ctx.analyze(hit.text);
    if (!analysis || analysis.verdict === 'ok') return false; // quiet for neutral content
    warnedItems.add(key);
    const item = hit.item;
    void ui.warn({ analysis, text: hit.text, mode: 'engage', action: hit.action, anchor: () => (item.isConnected ? item.getBoundingClientRect() : null) }).then((choice) => {
      ctx.record({ analysis, text: hit.text, action: choice === 'post' ? 'posted' : 'cancelled', kind: hit.action });
      if (choice === 'post') passOn();
    });
    return true;
  };

  return { check, remember, warnDraft, warnEngagement };
}
