import type { StatsRow } from '../app/api-types';
import { formatCount, formatInterval, formatRate } from '../app/format';
import { t, type Lang } from '../app/i18n';
import { SortableTable, type Column } from '../app/sortable-table';
import { confidenceText } from '../app/verdict';
import { VerdictBadge } from '../app/verdict-badge';
import { TargetCell } from './target-cell';

interface Props {
  rows: StatsRow[];
  lang: Lang;
  labelOf: (row: StatsRow) => string;
  /** What a row is: names the first column and the row's data-<kind> attribute ('sector' → data-sector). */
  kind?: 'sector' | 'unit' | 'month' | 'counter';
  testid?: string;
  caption?: string;
  /** Columns placed before the name (a unit's rank). */
  leading?: Column<StatsRow>[];
  /** Columns placed right after the name (a unit's type). */
  extra?: Column<StatsRow>[];
}

const KIND_HEADER = { sector: 'sector', unit: 'unit', month: 'month', counter: 'counter' } as const;

/**
 * The figures behind a rate chart, in words and exactly as the API gave them: n, satisfied, rate,
 * interval, target, verdict (which says "too few answers" below the minimum sample) and confidence.
 */
export function StatsTable({ rows, lang, labelOf, kind = 'sector', testid = 'sector-table', caption, leading = [], extra = [] }: Props) {
  const columns: Column<StatsRow>[] = [
    ...leading,
    { key: kind, label: t(lang, KIND_HEADER[kind]), rowHeader: true, value: labelOf },
    ...extra,
    { key: 'n', label: t(lang, 'answers'), numeric: true, value: (r) => r.n, render: (r) => formatCount(r.n, lang) },
    {
      key: 'satisfied',
      label: t(lang, 'satisfied'),
      numeric: true,
      value: (r) => r.satisfied,
      render: (r) => formatCount(r.satisfied, lang),
    },
    { key: 'rate', label: t(lang, 'rate'), numeric: true, value: (r) => r.rate, render: (r) => formatRate(r.rate, r.target, lang) },
    {
      key: 'interval',
      label: t(lang, 'interval'),
      numeric: true,
      value: (r) => r.interval?.low ?? null,
      attrs: (r) => ({ 'data-low': r.interval?.low ?? '', 'data-high': r.interval?.high ?? '' }),
      render: (r) => formatInterval(r.interval, lang),
    },
    {
      key: 'target',
      label: t(lang, 'target'),
      numeric: true,
      value: (r) => r.target,
      attrs: (r) => ({ 'data-basis': r.targetBasis ?? '' }),
      render: (r) => <TargetCell row={r} lang={lang} />,
    },
    { key: 'verdict', label: t(lang, 'verdict'), value: (r) => r.verdict, render: (r) => <VerdictBadge verdict={r.verdict} lang={lang} /> },
    { key: 'confidence', label: t(lang, 'confidence'), value: (r) => r.confidence, render: (r) => confidenceText(r.confidence, lang) },
  ];
  return (
    <SortableTable
      rows={rows}
      columns={columns}
      rowKey={(r) => r.key}
      rowAttrs={(r) => ({ [`data-${kind}`]: r.key, 'data-verdict': r.verdict })}
      caption={caption ?? t(lang, 'tableCaption')}
      testid={testid}
    />
  );
}
