import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { t, loadLang, saveLang, type Lang } from './app/i18n';
import { LangContext } from './app/lang-context';
import { AppShell } from './app/app-shell';
import { LoginPage } from './auth/login-page';
import { BASE } from './app/links';
import { routeOf, useLocation } from './app/router';
import './styles.css';

function App() {
  const [lang, setLangState] = useState<Lang>(loadLang);
  const place = useLocation();
  const route = routeOf(place.pathname);

  useEffect(() => {
    // Screen readers and hyphenation follow the page language.
    document.documentElement.lang = lang;
    const name = route === 'login' ? t(lang, 'loginTitle') : route === 'not_found' ? t(lang, 'notFound') : t(lang, `page_${route}`);
    document.title = `${name} — hailong`;
  }, [lang, route]);

  const setLang = (next: Lang) => {
    saveLang(next);
    setLangState(next);
  };

  return (
    <LangContext.Provider value={{ lang, setLang }}>
      {route === 'login' && <LoginPage />}
      {route !== 'login' && route !== 'not_found' && <AppShell route={route} pathname={place.pathname} search={place.search} />}
      {route === 'not_found' && (
        <main class="state-message">
          <p>{t(lang, 'notFound')}</p>
          <a href={BASE}>{t(lang, 'toDashboard')}</a>
        </main>
      )}
    </LangContext.Provider>
  );
}

render(<App />, document.getElementById('app')!);
