import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { openDB } from 'idb';
import { HistoryStore, startOfToday, toCsv, toJson, type NewWarning } from '../../lib/history/store';

let n = 0;
const fresh = () => `history-test-${++n}`;
const DAY = 86_400_000;
const w = (over: Partial<NewWarning> = {}): NewWarning => ({ at: 1_700_000_000_000, site: 'x', rules: ['tagar-kampanye'], severity: 'violation', action: 'edited', ...over });
let store: HistoryStore | undefined;
afterEach(() => store?.close());

describe('history store', () => {
  it('keeps each warning with time, site, rules, severity and action; newest first', async () => {
    store = await HistoryStore.open(fresh());
    await store.add(w({ at: 1000, action: 'edited' }));
    await store.add(w({ at: 3000, action: 'posted', reason: 'berita resmi kantor', severity: 'caution', rules: ['a', 'b'] }));
    await store.add(w({ at: 2000, action: 'cancelled', site: 'facebook', kind: 'like' }));
    const rows = await store.list();
    expect(rows.map((r) => [r.at, r.site, r.action])).toEqual([
      [3000, 'x', 'posted'],
      [2000, 'facebook', 'cancelled'],
      [1000, 'x', 'edited'],
    ]);
    expect(rows[0]).toMatchObject({ v: 2, rules: ['a', 'b'], severity: 'caution', reason: 'berita resmi kantor' });
    expect(rows[0]!.kind).toBeUndefined();
    expect(rows[1]!.kind).toBe('like');
    expect(await store.countSince(1500)).toBe(2);
    expect(await store.countSince(0, 'facebook')).toBe(1);
  });

  it('stores only the fields it is given: no text unless an excerpt is passed', async () => {
    store = await HistoryStore.open(fresh());
    await store.add({ ...w(), text: 'Ayo coblos nomor 2' } as NewWarning);
    const [r] = await store.list();
    expect(Object.keys(r!).sort()).toEqual(['action', 'at', 'id', 'rules', 'severity', 'site', 'v']);
    expect(JSON.stringify(r)).not.toContain('coblos');
  });

  it('prunes records older than the retention limit', async () => {
    store = await HistoryStore.open(fresh());
    const now = 100 * DAY;
    await store.add(w({ at: now - 91 * DAY }));
    await store.add(w({ at: now - 90 * DAY + 1 }));
    await store.add(w({ at: now - 1 }));
    expect(await store.prune(90, now)).toBe(1);
    expect((await store.list()).map((r) => r.at)).toEqual([now - 1, now - 90 * DAY + 1]);
    expect(await store.prune(1, now)).toBe(1);
    expect(await store.list()).toHaveLength(1);
  });

  it('clear all empties it', async () => {
    store = await HistoryStore.open(fresh());
    await store.add(w());
    await store.clear();
    expect(await store.list()).toEqual([]);
  });

  it('upgrades a version-1 database in place, keeping its records', async () => {
    const name = fresh();
    const v1 = await openDB(name, 1, {
      upgrade(db) {
        db.createObjectStore('warnings', { keyPath: 'id', autoIncrement: true }).createIndex('at', 'at');
      },
    });
    await v1.add('warnings', { at: 5000, site: 'x', rules: ['r1'], severity: 'violation', action: 'posted', reason: 'tugas' });
    await v1.add('warnings', { at: 6000, site: 'facebook', severity: 'caution', action: 'edited' }); // v1 record missing rules
    v1.close();

    store = await HistoryStore.open(name);
    const rows = await store.list();
    expect(rows).toEqual([
      { id: 2, v: 2, at: 6000, site: 'facebook', rules: [], severity: 'caution', action: 'edited' },
      { id: 1, v: 2, at: 5000, site: 'x', rules: ['r1'], severity: 'violation', action: 'posted', reason: 'tugas' },
    ]);
    expect(await store.countSince(0, 'facebook')).toBe(1); // the new 'site' index works on old records
    await store.add(w({ at: 7000 }));
    expect((await store.list())[0]!.id).toBe(3);
  });

  it('exports CSV (quoted, formula-safe) and JSON', () => {
    const rows = [
      { id: 1, v: 2 as const, at: Date.UTC(2026, 10, 22, 8, 0), site: 'x', rules: ['a', 'b'], severity: 'violation' as const, action: 'posted' as const, reason: '=HYPERLINK("x") "ok"' },
    ];
    const csv = toCsv(rows);
    expect(csv).toBe(
      'time,site,kind,severity,rules,action,reason,excerpt\r\n"2026-11-22T08:00:00.000Z","x","post","violation","a b","posted","\'=HYPERLINK(""x"") ""ok""",""\r\n',
    );
    const json = JSON.parse(toJson(rows));
    expect(json.format).toBe('jaga-netral/history');
    expect(json.warnings).toEqual([{ at: rows[0]!.at, time: '2026-11-22T08:00:00.000Z', site: 'x', rules: ['a', 'b'], severity: 'violation', action: 'posted', reason: '=HYPERLINK("x") "ok"' }]);
  });

  it('startOfToday is local midnight', () => {
    const d = new Date(2026, 10, 22, 15, 30);
    expect(startOfToday(d)).toBe(new Date(2026, 10, 22).getTime());
  });
});
