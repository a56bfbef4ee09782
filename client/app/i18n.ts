import type { LocalizedText } from './api-types';
import { STRINGS } from './strings';

/** Vietnamese first: it is the default, and English is a switch for visitors and partners. */
export type Lang = 'vi' | 'en';
export const LANGS: readonly Lang[] = ['vi', 'en'];

export type StringKey = keyof typeof STRINGS;

export function t(lang: Lang, key: StringKey): string {
  return STRINGS[key][lang];
}

/** Picks one language out of a server message (errors, sector names). */
export function pick(text: LocalizedText, lang: Lang): string {
  return text[lang];
}

const STORAGE_KEY = 'hailong.lang';

/** The remembered language; storage can be blocked (private mode, policies), so failures mean Vietnamese. */
export function loadLang(storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage): Lang {
  try {
    return storage?.getItem(STORAGE_KEY) === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}

export function saveLang(lang: Lang, storage: Pick<Storage, 'setItem'> | undefined = globalThis.localStorage): void {
  try {
    storage?.setItem(STORAGE_KEY, lang);
  } catch {
    // Not remembered, but the switch still works for this visit.
  }
}

/**
 * One string in both languages, with its `{name}` slots filled: what a form keeps as its message
 * (a refusal, a note of success), so the language switch still applies to it afterwards.
 */
export function inBothLanguages(key: StringKey, fill: Record<string, string> = {}): LocalizedText {
  const sub = (s: string) => Object.entries(fill).reduce((acc, [k, v]) => acc.replace(`{${k}}`, v), s);
  return { vi: sub(t('vi', key)), en: sub(t('en', key)) };
}
