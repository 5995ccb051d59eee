/**
 * Chrome's offscreen document: the one place the hand engine runs in Chrome. The background
 * creates it on first need and closes it when idle (or when a request fails or hangs).
 */
import { HandRunner } from '../../vision/runner';
import { fromBase64, isAnalyseRequest, isWarmRequest, MSG_RUN, MSG_WARM_RUN, type AnalyseResponse } from '../../vision/protocol';
import { TextRunner } from '../../vision/ocr';
import { analysePhoto, warmEngines } from '../../vision/photo-check';

const runner = new HandRunner({ assetBase: browser.runtime.getURL('/vision/hand_landmarker.task').replace(/[^/]+$/, '') });
// text in the photo: Tesseract in a worker of this document (public/ocr/)
const text = new TextRunner({ assetBase: browser.runtime.getURL('/ocr/ocr-worker.js').replace(/[^/]+$/, '') });

browser.runtime.onMessage.addListener((msg: unknown, _sender, sendResponse: (r: AnalyseResponse) => void) => {
  if (!isAnalyseRequest(msg, MSG_RUN)) return undefined;
  analysePhoto(runner, text, fromBase64(msg.data))
    .then((analysis) => sendResponse({ ok: true, analysis, loadMs: runner.loadMs.value }))
    .catch((err) => sendResponse({ ok: false, problem: 'engine-failed', detail: String((err as Error)?.message ?? err) }));
  return true;
});

// warm-up ahead of a photo: both engines load and run once now (answered when done, or failed)
browser.runtime.onMessage.addListener((msg: unknown, _sender, sendResponse: (r: { ok: boolean }) => void) => {
  if (!isWarmRequest(msg, MSG_WARM_RUN)) return undefined;
  warmEngines(runner, text).then(
    () => sendResponse({ ok: true }),
    () => sendResponse({ ok: false }),
  );
  return true;
});
