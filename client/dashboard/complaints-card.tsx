import { formatCount, formatPercent } from '../app/format';
import { t } from '../app/i18n';
import { useLang } from '../app/lang-context';
import { useApi } from '../app/use-api';
import { fetchCaseFigures } from '../cases/cases-api';

/** Complaints followed to the end: open, overdue, and the share answered on time this period. */
export function ComplaintsCard({ from, to, unit }: { from: string; to: string; unit: number | undefined }) {
  const { lang } = useLang();
  const [figures] = useApi(() => fetchCaseFigures(from, to, unit), `${from}|${to}|${unit ?? ''}`);
  const f = figures.kind === 'ready' ? figures.data : null;
  return (
    <section class="summary-card" aria-labelledby="complaints-title" data-testid="complaints">
      <h2 id="complaints-title">{t(lang, 'complaintsTitle')}</h2>
      <p class={`summary-big${f && f.overdue > 0 ? ' warn' : ''}`} data-col="open" data-value={f?.open ?? ''}>
        {f ? formatCount(f.open, lang) : '…'}
      </p>
      <p class="muted">
        {t(lang, 'complaintsOpen')} ·{' '}
        <span data-col="overdue" data-value={f?.overdue ?? ''}>
          {f ? formatCount(f.overdue, lang) : '…'}
        </span>{' '}
        {t(lang, 'complaintsOverdue')} ·{' '}
        <span data-col="onTime" data-value={f?.answeredOnTimeShare ?? ''}>
          {f?.answeredOnTimeShare == null ? '—' : formatPercent(f.answeredOnTimeShare * 100, lang, 0)}
        </span>{' '}
        {t(lang, 'complaintsOnTime')}
      </p>
    </section>
  );
}
