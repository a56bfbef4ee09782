import { useMemo, useState } from 'preact/hooks';
import { formatCount, formatPercent, formatRate } from '../app/format';
import { t, type Lang, type StringKey } from '../app/i18n';
import { useLang } from '../app/lang-context';
import { followLink, pageLink } from '../app/links';
import { LoadView } from '../app/load-states';
import { inSectorOrder, sectorLabel } from '../app/sector-display';
import { SortableTable, type Column } from '../app/sortable-table';
import { useApi } from '../app/use-api';
import { VerdictBadge } from '../app/verdict-badge';
import type { PageProps } from '../dashboard/page-props';
import { fetchBesideSurvey } from './indices-api';
import type { BesideRow, Ratio, RateSummary } from './indices-types';

type Grouping = 'sector' | 'unit';

/**
 * The Decision 766 ratios from the one-stop dossiers beside the survey's own satisfaction rate,
 * per sector or unit, the overall row first: where the two ways of asking agree and where not.
 */
export function Index766Page({ filter, query, meta }: PageProps) {
  const { lang } = useLang();
  const [by, setBy] = useState<Grouping>('sector');
  const [load, retry] = useApi(() => fetchBesideSurvey(filter, by), `${query}&by=${by}`);
  const rows = useMemo(() => {
    if (load.kind !== 'ready') return [];
    const groups = by === 'sector' ? inSectorOrder(load.data.rows, meta) : load.data.rows;
    return [load.data.overall, ...groups];
  }, [load, by, meta]);
  const labelOf = (r: BesideRow) => (r === rows[0] ? t(lang, 'index766Overall') : by === 'sector' ? sectorLabel(r, meta, lang) : r.label);
  const importHref = pageLink('dossiers');
  return (
    <section class="panel" aria-labelledby="index766-title">
      <div class="panel-head">
        <h2 id="index766-title">{t(lang, 'index766Title')}</h2>
        <label class="inline-field">
          <span>{t(lang, 'groupBy')}</span>
          <select name="index766By" value={by} onChange={(e) => setBy(e.currentTarget.value as Grouping)} data-testid="index766-by">
            <option value="sector">{t(lang, 'sector')}</option>
            <option value="unit">{t(lang, 'unit')}</option>
          </select>
        </label>
      </div>
      <LoadView
        load={load}
        retry={retry}
        isEmpty={(d) => d.overall.dossiers === 0 && (d.overall.survey?.n ?? 0) === 0 && d.open.open === 0}
        emptyText="index766Empty"
      >
        {(data) => (
          <>
            <IndexTable rows={rows} lang={lang} labelOf={labelOf} kind={by} />
            <p class="muted" data-testid="index766-open" data-open={data.open.open} data-past-due={data.open.pastDue}>
              {t(lang, 'index766Open')
                .replace('{o}', formatCount(data.open.open, lang))
                .replace('{p}', formatCount(data.open.pastDue, lang))}
            </p>
          </>
        )}
      </LoadView>
      <p class="note" data-testid="index766-rule">
        {t(lang, 'index766Rule')}
      </p>
      <p>
        <a href={importHref} onClick={followLink(importHref)} data-testid="index766-import">
          {t(lang, 'index766ToImport')}
        </a>
      </p>
    </section>
  );
}

function RatioCell({ ratio, lang }: { ratio: Ratio; lang: Lang }) {
  return (
    <>
      {formatPercent(ratio.value, lang)}
      <span class="muted small ratio-parts">
        {' '}
        ({formatCount(ratio.numerator, lang)}/{formatCount(ratio.denominator, lang)})
      </span>
    </>
  );
}

function RateCell({ summary, lang, of = 'answers' }: { summary: RateSummary | null; lang: Lang; of?: 'answers' | 'dossiers' }) {
  if (!summary || summary.n === 0) return <span class="muted">—</span>;
  return (
    <>
      {formatRate(summary.rate, summary.target, lang)} <VerdictBadge verdict={summary.verdict} lang={lang} of={of} />
      <span class="muted small ratio-parts">
        {' '}
        ({formatCount(summary.satisfied, lang)}/{formatCount(summary.n, lang)})
      </span>
    </>
  );
}

function IndexTable({ rows, lang, labelOf, kind }: { rows: BesideRow[]; lang: Lang; labelOf: (r: BesideRow) => string; kind: Grouping }) {
  const ratio = (key: 'r3' | 'r1' | 'r2', label: StringKey): Column<BesideRow> => ({
    key,
    label: t(lang, label),
    numeric: true,
    sortable: false,
    value: (r) => r[key].value,
    attrs: (r) => ({ 'data-numerator': r[key].numerator, 'data-denominator': r[key].denominator }),
    render: (r) => <RatioCell ratio={r[key]} lang={lang} />,
  });
  const columns: Column<BesideRow>[] = [
    { key: kind, label: t(lang, kind), rowHeader: true, sortable: false, value: labelOf },
    {
      key: 'survey',
      label: t(lang, 'index766Survey'),
      numeric: true,
      sortable: false,
      value: (r) => r.survey?.rate ?? null,
      attrs: (r) => ({ 'data-n': r.survey?.n ?? 0, 'data-verdict': r.survey?.verdict ?? '' }),
      render: (r) => <RateCell summary={r.survey} lang={lang} />,
    },
    ratio('r3', 'index766R3'),
    ratio('r1', 'index766R1'),
    ratio('r2', 'index766R2'),
    {
      key: 'online',
      label: t(lang, 'index766Online'),
      numeric: true,
      sortable: false,
      value: (r) => r.online.rate,
      attrs: (r) => ({ 'data-n': r.online.n }),
      render: (r) => <RateCell summary={r.online} lang={lang} of="dossiers" />,
    },
    {
      key: 'dossiers',
      label: t(lang, 'index766Dossiers'),
      numeric: true,
      sortable: false,
      value: (r) => r.dossiers,
      render: (r) => formatCount(r.dossiers, lang),
    },
    {
      key: 'linked',
      label: t(lang, 'index766Linked'),
      numeric: true,
      sortable: false,
      value: (r) => r.answersWithDossier,
      render: (r) => formatCount(r.answersWithDossier, lang),
    },
  ];
  return (
    <SortableTable
      rows={rows}
      columns={columns}
      rowKey={(r) => r.key}
      rowAttrs={(r) => ({ [`data-${kind}`]: r.key })}
      caption={t(lang, 'index766Caption')}
      testid="index766-table"
    />
  );
}
