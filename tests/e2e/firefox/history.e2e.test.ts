/**
 * Firefox ESR: the private history keeps what was decided, never what was written. A campaign post
 * on the X fixture is warned about twice — "Ubah tulisan" once, "Tetap kirim" once — and then the
 * extension's own storage on disk is read: every IndexedDB database in its folders of the profile
 * (the history, and storage.local, which Firefox keeps in IndexedDB too; at a fixed address set
 * through extensions.webextensions.uuids), each record unpacked (Firefox stores them
 * snappy-compressed) and searched in UTF-8, Latin-1 and UTF-16. The two decisions and their rule are
 * there; the words of the post are not. (Firefox does not let WebDriver BiDi open moz-extension://
 * pages, so the settings page's view of the history is tested in Chromium only.)
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { FIREFOX_ADDON_ID, openWithExtension, useFirefox } from './harness';

const UUID = '5c1e9a40-8a7b-4f55-9a0e-6d2c3b1f0a11';
const COMPOSER = '[data-testid="tweetTextarea_0"]';
const POST = '[data-testid="tweetButtonInline"]';
const DIALOG = 'jaga-netral-ui >>> [role="alertdialog"]';
const CAMPAIGN = 'Ayo coblos nomor 2 tanggal 14 Februari!';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const { uncompress } = createRequire(import.meta.url)('snappyjs') as { uncompress(b: Uint8Array): Uint8Array };

/** The records of every IndexedDB database in the extension's folders of the profile, unpacked. */
function extensionRecords(profileDir: string): Buffer[] {
  const root = path.join(profileDir, 'storage/default');
  const dbs: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const p = path.join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith('.sqlite')) dbs.push(p);
    }
  };
  for (const name of readdirSync(root)) if (name.startsWith(`moz-extension+++${UUID}`)) walk(path.join(root, name));
  const records: Buffer[] = [];
  for (const db of dbs) {
    // a copy with its write-ahead log: Firefox holds the database open
    const tmp = mkdtempSync(path.join(os.tmpdir(), 'jn-idb-'));
    try {
      const copy = path.join(tmp, 'db.sqlite');
      copyFileSync(db, copy);
      if (existsSync(`${db}-wal`)) copyFileSync(`${db}-wal`, `${copy}-wal`);
      const hex = execFileSync('sqlite3', [copy, 'SELECT hex(data) FROM object_data;'], { encoding: 'utf8' });
      for (const line of hex.split('\n').filter(Boolean)) {
        const raw = Buffer.from(line, 'hex');
        let data: Buffer;
        try {
          data = Buffer.from(uncompress(raw));
        } catch {
          data = raw;
        }
        records.push(data);
      }
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  }
  return records;
}

const holding = (records: Buffer[], text: string) =>
  records.filter((r) => ['utf8', 'latin1', 'utf16le'].some((enc) => r.includes(Buffer.from(text, enc as BufferEncoding))));

describe('Firefox: the private history', () => {
  const suite = useFirefox({ prefs: { 'extensions.webextensions.uuids': JSON.stringify({ [FIREFOX_ADDON_ID]: UUID }) } });

  it('records the decisions with their rule, and none of the words, in the extension’s storage on disk', async () => {
    for (const action of ['edit', 'post']) {
      const page = await openWithExtension(suite.ff, 'https://x.com/home', COMPOSER);
      await page.click(COMPOSER);
      await page.type(CAMPAIGN);
      await page.click(POST);
      await page.waitFor(`find(${JSON.stringify(DIALOG)})?.innerText`, 'the warning');
      await page.click(`${DIALOG} button[data-action="${action}"]`);
      if (action === 'post') await page.waitFor('window.__xPosts.length >= 1', 'the post');
      else await page.waitFor(`!find(${JSON.stringify(DIALOG)})`, 'the warning to close');
      await page.close();
    }
    // the rows reach the database files (the write-ahead log) within moments
    let records: Buffer[] = [];
    for (let i = 0; i < 50 && holding(records, 'ajakan-coblos-nomor').length < 2; i++) {
      await sleep(200);
      records = extensionRecords(suite.ff.profileDir);
    }
    expect(holding(records, 'ajakan-coblos-nomor')).toHaveLength(2);
    expect(holding(records, 'coblos nomor 2')).toEqual([]);
    expect(holding(records, 'Februari')).toEqual([]);
  });
});
