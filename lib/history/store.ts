/**
 * The person's private history of warnings, in the extension's own IndexedDB (through `idb`).
 * Never sent anywhere. No post text is kept unless the person turns on "keep excerpts".
 *
 * Schema versions:
 *   1  store 'warnings' (autoIncrement id), index 'at'; records {at, site, rules, severity, action, reason?}
 *   2  + index 'site'; records gain 'v' (record format) and 'excerpt?'; v1 records are upgraded in place
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';

export const DB_NAME = 'jaga-netral-history';
export const DB_VERSION = 2;

export type Action = 'edited' | 'posted' | 'cancelled' | 'blocked';
export const ACTIONS: readonly Action[] = ['edited', 'posted', 'cancelled', 'blocked'];

export interface WarningRecord {
  id?: number;
  v: 2;
  /** ms since epoch */
  at: number;
  site: string;
  rules: string[];
  severity: 'violation' | 'caution';
  action: Action;
  /** What was warned about: a post (absent) or an engagement on someone else's content. */
  kind?: 'like' | 'share' | 'repost' | 'follow';
  /** The reason typed when posting anyway (confirm mode). */
  reason?: string;
  /** The flagged words, only when the person keeps excerpts. */
  excerpt?: string;
}

interface HistoryDB extends DBSchema {
  warnings: {
    key: number;
    value: WarningRecord;
    indexes: { at: number; site: string };
  };
}

export type NewWarning = Omit<WarningRecord, 'id' | 'v'>;

export class HistoryStore {
  private constructor(private readonly db: IDBPDatabase<HistoryDB>) {}

  static async open(name = DB_NAME): Promise<HistoryStore> {
    const db = await openDB<HistoryDB>(name, DB_VERSION, {
      async upgrade(db, oldVersion, _newVersion, tx) {
        if (oldVersion < 1) {
          const s = db.createObjectStore('warnings', { keyPath: 'id', autoIncrement: true });
          s.createIndex('at', 'at');
        }
        if (oldVersion < 2) {
          const s = tx.objectStore('warnings');
          s.createIndex('site', 'site');
          let cursor = await s.openCursor();
          while (cursor) {
            const r = cursor.value as unknown as Record<string, unknown>;
            if (r.v !== 2) await cursor.update({ ...(r as unknown as WarningRecord), v: 2, rules: Array.isArray(r.rules) ? (r.rules as string[]) : [] });
            cursor = await cursor.continue();
          }
        }
      },
    });
    return new HistoryStore(db);
  }

  async add(w: NewWarning): Promise<number> {
    const rec: WarningRecord = {
      v: 2,
      at: w.at,
      site: w.site,
      rules: [...w.rules],
      severity: w.severity,
      action: w.action,
      ...(w.kind ? { kind: w.kind } : {}),
      ...(w.reason ? { reason: w.reason.slice(0, 500) } : {}),
      ...(w.excerpt ? { excerpt: w.excerpt.slice(0, 300) } : {}),
    };
    return this.db.add('warnings', rec);
  }

  /** Newest first. */
  async list(since = 0): Promise<WarningRecord[]> {
    const rows = await this.db.getAllFromIndex('warnings', 'at', IDBKeyRange.lowerBound(since));
    return rows.sort((a, b) => b.at - a.at || (b.id ?? 0) - (a.id ?? 0));
  }

  async countSince(since: number, site?: string): Promise<number> {
    const rows = await this.db.getAllFromIndex('warnings', 'at', IDBKeyRange.lowerBound(since));
    return site ? rows.filter((r) => r.site === site).length : rows.length;
  }

  /** Delete records older than `days` days; returns how many went. */
  async prune(days: number, now = Date.now()): Promise<number> {
    const tx = this.db.transaction('warnings', 'readwrite');
    let n = 0;
    let cursor = await tx.store.index('at').openCursor(IDBKeyRange.upperBound(now - days * 86_400_000, true));
    while (cursor) {
      await cursor.delete();
      n++;
      cursor = await cursor.continue();
    }
    await tx.done;
    return n;
  }

  async clear(): Promise<void> {
    await this.db.clear('warnings');
  }

  close(): void {
    this.db.close();
  }
}

const CSV_COLUMNS = ['time', 'site', 'kind', 'severity', 'rules', 'action', 'reason', 'excerpt'] as const;

function csvCell(s: string): string {
  // quote always; neutralise spreadsheet formulas
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return `"${safe.replace(/"/g, '""')}"`;
}

export function toCsv(rows: readonly WarningRecord[]): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const r of rows) {
    lines.push(
      [new Date(r.at).toISOString(), r.site, r.kind ?? 'post', r.severity, r.rules.join(' '), r.action, r.reason ?? '', r.excerpt ?? ''].map(csvCell).join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

export function toJson(rows: readonly WarningRecord[]): string {
  return JSON.stringify(
    { format: 'jaga-netral/history', version: DB_VERSION, exportedAt: new Date().toISOString(), warnings: rows.map(({ id: _id, v: _v, ...r }) => ({ ...r, time: new Date(r.at).toISOString() })) },
    null,
    2,
  );
}

/** Midnight today, local time. */
export function startOfToday(now = new Date()): number {
  return new Date(now.getFullYear(), now.getMonth(), now.getDate()).getTime();
}
