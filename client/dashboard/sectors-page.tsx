import { useCallback, useMemo } from 'preact/hooks';
import type { StatsRow } from '../app/api-types';
import { t } from '../app/i18n';
import { useLang } from '../app/lang-context';
import { LoadView } from '../app/load-states';
import { inSectorOrder, sectorLabel } from '../app/sector-display';
import { useApi } from '../app/use-api';
import { fetchStats } from './dashboard-api';
import { OverallCard } from './overall-card';
import type { PageProps } from './page-props';
import { RateBarChart } from './rate-bar-chart';
import { StatsTable } from './stats-table';

/** Where each sector stands against its own target (85 % or 90 %), with the uncertainty of each rate. */
export function SectorsPage({ filter, query, meta }: PageProps) {
  const { lang } = useLang();
  const [stats, retry] = useApi(() => fetchStats(filter, 'sector'), query);
  const labelOf = useCallback((row: StatsRow) => sectorLabel(row, meta, lang), [meta, lang]);
  const rows = useMemo(() => (stats.kind === 'ready' ? inSectorOrder(stats.data.rows, meta) : []), [stats, meta]);
  const title = filter.sector ? sectorLabel({ key: filter.sector, label: filter.sector }, meta, lang) : t(lang, 'overallTitle');
  return (
    <LoadView load={stats} retry={retry} isEmpty={(d) => d.overall.n === 0}>
      {(data) => (
        <>
          <OverallCard overall={data.overall} title={title} lang={lang} />
          <section class="panel" aria-labelledby="by-sector">
            <h2 id="by-sector">{t(lang, 'bySector')}</h2>
            <p class="muted intro">{t(lang, 'sectorsIntro')}</p>
            <div class="chart-and-table">
              <RateBarChart rows={rows} lang={lang} labelOf={labelOf} testid="sector-chart" ariaLabel={t(lang, 'sectorChartLabel')} />
              <StatsTable rows={rows} lang={lang} labelOf={labelOf} />
            </div>
          </section>
        </>
      )}
    </LoadView>
  );
}
