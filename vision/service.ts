/**
 * One engine per browser, loaded on first need and released when idle. Requests run one at a
 * time, each with a time limit; a request that fails or hangs tears the engine down so the next
 * photo starts a fresh one.
 */
import type { AnalyseResponse } from './protocol';

export interface EngineBackend {
  run(data: string, name: string): Promise<AnalyseResponse>;
  /** Release everything (model, wasm memory, document). */
  stop(): Promise<void>;
  /** Load the engines ahead of a photo (optional). */
  warm?(): Promise<void>;
}

export interface ServiceOptions {
  idleMs?: number;
  timeoutMs?: number;
}

export function createVisionService(backend: EngineBackend, { idleMs = 60_000, timeoutMs = 20_000 }: ServiceOptions = {}) {
  let queue: Promise<unknown> = Promise.resolve();
  let idle: ReturnType<typeof setTimeout> | undefined;
  let busy = 0;

  const armIdle = () => {
    clearTimeout(idle);
    if (busy === 0) idle = setTimeout(() => void backend.stop(), idleMs);
  };

  const runOne = async (data: string, name: string): Promise<AnalyseResponse> => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<AnalyseResponse>((resolve) => {
      timer = setTimeout(() => resolve({ ok: false, problem: 'timeout', detail: `no answer in ${timeoutMs} ms` }), timeoutMs);
    });
    try {
      const res = await Promise.race([
        backend.run(data, name).catch((err): AnalyseResponse => ({ ok: false, problem: 'engine-failed', detail: String((err as Error)?.message ?? err) })),
        timeout,
      ]);
      if (!res.ok && (res.problem === 'timeout' || res.problem === 'engine-failed')) await backend.stop().catch(() => {});
      return res;
    } finally {
      clearTimeout(timer);
    }
  };

  return {
    /** Loads the engines ahead of a photo; queued like a check, so it never races one; idles out as one does. */
    warm(): Promise<void> {
      if (!backend.warm) return Promise.resolve();
      busy++;
      clearTimeout(idle);
      // bounded like a check: a warm-up that hangs tears the engine down instead of stalling the queue
      const p = queue.then(async () => {
        let timer: ReturnType<typeof setTimeout> | undefined;
        const hung = new Promise<'hung'>((resolve) => (timer = setTimeout(() => resolve('hung'), timeoutMs)));
        const r = await Promise.race([backend.warm!().catch(() => 'failed' as const), hung]);
        clearTimeout(timer);
        if (r === 'hung' || r === 'failed') await backend.stop().catch(() => {});
      });
      queue = p.catch(() => {});
      return p.finally(() => {
        busy--;
        armIdle();
      });
    },
    analyse(data: string, name: string): Promise<AnalyseResponse> {
      busy++;
      clearTimeout(idle);
      const p = queue.then(() => runOne(data, name));
      queue = p.catch(() => {});
      return p.finally(() => {
        busy--;
        armIdle();
      });
    },
  };
}
