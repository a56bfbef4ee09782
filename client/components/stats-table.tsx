import type { StatsRow } from '../api-types';
import { formatCount, formatInterval, formatPercent, formatTarget } from '../format';
import { t, type Lang } from '../i18n';
import { confidenceText } from '../verdict';
import { VerdictBadge } from './verdict-badge';

interface Props {
  rows: StatsRow[];
  lang: Lang;
  labelOf: (row: StatsRow) => string;
}

/**
 * The figures behind the chart, in words. Cells carry data-col for tests, and numeric cells also
 * carry data-value with the unformatted number, so a test compares numbers, not locale strings.
 */
export function StatsTable({ rows, lang, labelOf }: Props) {
  return (
    <div class="table-scroll">
      <table class="stats-table" data-testid="sector-table">
        <caption>{t(lang, 'tableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t(lang, 'sector')}</th>
            <th scope="col" class="num">{t(lang, 'answers')}</th>
            <th scope="col" class="num">{t(lang, 'satisfied')}</th>
            <th scope="col" class="num">{t(lang, 'rate')}</th>
            <th scope="col" class="num">{t(lang, 'interval')}</th>
            <th scope="col" class="num">{t(lang, 'target')}</th>
            <th scope="col">{t(lang, 'verdict')}</th>
            <th scope="col">{t(lang, 'confidence')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} data-sector={row.key}>
              <th scope="row" data-col="sector">{labelOf(row)}</th>
              <td class="num" data-col="n" data-value={row.n}>{formatCount(row.n, lang)}</td>
              <td class="num" data-col="satisfied" data-value={row.satisfied}>{formatCount(row.satisfied, lang)}</td>
              <td class="num" data-col="rate" data-value={row.rate ?? ''}>{formatPercent(row.rate, lang)}</td>
              <td
                class="num"
                data-col="interval"
                data-low={row.interval?.low ?? ''}
                data-high={row.interval?.high ?? ''}
              >
                {formatInterval(row.interval, lang)}
              </td>
              <td class="num" data-col="target" data-value={row.target}>{formatTarget(row.target, lang)}</td>
              <td data-col="verdict" data-value={row.verdict}><VerdictBadge verdict={row.verdict} lang={lang} /></td>
              <td data-col="confidence" data-value={row.confidence ?? ''}>{confidenceText(row.confidence, lang)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
