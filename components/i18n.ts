/** Interface strings through the browser's i18n (public/_locales): Indonesian first, English second. */
import type { LocalText, SanctionCategory } from '../lib/rules/types';
import type { MessageKey } from './messages';

export type Lang = 'id' | 'en';

/** A messages.json table, for a language the person chose over the browser's (settings → language). */
export type MessageTable = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
let chosen: { lang: Lang; table: MessageTable } | null = null;

/** Use this language's table instead of the browser's language; null goes back to the browser's. */
export function setLanguage(choice: { lang: Lang; table: MessageTable } | null): void {
  chosen = choice;
}

function fromTable(table: MessageTable, key: string, subs: string[]): string | null {
  const m = table[key];
  if (!m) return null;
  let text = m.message.replace(/\$([A-Za-z0-9_]+)\$/g, (whole, name: string) => m.placeholders?.[name.toLowerCase()]?.content ?? whole);
  text = text.replace(/\$(\d)/g, (_w, d: string) => subs[Number(d) - 1] ?? '');
  return text;
}

/** English when the browser's UI language is English, Indonesian otherwise (or the language the person chose). */
export function uiLang(): Lang {
  if (chosen) return chosen.lang;
  try {
    return browser.i18n.getUILanguage().toLowerCase().startsWith('en') ? 'en' : 'id';
  } catch {
    return 'id';
  }
}

export function t(key: MessageKey, ...subs: string[]): string {
  if (chosen) {
    const m = fromTable(chosen.table, key, subs);
    if (m) return m;
  }
  try {
    const m = browser.i18n.getMessage(key, subs);
    if (m) return m;
  } catch {
    /* outside an extension (unit tests): fall through */
  }
  return key;
}

export function local(text: LocalText, lang: Lang): string {
  return lang === 'en' && text.en ? text.en : text.id;
}

export function sanctionLabel(s: SanctionCategory): string {
  return t(`sanction${s.replace('-', '_')}` as MessageKey);
}
