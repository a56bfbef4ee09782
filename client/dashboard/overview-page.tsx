import { useCallback, useMemo } from 'preact/hooks';
import { previousPeriod } from '../../surveys/periods';
import { addDays } from '../../surveys/time';
import type { StatsRow } from '../app/api-types';
import { formatCount } from '../app/format';
import { t } from '../app/i18n';
import { useLang } from '../app/lang-context';
import { filterLink } from '../app/links';
import { ErrorBox, LoadView, Loading } from '../app/load-states';
import { navigate } from '../app/router';
import { inSectorOrder, sectorLabel } from '../app/sector-display';
import { useApi } from '../app/use-api';
import { AlertsList } from './alerts-list';
import { ComplaintsCard } from './complaints-card';
import { fetchAlerts, fetchStats } from './dashboard-api';
import type { Alert } from './dashboard-types';
import { OverallCard } from './overall-card';
import type { PageProps } from './page-props';
import { RateBarChart } from './rate-bar-chart';
import { ResponsesCard } from './responses-card';
import { StatsTable } from './stats-table';

/**
 * The home screen, meant to be read in ten seconds: the overall rate against 90 %, how many
 * answered against the period before, the open alerts, then each sector against its own target.
 */
export function OverviewPage({ filter, query, meta }: PageProps) {
  const { lang } = useLang();
  const before = useMemo(() => ({ ...filter, ...previousPeriod(filter) }), [query]);
  const [stats, retry] = useApi(() => fetchStats(filter, 'sector'), query);
  const [previous] = useApi(() => fetchStats(before, 'none'), query);
  const [alerts, retryAlerts] = useApi(() => fetchAlerts(filter.unit), String(filter.unit ?? ''));

  const labelOf = useCallback((row: StatsRow) => sectorLabel(row, meta, lang), [meta, lang]);
  const rows = useMemo(() => (stats.kind === 'ready' ? inSectorOrder(stats.data.rows, meta) : []), [stats, meta]);
  const title = filter.sector ? sectorLabel({ key: filter.sector, label: filter.sector }, meta, lang) : t(lang, 'overallTitle');
  const alertHref = (a: Alert) =>
    filterLink('factors', { from: addDays(alertsAsOf(), -29), to: alertsAsOf(), sector: a.sector, unit: a.unitId });
  const alertsAsOf = () => (alerts.kind === 'ready' ? alerts.data.asOf : filter.to);
  const alertCount = alerts.kind === 'ready' ? alerts.data.alerts.length : null;

  return (
    <>
      <LoadView load={stats} retry={retry} isEmpty={(d) => d.overall.n === 0}>
        {(data) => (
          <>
            <div class="summary-grid">
              <OverallCard overall={data.overall} title={title} lang={lang} />
              <ResponsesCard
                current={data.overall.n}
                previous={previous.kind === 'ready' ? previous.data.overall.n : null}
                previousRange={before}
                lang={lang}
              />
              <section class="summary-card" aria-labelledby="alert-count-title" data-testid="alert-count">
                <h2 id="alert-count-title">{t(lang, 'alertsTitle')}</h2>
                <p class={`summary-big${alertCount ? ' warn' : ''}`} data-value={alertCount ?? ''}>
                  {alertCount === null ? '…' : formatCount(alertCount, lang)}
                </p>
                <p class="muted">
                  {t(lang, 'alertsCount')} · <a href="#alerts-title">{t(lang, 'seeDetails')}</a>
                </p>
              </section>
              <ComplaintsCard from={filter.from} to={filter.to} unit={filter.unit} />
            </div>
            {data.excluded && data.excluded.flagged > 0 && (
              <p class="note" data-testid="flagged-note">
                {formatCount(data.excluded.flagged, lang)} {t(lang, 'flaggedNote')}
              </p>
            )}
          </>
        )}
      </LoadView>
      <section class="panel" aria-labelledby="alerts-title">
        <h2 id="alerts-title">{t(lang, 'alertsTitle')}</h2>
        <p class="muted intro">{t(lang, 'alertsIntro')}</p>
        {alerts.kind === 'loading' && <Loading />}
        {alerts.kind === 'error' && <ErrorBox message={alerts.message} onRetry={retryAlerts} status={alerts.status} />}
        {alerts.kind === 'ready' && (
          <AlertsList
            alerts={alerts.data.alerts}
            asOf={alerts.data.asOf}
            meta={meta}
            lang={lang}
            hrefOf={alertHref}
            onOpen={(href) => navigate(href)}
          />
        )}
      </section>
      {stats.kind === 'ready' && stats.data.overall.n > 0 && (
        <section class="panel" aria-labelledby="by-sector">
          <h2 id="by-sector">{t(lang, 'bySector')}</h2>
          <div class="chart-and-table">
            <RateBarChart rows={rows} lang={lang} labelOf={labelOf} testid="sector-chart" ariaLabel={t(lang, 'sectorChartLabel')} />
            <StatsTable rows={rows} lang={lang} labelOf={labelOf} />
          </div>
        </section>
      )}
    </>
  );
}
