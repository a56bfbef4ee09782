import { useCallback, useMemo, useState } from 'preact/hooks';
import type { RatingType } from '../../surveys/scale';
import { formatCount, formatPercent } from '../app/format';
import { t, type Lang } from '../app/i18n';
import { useLang } from '../app/lang-context';
import { LoadView } from '../app/load-states';
import { inSectorOrder, sectorLabel } from '../app/sector-display';
import { SortableTable, type Column } from '../app/sortable-table';
import { useApi } from '../app/use-api';
import { fetchDistribution } from './dashboard-api';
import type { Distribution } from './dashboard-types';
import { DistributionChart } from './distribution-chart';
import type { PageProps } from './page-props';
import { shownLevels } from './rating-levels';

type Row = Distribution['rows'][number];
const GROUPINGS = ['sector', 'unit', 'counter'] as const;
type Grouping = (typeof GROUPINGS)[number];
const SCALES: readonly RatingType[] = ['scale5', 'scale3'];

const scaleOf = (r: Row): RatingType => r.scale ?? 'scale5';

/** Hài lòng and Rất hài lòng on the row's own scale, as a share of its answers. */
export function satisfiedShare(r: Row): number | null {
  if (r.total === 0) return null;
  const satisfied = r.satisfied ?? shownLevels(scaleOf(r), 'vi').reduce((s, l) => s + (l.satisfied ? (r.counts[l.key] ?? 0) : 0), 0);
  return (100 * satisfied) / r.total;
}

/**
 * How the answers spread over the levels: a 78 % rate with many 3s reads differently from one
 * with many 1s. Surveys on the 3-level scale get their own chart and table, since their levels
 * are other words than the 5-level ones of the same number.
 */
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
  const scales = SCALES.filter((s) => rows.some((r) => scaleOf(r) === s));
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
            {scales.map((scale) => (
              <ScaleBlock
                key={scale}
                scale={scale}
                titled={scales.length > 1 || scale === 'scale3'}
                rows={rows.filter((r) => scaleOf(r) === scale)}
                by={by}
                labelOf={labelOf}
                lang={lang}
              />
            ))}
            <p class="note" data-testid="distribution-rule">
              {t(lang, scales.includes('scale3') ? 'distributionRule3' : 'distributionRule')}
            </p>
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

interface BlockProps {
  scale: RatingType;
  titled: boolean;
  rows: Row[];
  by: Grouping;
  labelOf: (row: Row) => string;
  lang: Lang;
}

function ScaleBlock({ scale, titled, rows, by, labelOf, lang }: BlockProps) {
  const columns: Column<Row>[] = [
    { key: by, label: t(lang, by), rowHeader: true, value: labelOf },
    ...shownLevels(scale, lang).map((level): Column<Row> => ({
      key: `level-${level.key}`,
      label: level.label,
      numeric: true,
      value: (r) => r.counts[level.key] ?? 0,
      render: (r) => formatCount(r.counts[level.key] ?? 0, lang),
    })),
    { key: 'total', label: t(lang, 'total'), numeric: true, value: (r) => r.total, render: (r) => formatCount(r.total, lang) },
    {
      key: 'satisfiedShare',
      label: t(lang, scale === 'scale3' ? 'satisfiedShare3' : 'satisfiedShare'),
      numeric: true,
      value: satisfiedShare,
      render: (r) => formatPercent(satisfiedShare(r), lang),
    },
  ];
  const title = t(lang, scale === 'scale3' ? 'scale3Heading' : 'scale5Heading');
  return (
    <div class="scale-block" data-testid={`distribution-${scale}`}>
      {titled ? <h3>{title}</h3> : null}
      <DistributionChart rows={rows} scale={scale} labelOf={labelOf} lang={lang} />
      <SortableTable
        rows={rows}
        columns={columns}
        rowKey={(r) => r.key}
        caption={titled ? `${t(lang, 'distributionTitle')} · ${title}` : t(lang, 'distributionTitle')}
        testid={scale === 'scale5' ? 'distribution-table' : 'distribution-table-scale3'}
      />
    </div>
  );
}
