import { useEffect, useMemo, useState } from 'preact/hooks';
import { localDay } from '../../surveys/time';
import { CountersPage } from '../admin/counters-page';
import { CounterAdminPage } from '../admin/counter-admin-page';
import { UsersPage } from '../admin/users-page';
import { ApiKeysPage } from '../api-keys/api-keys-page';
import { PublicResultsPage } from '../public-results/public-results-page';
import { NotificationsPage } from '../notifications/notifications-page';
import { AuditPage } from '../audit/audit-page';
import { CasePage } from '../cases/case-page';
import { CasesPage } from '../cases/cases-page';
import { CommentsPage } from '../dashboard/comments-page';
import { DistributionPage } from '../dashboard/distribution-page';
import { FactorsPage } from '../dashboard/factors-page';
import { filterFromQuery, filterToQuery, type Filter } from '../dashboard/filter';
import { FilterBar } from '../dashboard/filter-bar';
import { ReplicaLagNote } from '../dashboard/replica-lag-note';
import { HeatmapPage } from '../dashboard/heatmap-page';
import { OverviewPage } from '../dashboard/overview-page';
import type { PageProps } from '../dashboard/page-props';
import { SectorsPage } from '../dashboard/sectors-page';
import { TrendPage } from '../dashboard/trend-page';
import { UnitsPage } from '../dashboard/units-page';
import { ExportsPage } from '../exports/exports-page';
import { FlaggedPage } from '../flagged/flagged-page';
import { ImportsPage } from '../imports/imports-page';
import { DossiersPage } from '../indices/dossiers-page';
import { Index766Page } from '../indices/index766-page';
import { ReconciliationPage } from '../indices/reconciliation-page';
import { RetentionPage } from '../privacy/retention-page';
import { SurveyDesignerPage } from '../surveys/survey-designer-page';
import { SurveysPage } from '../surveys/surveys-page';
import { TargetsPage } from '../targets/targets-page';
import { UnitTreePage } from '../units/unit-tree-page';
import { ReportsPage } from '../reports/reports-page';
import { InterviewPage } from '../waves/interview-page';
import { WaveNewPage } from '../waves/wave-new-page';
import { WavePage } from '../waves/wave-page';
import { WavesPage } from '../waves/waves-page';
import { fetchMe, fetchMeta, logout } from './api';
import type { Me, Meta } from './api-types';
import { AppHeader } from './app-header';
import { t } from './i18n';
import { useLang } from './lang-context';
import { csvExportUrl, filterLink, LOGIN_PATH, pageLink } from './links';
import { ErrorBox, Loading } from './load-states';
import { NavBar } from './nav-bar';
import { canEditReportSettings, canEditTargets, redirectFor } from './roles';
import { scopedMeta } from './unit-options';
import { caseIdOf, navigate, navKeyOf, surveyKeyOf, usesFilter, waveIdOf, type PageKey, type Route } from './router';
import { useApi } from './use-api';

const PAGE_VIEWS: Record<PageKey, (props: PageProps) => preact.JSX.Element> = {
  overview: OverviewPage,
  sectors: SectorsPage,
  trend: TrendPage,
  factors: FactorsPage,
  distribution: DistributionPage,
  heatmap: HeatmapPage,
  units: UnitsPage,
  comments: CommentsPage,
  index766: Index766Page,
};

// The last dashboard filter, so a trip to the reports or waves pages does not lose it.
let lastFilterQuery = '';

/**
 * The frame around every analyst page: who is signed in, the pages, and (where figures follow it)
 * the filter bar. The URL is the one source of truth for the filter, so a link reproduces the
 * view on another screen. Reports, waves and imports keep their own query string.
 */
export function AppShell({ route, pathname, search }: { route: Exclude<Route, 'login' | 'not_found'>; pathname: string; search: string }) {
  const { lang } = useLang();
  const [me, retryMe] = useApi<Me>(fetchMe, 'me');
  const [meta, setMeta] = useState<Meta | null>(null);
  const filterPage = usesFilter(route);

  // The canonical query also fills in the default dates, so the address bar always says what is shown.
  const filter = useMemo(() => filterFromQuery(filterPage ? search : lastFilterQuery), [search, filterPage]);
  const query = filterToQuery(filter);
  if (filterPage) lastFilterQuery = query;
  useEffect(() => {
    if (filterPage && search.replace(/^\?/, '') !== query) navigate(pageLink(route, query), { replace: true });
  }, [search, query, route]);

  const signedIn = me.kind === 'ready';
  const role = me.kind === 'ready' ? me.data.role : '';
  const redirect = signedIn ? redirectFor(role, route) : null;
  useEffect(() => {
    if (redirect) navigate(redirect, { replace: true });
  }, [redirect]);
  const scope = me.kind === 'ready' ? me.data.unitId : null;
  useEffect(() => {
    // Without the lists the filter bar still shows the period and "all"; the figures do not depend on them.
    // Every unit picker offers the account's own subtree only: the server would refuse any other unit.
    if (signedIn)
      fetchMeta().then(
        (m) => setMeta(scopedMeta(m, scope)),
        () => setMeta(null),
      );
  }, [signedIn, scope]);

  const onFilter = (next: Filter) => navigate(filterLink(route as PageKey | 'exports', next));
  const onLogout = async () => {
    await logout().catch(() => {}); // leaving anyway: the login page is where the user wants to be
    navigate(LOGIN_PATH);
  };

  if (me.kind === 'loading' || redirect) return <Loading />;
  if (me.kind === 'error') return <ErrorBox message={me.message} onRetry={retryMe} />;

  const waveId = waveIdOf(pathname);
  const caseId = caseIdOf(pathname);
  const surveyKey = surveyKeyOf(pathname);
  return (
    <>
      <AppHeader me={me.data} onLogout={onLogout} />
      <NavBar current={navKeyOf(route)} query={query} role={role} />
      <main class="dashboard" data-page={route}>
        <h1 class="page-title">{t(lang, `page_${route}`)}</h1>
        {filterPage && (
          <FilterBar
            filter={filter}
            meta={meta}
            lang={lang}
            thisYear={Number(localDay(new Date()).slice(0, 4))}
            onChange={onFilter}
            csvUrl={csvExportUrl(filter)}
          />
        )}
        {filterPage && <ReplicaLagNote query={query} />}
        {route === 'exports' && <ExportsPage filter={filter} query={query} meta={meta} />}
        {filterPage &&
          route !== 'exports' &&
          (() => {
            const View = PAGE_VIEWS[route];
            return <View filter={filter} query={query} meta={meta} />;
          })()}
        {route === 'reports' && <ReportsPage search={search} meta={meta} canEditSettings={canEditReportSettings(role, me.data.unitId)} />}
        {route === 'waves' && <WavesPage role={role} />}
        {route === 'wave_new' && <WaveNewPage meta={meta} />}
        {route === 'wave' && waveId !== null && <WavePage id={waveId} role={role} />}
        {route === 'wave_entry' && waveId !== null && <InterviewPage id={waveId} />}
        {route === 'imports' && <ImportsPage meta={meta} />}
        {route === 'dossiers' && <DossiersPage />}
        {route === 'reconciliation' && <ReconciliationPage meta={meta} />}
        {route === 'counters' && <CountersPage />}
        {route === 'cases' && <CasesPage search={search} />}
        {route === 'case' && caseId !== null && <CasePage id={caseId} meta={meta} />}
        {route === 'users' && <UsersPage meta={meta} scopeUnitId={scope} />}
        {route === 'flagged' && <FlaggedPage meta={meta} />}
        {route === 'kiosk' && <CounterAdminPage meta={meta} />}
        {route === 'retention' && <RetentionPage />}
        {route === 'targets' && <TargetsPage search={search} canEdit={canEditTargets(role, me.data.unitId)} />}
        {route === 'audit' && <AuditPage search={search} />}
        {route === 'structure' && <UnitTreePage />}
        {route === 'surveys' && <SurveysPage />}
        {route === 'api-keys' && <ApiKeysPage meta={meta} scopeUnitId={scope} />}
        {route === 'public-results' && <PublicResultsPage />}
        {route === 'notifications' && <NotificationsPage meta={meta} scopeUnitId={scope} />}
        {route === 'survey' && surveyKey !== null && <SurveyDesignerPage key={surveyKey} surveyKey={surveyKey} />}
      </main>
    </>
  );
}
