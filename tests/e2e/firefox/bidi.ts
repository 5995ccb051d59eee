/**
 * A small WebDriver BiDi client (https://w3c.github.io/webdriver-bidi/), enough to drive Firefox
 * as a person would: commands by id over one WebSocket, events to listeners. Firefox is started with
 * --remote-debugging-port and answers BiDi at ws://127.0.0.1:PORT/session.
 */
import WebSocket from 'ws';

export interface BidiEvent {
  method: string;
  params: Record<string, any>;
}

export class BidiError extends Error {
  constructor(
    readonly command: string,
    readonly error: string,
    message: string,
  ) {
    super(`${command}: ${error}: ${message}`);
  }
}

export class Bidi {
  private nextId = 1;
  private readonly pending = new Map<number, { command: string; resolve: (v: any) => void; reject: (e: Error) => void }>();
  private readonly listeners = new Set<(e: BidiEvent) => void>();

  private constructor(private readonly ws: WebSocket) {
    ws.on('message', (data) => {
      const msg = JSON.parse(String(data));
      if (typeof msg.id === 'number') {
        const p = this.pending.get(msg.id);
        if (!p) return;
        this.pending.delete(msg.id);
        if (msg.type === 'error') p.reject(new BidiError(p.command, msg.error, msg.message));
        else p.resolve(msg.result);
      } else if (msg.type === 'event') {
        for (const l of this.listeners) l(msg as BidiEvent);
      }
    });
    ws.on('close', () => {
      for (const p of this.pending.values()) p.reject(new Error(`${p.command}: the browser closed the connection`));
      this.pending.clear();
    });
  }

  static async connect(url: string, timeoutMs = 60_000): Promise<Bidi> {
    const deadline = Date.now() + timeoutMs;
    let last: unknown;
    while (Date.now() < deadline) {
      try {
        const ws = new WebSocket(url);
        await new Promise<void>((resolve, reject) => {
          ws.once('open', () => resolve());
          ws.once('error', reject);
        });
        return new Bidi(ws);
      } catch (e) {
        last = e;
        await new Promise((r) => setTimeout(r, 250));
      }
    }
    throw new Error(`no WebDriver BiDi at ${url}: ${String(last)}`);
  }

  send<T = any>(method: string, params: Record<string, unknown> = {}): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { command: method, resolve, reject });
      this.ws.send(JSON.stringify({ id, method, params }));
    });
  }

  on(listener: (e: BidiEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  close(): void {
    this.ws.close();
  }
}

/** A BiDi RemoteValue (script.evaluate's result) as a plain JavaScript value. */
export function fromRemote(v: any): unknown {
  switch (v?.type) {
    case 'undefined':
      return undefined;
    case 'null':
      return null;
    case 'string':
    case 'boolean':
      return v.value;
    case 'number':
      return typeof v.value === 'number' ? v.value : Number(v.value);
    case 'array':
      return (v.value ?? []).map(fromRemote);
    case 'object':
      return Object.fromEntries((v.value ?? []).map(([k, val]: [any, any]) => [typeof k === 'string' ? k : fromRemote(k), fromRemote(val)]));
    default:
      return v;
  }
}
