/**
 * The engine page used by the CLI, the accuracy script and the benchmark: the same HandRunner
 * the extension runs, in a plain headless Chromium page (see vision/headless.ts).
 */
import { HandRunner } from './runner';
import { fromBase64 } from './protocol';

const runner = new HandRunner({ assetBase: '/vision/' });

(globalThis as unknown as { jagaVision: unknown }).jagaVision = {
  analyse: (b64: string) => runner.analyse(fromBase64(b64)),
  rawHands: (b64: string) => runner.rawHands(fromBase64(b64)),
  load: async () => {
    await runner.load();
    return runner.loadMs.value;
  },
  close: () => runner.close(),
};
