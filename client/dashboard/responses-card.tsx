import { formatChange, formatCount, formatDay } from '../app/format';
import { t, type Lang } from '../app/i18n';

interface Props {
  current: number;
  previous: number | null;
  previousRange: { from: string; to: string };
  lang: Lang;
}

/** How many answered this period against the period of the same length before it. */
export function ResponsesCard({ current, previous, previousRange, lang }: Props) {
  const change = previous && previous > 0 ? ((current - previous) / previous) * 100 : null;
  const arrow = change === null ? '' : change > 0 ? '▲' : change < 0 ? '▼' : '•';
  return (
    <section class="summary-card" data-testid="responses" aria-labelledby="responses-title">
      <h2 id="responses-title">{t(lang, 'responsesTitle')}</h2>
      <p class="summary-big" data-col="n" data-value={current}>
        {formatCount(current, lang)}
      </p>
      <p class="muted">
        {t(lang, 'previousPeriod')} ({formatDay(previousRange.from, lang)} – {formatDay(previousRange.to, lang)}):{' '}
        <span data-col="previous" data-value={previous ?? ''}>
          {previous === null ? '—' : formatCount(previous, lang)}
        </span>
        {change !== null && (
          <span class="change" data-col="change" data-value={change}>
            {' '}
            {arrow} {formatChange(change, lang)}
          </span>
        )}
      </p>
    </section>
  );
}
