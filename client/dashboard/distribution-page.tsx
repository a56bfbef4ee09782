import { useCallback, useMemo, useState } from 'preact/hooks';
import { scaleLabel } from '../../surveys/scale';
import { formatCount, formatPercent } from '../app/format';
import { t } from '../app/i18n';
import { useLang } from '../app/lang-context';
import { LoadView } from '../app/load-states';
import { inSectorOrder, sectorLabel } from '../app/sector-display';
import { SortableTable, type Column } from '../app/sortable-table';
import { useApi } from '../app/use-api';
import { LEVELS } from './charts/chart-data';
import { fetchDistribution } from './dashboard-api';
import type { Distribution } from './dashboard-types';
import { DistributionChart } from './distribution-chart';
import type { PageProps } from './page-props';

type Row = Distribution['rows'][number];
const GROUPINGS = ['sector', 'unit', 'counter'] as const;
type Grouping = (typeof GROUPINGS)[number];

/** How the answers spread over the five levels: a 78 % rate with many 3s reads differently from one with many 1s. */
export function DistributionPage({ filter, query, meta }: PageProps) {
  const { lang } = useLang();
  const [by, setBy] = useState<Grouping>('sector');
  const [dist, retry] = useApi(() => fetchDistribution(filter, by), `${query}&by=${by}`);
  const labelOf = useCallback(
    (row: Row) => (by === 'sector' ? sectorLabel(row, meta, lang) : row.label) + (row.counted === 'item_answers' ? ' *' : ''),
    [by, meta, lang],
  );
  const rows = useMemo(() => {
    if (dist.kind !== 'ready') return [];
    return by === 'sector' ? inSectorOrder(dist.data.rows, meta) : dist.data.rows;
  }, [dist, by, meta]);
  const columns: Column<Row>[] = [
    { key: by, label: t(lang, by), rowHeader: true, value: labelOf },
    ...LEVELS.map((level): Column<Row> => ({
      key: `level-${level}`,
      label: `${level} · ${scaleLabel(Number(level), lang)}`,
      numeric: true,
      value: (r) => r.counts[level] ?? 0,
      render: (r) => formatCount(r.counts[level] ?? 0, lang),
    })),
    { key: 'total', label: t(lang, 'total'), numeric: true, value: (r) => r.total, render: (r) => formatCount(r.total, lang) },
    {
      key: 'share45',
      label: t(lang, 'satisfiedShare'),
      numeric: true,
      value: (r) => (r.total > 0 ? (100 * ((r.counts['4'] ?? 0) + (r.counts['5'] ?? 0))) / r.total : null),
      render: (r) => formatPercent(r.total > 0 ? (100 * ((r.counts['4'] ?? 0) + (r.counts['5'] ?? 0))) / r.total : null, lang),
    },
  ];
  return (
    <section class="panel" aria-labelledby="distribution-title">
      <div class="panel-head">
        <h2 id="distribution-title">{t(lang, 'distributionTitle')}</h2>
        <label class="inline-field">
          <span>{t(lang, 'groupBy')}</span>
          <select name="distributionBy" value={by} onChange={(e) => setBy(e.currentTarget.value as Grouping)}>
            {GROUPINGS.map((g) => (
              <option key={g} value={g}>
                {t(lang, g)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <LoadView load={dist} retry={retry} isEmpty={(d) => d.rows.every((r) => r.total === 0)}>
        {() => (
          <div class="chart-and-table">
            <DistributionChart rows={rows} labelOf={labelOf} lang={lang} />
            <SortableTable
              rows={rows}
              columns={columns}
              rowKey={(r) => r.key}
              caption={t(lang, 'distributionTitle')}
              testid="distribution-table"
            />
            {rows.some((r) => r.counted === 'item_answers') ? (
              <p class="note" data-testid="item-answers-note">
                {t(lang, 'itemAnswersNote')}
              </p>
            ) : null}
          </div>
        )}
      </LoadView>
    </section>
  );
}
