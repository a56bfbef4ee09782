import { formatCount, formatDay } from '../app/format';
import { t, type Lang } from '../app/i18n';
import { useLang } from '../app/lang-context';
import { LoadView } from '../app/load-states';
import { SortableTable, type Column } from '../app/sortable-table';
import { useApi } from '../app/use-api';
import { fetchOfficerCounters } from './admin-api';
import { posterUrl } from './admin-helpers';
import type { OfficerCounters } from './admin-types';

type Row = OfficerCounters['counters'][number];

/** An officer's counters: how many answers each received, and its QR poster to print (new tab). */
export function CountersPage() {
  const { lang } = useLang();
  const [counters, retry] = useApi(fetchOfficerCounters, 'officer-counters');
  return (
    <section class="panel" aria-labelledby="counters-title">
      <div class="panel-head">
        <h2 id="counters-title">{t(lang, 'countersTitle')}</h2>
        {counters.kind === 'ready' && (
          <p class="muted small" data-testid="counters-as-of">
            {t(lang, 'asOf')} {formatDay(counters.data.asOf, lang)}
          </p>
        )}
      </div>
      <p class="muted intro">{t(lang, 'countersIntro')}</p>
      <LoadView load={counters} retry={retry} isEmpty={(d) => d.counters.length === 0} emptyText="noCounters">
        {(data) => (
          <SortableTable
            rows={data.counters}
            columns={columns(lang)}
            rowKey={(r) => r.code}
            caption={t(lang, 'countersCaption')}
            testid="counters-table"
          />
        )}
      </LoadView>
    </section>
  );
}

function PosterLink({ row, size, lang }: { row: Row; size: 'a4' | 'a5'; lang: Lang }) {
  return (
    <a class="button secondary small" href={posterUrl(row.code, size)} target="_blank" rel="noopener" data-testid={`poster-${size}`}>
      {t(lang, size === 'a4' ? 'posterA4' : 'posterA5')}
      <span class="visually-hidden">
        {' '}
        {row.name} {t(lang, 'opensNewTab')}
      </span>
    </a>
  );
}

function columns(lang: Lang): Column<Row>[] {
  const count = (key: 'today' | 'month' | 'year', label: string): Column<Row> => ({
    key,
    label,
    numeric: true,
    value: (r) => r[key],
    render: (r) => formatCount(r[key], lang),
  });
  return [
    { key: 'code', label: t(lang, 'counterCode'), value: (r) => r.code },
    { key: 'name', label: t(lang, 'counterName'), value: (r) => r.name, rowHeader: true },
    count('today', t(lang, 'today')),
    count('month', t(lang, 'thisMonth')),
    count('year', t(lang, 'thisYear')),
    {
      key: 'poster',
      label: t(lang, 'poster'),
      sortable: false,
      fullRow: true,
      value: () => null,
      render: (r) => (
        <span class="row-actions">
          <PosterLink row={r} size="a4" lang={lang} />
          <PosterLink row={r} size="a5" lang={lang} />
        </span>
      ),
    },
  ];
}
