/**
 * The engine page used by the CLI, the accuracy script and the benchmark: the same HandRunner and
 * TextRunner the extension runs, in a plain headless Chromium page (see vision/headless.ts).
 */
import { HandRunner } from './runner';
import { fromBase64 } from './protocol';
import { TextRunner } from './ocr';
import { analysePhoto, warmEngines } from './photo-check';
import { fingerprintBytes } from './fingerprint';

const runner = new HandRunner({ assetBase: '/vision/' });
const text = new TextRunner({ assetBase: '/ocr/' });

(globalThis as unknown as { jagaVision: unknown }).jagaVision = {
  analyse: (b64: string) => analysePhoto(runner, text, fromBase64(b64)),
  rawHands: (b64: string) => runner.rawHands(fromBase64(b64)),
  load: async () => {
    await runner.load();
    return runner.loadMs.value;
  },
  close: () => runner.close(),
  readText: (b64: string) => text.read(fromBase64(b64)),
  loadText: async () => {
    await text.load();
    return text.loadMs.value;
  },
  closeText: () => text.close(),
  warm: () => warmEngines(runner, text),
  fingerprint: (b64: string, side: 'photo' | 'reference') => fingerprintBytes(fromBase64(b64), side),
};
