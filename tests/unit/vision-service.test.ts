/** One engine per browser: requests in turn, time limits, restart after failure, release when idle. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createVisionService, type EngineBackend } from '../../vision/service';
import type { AnalyseResponse } from '../../vision/protocol';

const ok = (n: number): AnalyseResponse => ({ ok: true, analysis: { width: n, height: n, hands: [] } });

function fakeBackend(run: (data: string) => Promise<AnalyseResponse>) {
  const calls: string[] = [];
  const backend: EngineBackend & { stops: number } = {
    stops: 0,
    run: (data) => {
      calls.push(data);
      return run(data);
    },
    async stop() {
      backend.stops++;
    },
  };
  return { backend, calls };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('vision service', () => {
  it('runs requests one at a time, in order', async () => {
    let active = 0;
    let maxActive = 0;
    const { backend, calls } = fakeBackend(async (d) => {
      maxActive = Math.max(maxActive, ++active);
      await new Promise((r) => setTimeout(r, 10));
      active--;
      return ok(Number(d));
    });
    const s = createVisionService(backend);
    const all = Promise.all(['1', '2', '3'].map((d) => s.analyse(d, d)));
    await vi.advanceTimersByTimeAsync(50);
    const res = await all;
    expect(res.map((r) => (r.ok ? r.analysis.width : -1))).toEqual([1, 2, 3]);
    expect(calls).toEqual(['1', '2', '3']);
    expect(maxActive).toBe(1);
  });

  it('releases the engine after the idle time, not before, and not while busy', async () => {
    const { backend } = fakeBackend(async () => ok(1));
    const s = createVisionService(backend, { idleMs: 1000 });
    await s.analyse('a', 'a');
    await vi.advanceTimersByTimeAsync(900);
    expect(backend.stops).toBe(0);
    await s.analyse('b', 'b'); // a new request re-arms the timer
    await vi.advanceTimersByTimeAsync(900);
    expect(backend.stops).toBe(0);
    await vi.advanceTimersByTimeAsync(200);
    expect(backend.stops).toBe(1);
  });

  it('a hung request times out, tears the engine down, and the next one runs', async () => {
    let hang = true;
    const { backend } = fakeBackend(() => (hang ? new Promise<AnalyseResponse>(() => {}) : Promise.resolve(ok(7))));
    const s = createVisionService(backend, { timeoutMs: 500, idleMs: 60_000 });
    const first = s.analyse('x', 'x');
    await vi.advanceTimersByTimeAsync(600);
    await expect(first).resolves.toMatchObject({ ok: false, problem: 'timeout' });
    expect(backend.stops).toBe(1);
    hang = false;
    await expect(s.analyse('y', 'y')).resolves.toMatchObject({ ok: true });
  });

  it('a crash is reported as engine-failed with its reason, and the engine restarts', async () => {
    let crash = true;
    const { backend } = fakeBackend(async () => {
      if (crash) throw new Error('wasm abort');
      return ok(3);
    });
    const s = createVisionService(backend);
    await expect(s.analyse('x', 'x')).resolves.toEqual({ ok: false, problem: 'engine-failed', detail: 'wasm abort' });
    expect(backend.stops).toBe(1);
    crash = false;
    await expect(s.analyse('y', 'y')).resolves.toMatchObject({ ok: true });
  });

  it('warm-up loads the engine ahead of a photo, in the queue, and is released when idle like a check', async () => {
    const order: string[] = [];
    const { backend } = fakeBackend(async (d) => {
      order.push(`run ${d}`);
      return ok(1);
    });
    backend.warm = async () => {
      await new Promise((r) => setTimeout(r, 20));
      order.push('warm');
    };
    const s = createVisionService(backend, { idleMs: 1000 });
    void s.warm();
    const photo = s.analyse('1', 'a.jpg');
    await vi.advanceTimersByTimeAsync(30);
    await photo;
    expect(order).toEqual(['warm', 'run 1']);
    expect(backend.stops).toBe(0);
    await vi.advanceTimersByTimeAsync(1001);
    expect(backend.stops).toBe(1);
    // a warm-up that hangs is cut off and the engine torn down; the next photo still runs
    const hang = fakeBackend(async () => ok(2));
    hang.backend.warm = () => new Promise(() => {});
    const h = createVisionService(hang.backend, { timeoutMs: 500 });
    void h.warm();
    const next = h.analyse('2', 'b.jpg');
    await vi.advanceTimersByTimeAsync(600);
    expect((await next).ok).toBe(true);
    expect(hang.backend.stops).toBe(1);
    // a backend without warm-up: nothing happens, nothing breaks
    const plain = createVisionService(fakeBackend(async () => ok(1)).backend);
    await expect(plain.warm()).resolves.toBeUndefined();
  });
});
