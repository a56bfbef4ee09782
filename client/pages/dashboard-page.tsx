import { useEffect, useMemo, useState } from 'preact/hooks';
import { localDay } from '../../surveys/time';
import { csvExportUrl, fetchMe, fetchMeta, logout } from '../api';
import type { Me, Meta } from '../api-types';
import { AppHeader } from '../components/app-header';
import { FilterBar } from '../components/filter-bar';
import { ErrorBox, Loading } from '../components/load-states';
import { NavBar } from '../components/nav-bar';
import { filterFromQuery, filterToQuery, type Filter } from '../filter';
import { t } from '../i18n';
import { useLang } from '../lang-context';
import { LOGIN_PATH, navigate, pagePath, type PageKey } from '../router';
import { useApi } from '../use-api';
import { CommentsPage } from './comments-page';
import { DistributionPage } from './distribution-page';
import { FactorsPage } from './factors-page';
import { HeatmapPage } from './heatmap-page';
import { OverviewPage } from './overview-page';
import type { PageProps } from './page-props';
import { SectorsPage } from './sectors-page';
import { TrendPage } from './trend-page';
import { UnitsPage } from './units-page';

const PAGE_VIEWS: Record<PageKey, (props: PageProps) => preact.JSX.Element> = {
  overview: OverviewPage,
  sectors: SectorsPage,
  trend: TrendPage,
  factors: FactorsPage,
  distribution: DistributionPage,
  heatmap: HeatmapPage,
  units: UnitsPage,
  comments: CommentsPage,
};

/**
 * The frame around every analyst page: who is signed in, the pages, and the filter bar. The URL
 * is the one source of truth for the filter, so a link reproduces the view on another screen.
 */
export function DashboardPage({ page, search }: { page: PageKey; search: string }) {
  const { lang } = useLang();
  const [me, retryMe] = useApi<Me>(fetchMe, 'me');
  const [meta, setMeta] = useState<Meta | null>(null);

  // The canonical query also fills in the default dates, so the address bar always says what is shown.
  const filter = useMemo(() => filterFromQuery(search), [search]);
  const query = filterToQuery(filter);
  useEffect(() => {
    if (search.replace(/^\?/, '') !== query) navigate(`${pagePath(page)}?${query}`, { replace: true });
  }, [search, query, page]);

  const signedIn = me.kind === 'ready';
  useEffect(() => {
    // Without the lists the filter bar still shows the period and "all"; the figures do not depend on them.
    if (signedIn) fetchMeta().then(setMeta, () => setMeta(null));
  }, [signedIn]);

  const onFilter = (next: Filter) => navigate(`${pagePath(page)}?${filterToQuery(next)}`);
  const onLogout = async () => {
    await logout().catch(() => {}); // leaving anyway: the login page is where the user wants to be
    navigate(LOGIN_PATH);
  };

  if (me.kind === 'loading') return <Loading />;
  if (me.kind === 'error') return <ErrorBox message={me.message} onRetry={retryMe} />;

  const View = PAGE_VIEWS[page];
  return (
    <>
      <AppHeader me={me.data} onLogout={onLogout} />
      <NavBar current={page} query={query} />
      <main class="dashboard" data-page={page}>
        <h1 class="page-title">{t(lang, `page_${page}`)}</h1>
        <FilterBar
          filter={filter}
          meta={meta}
          lang={lang}
          thisYear={Number(localDay(new Date()).slice(0, 4))}
          onChange={onFilter}
          csvUrl={csvExportUrl(filter)}
        />
        <View filter={filter} query={query} meta={meta} />
      </main>
    </>
  );
}
