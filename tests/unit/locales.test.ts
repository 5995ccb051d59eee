import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { MESSAGE_KEYS } from '../../components/messages';

const load = (lang: string) => JSON.parse(readFileSync(new URL(`../../public/_locales/${lang}/messages.json`, import.meta.url), 'utf8'));

describe('locales', () => {
  it.each(['id', 'en'])('%s has every interface string', (lang) => {
    const m = load(lang);
    for (const k of MESSAGE_KEYS) expect(m[k]?.message, k).toBeTruthy();
  });
  it('Indonesian and English differ where they should', () => {
    expect(load('id').btnEdit.message).toBe('Ubah tulisan');
    expect(load('id').btnPostAnyway.message).toBe('Tetap kirim');
    expect(load('en').btnEdit.message).toBe('Edit post');
  });
});
