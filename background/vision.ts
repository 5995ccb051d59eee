/**
 * Background side of the photo check (issue #4): routes checks from the content scripts to the one
 * hand engine of the browser. Chrome: an offscreen document (created on first need, closed when idle).
 * Firefox: the background page itself runs the engine. (Moved unchanged from entrypoints/background.ts.)
 */
import { browser, type Browser } from 'wxt/browser';
import { createVisionService, type EngineBackend } from '../vision/service';
import { isAnalyseRequest, isWarmRequest, MSG_ANALYSE, MSG_RUN, MSG_WARM, MSG_WARM_RUN, type AnalyseResponse } from '../vision/protocol';

function offscreenBackend(): EngineBackend {
  const url = browser.runtime.getURL('/offscreen.html');
  let creating: Promise<void> | null = null;
  const ensure = async () => {
    const contexts = await browser.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT' as Browser.runtime.ContextType], documentUrls: [url] });
    if (contexts.length) return;
    creating ??= browser.offscreen
      .createDocument({ url, reasons: ['WORKERS' as Browser.offscreen.Reason], justification: 'Checks attached photos for hand poses, locally.' })
      .finally(() => (creating = null));
    await creating;
  };
  return {
    async run(data, name) {
      await ensure();
      const res = (await browser.runtime.sendMessage({ type: MSG_RUN, data, name })) as AnalyseResponse | undefined;
      if (!res) throw new Error('the engine document closed without answering');
      return res;
    },
    async warm() {
      await ensure();
      await browser.runtime.sendMessage({ type: MSG_WARM_RUN });
    },
    async stop() {
      const contexts = await browser.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT' as Browser.runtime.ContextType], documentUrls: [url] });
      if (contexts.length) await browser.offscreen.closeDocument().catch(() => {});
    },
  };
}

async function pageBackend(): Promise<EngineBackend> {
  const { HandRunner } = await import('../vision/runner');
  const { fromBase64 } = await import('../vision/protocol');
  const { TextRunner } = await import('../vision/ocr');
  const { analysePhoto, warmEngines } = await import('../vision/photo-check');
  let runner: InstanceType<typeof HandRunner> | null = null;
  let text: InstanceType<typeof TextRunner> | null = null;
  return {
    async run(data) {
      runner ??= new HandRunner({ assetBase: browser.runtime.getURL('/vision/hand_landmarker.task').replace(/[^/]+$/, '') });
      text ??= new TextRunner({ assetBase: browser.runtime.getURL('/ocr/ocr-worker.js').replace(/[^/]+$/, '') });
      return { ok: true, analysis: await analysePhoto(runner, text, fromBase64(data)), loadMs: runner.loadMs.value };
    },
    async warm() {
      runner ??= new HandRunner({ assetBase: browser.runtime.getURL('/vision/hand_landmarker.task').replace(/[^/]+$/, '') });
      text ??= new TextRunner({ assetBase: browser.runtime.getURL('/ocr/ocr-worker.js').replace(/[^/]+$/, '') });
      await warmEngines(runner, text);
    },
    async stop() {
      const r = runner;
      const t = text;
      runner = null;
      text = null;
      await Promise.all([r?.close(), t?.close()]);
    },
  };
}

export function startVision(): void {
  // photo check (issue #4)
  const backend: Promise<EngineBackend> = import.meta.env.FIREFOX ? pageBackend() : Promise.resolve(offscreenBackend());
  const service = backend.then((b) => createVisionService(b));
  // warm-up ahead of a photo: answered at once, the loading goes on in the engine
  browser.runtime.onMessage.addListener((msg: unknown) => {
    if (!isWarmRequest(msg, MSG_WARM)) return undefined;
    void service.then((s) => s.warm());
    return undefined;
  });
  browser.runtime.onMessage.addListener((msg: unknown, _sender, sendResponse: (r: AnalyseResponse) => void) => {
    if (!isAnalyseRequest(msg, MSG_ANALYSE)) return undefined;
    service
      .then((s) => s.analyse(msg.data, msg.name))
      .then(sendResponse, (err) => sendResponse({ ok: false, problem: 'engine-failed', detail: String((err as Error)?.message ?? err) }));
    return true;
  });
}
