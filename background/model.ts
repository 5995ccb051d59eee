/**
 * Hands the shipped text model (public/model/text-model.json) to content scripts that ask for it
 * ('jn:model'). Content scripts cannot read extension files without making them web-accessible
 * (which would let any page detect the extension), so the background reads it once and sends it.
 */
import { browser } from 'wxt/browser';
import { MODEL_PATH } from '../lib/model';

export function startModel(): void {
  let file: Promise<unknown> | undefined;
  browser.runtime.onMessage.addListener((msg: unknown, sender, sendResponse: (r: unknown) => void) => {
    if ((msg as { type?: string })?.type !== 'jn:model') return undefined;
    if (sender.id !== browser.runtime.id) return undefined;
    file ??= fetch(browser.runtime.getURL(MODEL_PATH as '/model/text-model.json')).then((r) => {
      if (!r.ok) throw new Error(`model file: HTTP ${r.status}`);
      return r.json();
    });
    file.then(
      (model) => sendResponse({ ok: true, model }),
      (e) => {
        file = undefined;
        sendResponse({ ok: false, error: String(e) });
      },
    );
    return true;
  });
}
