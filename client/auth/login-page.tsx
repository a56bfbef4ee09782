import { useEffect, useState } from 'preact/hooks';
import { ApiError, fetchMe, login, NETWORK_ERROR } from '../app/api';
import type { LocalizedText } from '../app/api-types';
import { inBothLanguages, t } from '../app/i18n';
import { useLang } from '../app/lang-context';
import { LangSwitch } from '../app/lang-switch';
import { BASE } from '../app/links';
import { homePath } from '../app/roles';
import { navigate } from '../app/router';

/** Username and password; the server's refusal is kept in both languages so the switch still works after it. */
export function LoginPage() {
  const { lang } = useLang();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<LocalizedText | null>(null);

  // Someone already signed in who opens the login page goes straight to the dashboard.
  useEffect(() => {
    fetchMe()
      .then(() => navigate(BASE))
      .catch(() => {});
  }, []);

  const submit = async (e: Event) => {
    e.preventDefault();
    if (!username.trim() || !password) {
      setError(inBothLanguages('fillBoth'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const me = await login(username.trim(), password);
      // Officers may not read the statistics: their home is their counters.
      navigate(homePath(me.role));
    } catch (err) {
      setError(err instanceof ApiError ? err.text : NETWORK_ERROR);
      setBusy(false);
    }
  };

  return (
    <main class="login-page">
      <div class="login-top">
        <LangSwitch />
      </div>
      <form class="login-card" onSubmit={submit} noValidate data-testid="login-form">
        <h1>{t(lang, 'loginTitle')}</h1>
        <p class="muted">{t(lang, 'loginIntro')}</p>
        <label>
          <span>{t(lang, 'username')}</span>
          <input
            name="username"
            autoComplete="username"
            value={username}
            onInput={(e) => setUsername(e.currentTarget.value)}
            aria-invalid={error !== null}
            required
          />
        </label>
        <label>
          <span>{t(lang, 'password')}</span>
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onInput={(e) => setPassword(e.currentTarget.value)}
            aria-invalid={error !== null}
            required
          />
        </label>
        {error && (
          <p class="form-error" role="alert" data-testid="login-error">
            {error[lang]}
          </p>
        )}
        <button type="submit" class="button primary" disabled={busy}>
          {busy ? t(lang, 'signingIn') : t(lang, 'signIn')}
        </button>
      </form>
    </main>
  );
}
