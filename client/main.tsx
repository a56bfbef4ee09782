import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { t, loadLang, saveLang, type Lang } from './i18n';
import { LangContext } from './lang-context';
import { DashboardPage } from './pages/dashboard-page';
import { LoginPage } from './pages/login-page';
import { BASE, routeOf, useLocation } from './router';
import './styles.css';

function App() {
  const [lang, setLangState] = useState<Lang>(loadLang);
  const place = useLocation();
  const route = routeOf(place.pathname);

  useEffect(() => {
    // Screen readers and hyphenation follow the page language.
    document.documentElement.lang = lang;
    document.title = `${route === 'login' ? t(lang, 'loginTitle') : t(lang, 'overallTitle')} — hailong`;
  }, [lang, route]);

  const setLang = (next: Lang) => {
    saveLang(next);
    setLangState(next);
  };

  return (
    <LangContext.Provider value={{ lang, setLang }}>
      {route === 'login' && <LoginPage />}
      {route === 'dashboard' && <DashboardPage search={place.search} />}
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
