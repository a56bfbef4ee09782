import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Lang } from './i18n';

/** The chosen language and its setter, shared by every page so the switch acts everywhere at once. */
export const LangContext = createContext<{ lang: Lang; setLang: (lang: Lang) => void }>({
  lang: 'vi',
  setLang: () => {},
});

export const useLang = () => useContext(LangContext);
