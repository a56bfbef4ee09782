import { LANGS, t } from './i18n';
import { useLang } from './lang-context';

/** VI / EN as two toggle buttons; aria-pressed tells screen readers which one is on. */
export function LangSwitch() {
  const { lang, setLang } = useLang();
  return (
    <div class="lang-switch" role="group" aria-label={t(lang, 'language')}>
      {LANGS.map((l) => (
        <button key={l} type="button" lang={l} aria-pressed={l === lang} onClick={() => setLang(l)} data-testid={`lang-${l}`}>
          {l.toUpperCase()}
        </button>
      ))}
    </div>
  );
}
