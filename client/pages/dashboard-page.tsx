import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { ApiError, csvExportUrl, fetchMe, fetchMeta, fetchStats, logout, NETWORK_ERROR } from '../api';
import type { LocalizedText, Me, Meta, Stats, StatsRow } from '../api-types';
import { AppHeader } from '../components/app-header';
import { FilterBar } from '../components/filter-bar';
import { OverallCard } from '../components/overall-card';
import { SectorChart } from '../components/sector-chart';
import { StatsTable } from '../components/stats-table';
import { filterFromQuery, filterToQuery, type Filter } from '../filter';
import { t } from '../i18n';
import { useLang } from '../lang-context';
import { BASE, LOGIN_PATH, navigate } from '../router';
import { inSectorOrder, sectorLabel } from '../sector-display';

type Load<T> = { kind: 'loading' } | { kind: 'error'; message: LocalizedText } | { kind: 'ready'; data: T };

const messageOf = (err: unknown): LocalizedText => (err instanceof ApiError ? err.text : NETWORK_ERROR);
const isUnauthorized = (err: unknown) => err instanceof ApiError && err.status === 401;

/** The first analyst view: overall rate, rate per sector as a chart and a table, all for the filter in the URL. */
export function DashboardPage({ search }: { search: string }) {
  const { lang } = useLang();
  const [me, setMe] = useState<Load<Me>>({ kind: 'loading' });
  const [meta, setMeta] = useState<Meta | null>(null);
  const [stats, setStats] = useState<Load<Stats>>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);

  // The URL is the one source of truth for the filter; the canonical query also fills in default dates.
  const filter = useMemo(() => filterFromQuery(search), [search]);
  const query = filterToQuery(filter);
  useEffect(() => {
    if (search.replace(/^\?/, '') !== query) navigate(`${BASE}?${query}`, { replace: true });
  }, [search, query]);

  useEffect(() => {
    fetchMe()
      .then((data) => setMe({ kind: 'ready', data }))
      .catch((err) => {
        if (isUnauthorized(err)) navigate(LOGIN_PATH, { replace: true });
        else setMe({ kind: 'error', message: messageOf(err) });
      });
  }, []);

  const signedIn = me.kind === 'ready';
  useEffect(() => {
    // Without the lists the filter bar still shows dates and "all"; the figures do not depend on them.
    if (signedIn) fetchMeta().then(setMeta, () => setMeta(null));
  }, [signedIn]);

  useEffect(() => {
    if (!signedIn) return;
    let current = true; // a slower answer to an older filter must not overwrite a newer one
    setStats({ kind: 'loading' });
    fetchStats(filter, 'sector')
      .then((data) => current && setStats({ kind: 'ready', data }))
      .catch((err) => {
        if (!current) return;
        if (isUnauthorized(err)) navigate(LOGIN_PATH, { replace: true });
        else setStats({ kind: 'error', message: messageOf(err) });
      });
    return () => {
      current = false;
    };
  }, [signedIn, query, attempt]);

  const labelOf = useCallback((row: StatsRow) => sectorLabel(row, meta, lang), [meta, lang]);
  // Memoised so the chart is rebuilt only when the figures or the language change.
  const rows = useMemo(() => (stats.kind === 'ready' ? inSectorOrder(stats.data.rows, meta) : []), [stats, meta]);
  const onFilter = (next: Filter) => navigate(`${BASE}?${filterToQuery(next)}`);
  const onLogout = async () => {
    await logout().catch(() => {}); // leaving anyway: the login page is where the user wants to be
    navigate(LOGIN_PATH);
  };

  if (me.kind === 'loading') return <p class="state-message" aria-busy="true">{t(lang, 'loading')}</p>;
  if (me.kind === 'error') return <ErrorBox message={me.message} onRetry={() => location.reload()} />;

  const title = filter.sector ? sectorLabel({ key: filter.sector, label: filter.sector }, meta, lang) : t(lang, 'overallTitle');
  return (
    <>
      <AppHeader me={me.data} onLogout={onLogout} />
      <main class="dashboard">
        <FilterBar filter={filter} meta={meta} lang={lang} onChange={onFilter} csvUrl={csvExportUrl(filter)} />
        <div class="live" aria-live="polite">
          {stats.kind === 'loading' && (
            <p class="state-message" aria-busy="true" data-testid="loading">
              {t(lang, 'loading')}
            </p>
          )}
          {stats.kind === 'error' && <ErrorBox message={stats.message} onRetry={() => setAttempt((n) => n + 1)} />}
          {stats.kind === 'ready' && stats.data.overall.n === 0 && (
            <p class="state-message empty" data-testid="empty">
              {t(lang, 'empty')}
            </p>
          )}
        </div>
        {stats.kind === 'ready' && stats.data.overall.n > 0 && (
          <>
            <OverallCard overall={stats.data.overall} title={title} lang={lang} />
            <section class="panel" aria-labelledby="by-sector">
              <h2 id="by-sector">{t(lang, 'bySector')}</h2>
              <SectorChart rows={rows} lang={lang} labelOf={labelOf} />
              <StatsTable rows={rows} lang={lang} labelOf={labelOf} />
            </section>
          </>
        )}
      </main>
    </>
  );
}

function ErrorBox({ message, onRetry }: { message: LocalizedText; onRetry: () => void }) {
  const { lang } = useLang();
  return (
    <div class="state-message error" role="alert" data-testid="error">
      <strong>{t(lang, 'errorTitle')}</strong>
      <p>{message[lang]}</p>
      <button type="button" class="button secondary" onClick={onRetry}>
        {t(lang, 'retry')}
      </button>
    </div>
  );
}
