/** Interface strings through the browser's i18n (public/_locales): Indonesian first, English second. */
import type { LocalText, SanctionCategory } from '../lib/rules/types';
import type { MessageKey } from './messages';

export type Lang = 'id' | 'en';

/** English when the browser's UI language is English, Indonesian otherwise. */
export function uiLang(): Lang {
  try {
    return browser.i18n.getUILanguage().toLowerCase().startsWith('en') ? 'en' : 'id';
  } catch {
    return 'id';
  }
}

export function t(key: MessageKey, ...subs: string[]): string {
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
