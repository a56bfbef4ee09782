import type { LocalizedText } from '../app/api-types';
import { t, type Lang, type StringKey } from '../app/i18n';

/** One string with its `{name}` slots filled, in the language shown. */
export function fill(lang: Lang, key: StringKey, values: Record<string, string | number>): string {
  return Object.entries(values).reduce((s, [k, v]) => s.replaceAll(`{${k}}`, String(v)), t(lang, key));
}

/** The same in both languages, for a message kept across a language switch. */
export const fillBoth = (key: StringKey, values: Record<string, string | number>): LocalizedText => ({
  vi: fill('vi', key, values),
  en: fill('en', key, values),
});
