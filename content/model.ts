/**
 * The learned stage in a content script: asked of the background once (background/model.ts), built
 * when it arrives. Until then (and if it never comes) the rules work alone; nothing waits for it.
 */
import { browser } from 'wxt/browser';
import { stageFrom } from '../lib/model';
import type { TextStage } from '../lib/rules/types';

export function watchModel(signal: AbortSignal, onReady: () => void): () => TextStage | undefined {
  let stage: TextStage | undefined;
  browser.runtime
    .sendMessage({ type: 'jn:model' })
    .then((r: unknown) => {
      const res = r as { ok?: boolean; model?: unknown; error?: string } | undefined;
      if (signal.aborted) return;
      if (!res?.ok) throw new Error(res?.error ?? 'no answer');
      stage = stageFrom(res.model);
      onReady();
    })
    .catch((e: unknown) => console.warn('[jaga-netral] the text model could not be loaded; the rules work alone', e));
  return () => stage;
}
