import { useCallback, useMemo } from 'preact/hooks';
import type { StatsRow } from '../app/api-types';
import { t } from '../app/i18n';
import { useLang } from '../app/lang-context';
import { LoadView } from '../app/load-states';
import type { Column } from '../app/sortable-table';
import { unitKindName } from '../app/unit-options';
import { useApi } from '../app/use-api';
import { fetchStats } from './dashboard-api';
import type { PageProps } from './page-props';
import { RateBarChart } from './rate-bar-chart';
import { StatsTable } from './stats-table';
import { rankUnits } from './unit-ranking';

/** Wards, communes and service bodies ranked by rate, with n beside each, for the PAR-index comparison. */
export function UnitsPage({ filter, query, meta }: PageProps) {
  const { lang } = useLang();
  const [stats, retry] = useApi(() => fetchStats(filter, 'unit'), query);
  const ranked = useMemo(() => (stats.kind === 'ready' ? rankUnits(stats.data.rows) : []), [stats]);
  const rows = useMemo(() => ranked.map((r) => r.row), [ranked]);
  const rankOf = useMemo(() => new Map(ranked.map((r) => [r.row.key, r.rank])), [ranked]);
  const labelOf = useCallback((row: StatsRow) => row.label, []);
  const kindOf = (row: StatsRow) => meta?.units.find((u) => String(u.id) === row.key)?.kind ?? null;
  const leading: Column<StatsRow>[] = [
    {
      key: 'rank',
      label: t(lang, 'rank'),
      numeric: true,
      value: (r) => rankOf.get(r.key) ?? null,
      render: (r) => rankOf.get(r.key) ?? '—',
    },
  ];
  const extra: Column<StatsRow>[] = [
    { key: 'kind', label: t(lang, 'kind'), value: (r) => kindOf(r), render: (r) => (kindOf(r) ? unitKindName(kindOf(r)!, lang) : '—') },
  ];
  return (
    <LoadView load={stats} retry={retry} isEmpty={(d) => d.overall.n === 0}>
      {() => (
        <section class="panel" aria-labelledby="units-title">
          <h2 id="units-title">{t(lang, 'unitsTitle')}</h2>
          <p class="muted intro">{t(lang, 'unitsIntro')}</p>
          <div class="chart-and-table">
            <RateBarChart rows={rows} lang={lang} labelOf={labelOf} testid="unit-chart" ariaLabel={t(lang, 'unitChartLabel')} horizontal />
            <StatsTable
              rows={rows}
              lang={lang}
              labelOf={labelOf}
              kind="unit"
              testid="unit-table"
              caption={t(lang, 'tableCaptionUnits')}
              leading={leading}
              extra={extra}
            />
          </div>
        </section>
      )}
    </LoadView>
  );
}
