import { formatCount, formatPercent, formatPercentNumber } from '../app/format';
import { t, type Lang } from '../app/i18n';
import type { HeatCell } from './dashboard-types';
import { cellMap, hourRange, MIN_CELL_N, rateLook, volumeLook, WEEKDAYS } from './heatmap-grid';

export type HeatMetric = 'volume' | 'rate';

const WEEKDAY_NAMES: Record<Lang, string[]> = {
  vi: ['Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy', 'Chủ nhật'],
  en: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
};

/**
 * Weekdays down, hours across, a number in every cell and its colour as a second cue. A table
 * rather than a canvas: a screen reader can walk it, and no chart.js matrix plugin is needed.
 */
export function HeatmapTable({ cells, metric, lang }: { cells: HeatCell[]; metric: HeatMetric; lang: Lang }) {
  const hours = hourRange(cells);
  const byCell = cellMap(cells);
  const max = Math.max(0, ...cells.map((c) => c.n));
  return (
    <div class="table-scroll">
      <table class="heatmap" data-testid="heatmap" data-metric={metric}>
        <caption>
          {t(lang, 'heatmapTitle')} — {t(lang, `metric_${metric}`)}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t(lang, 'weekday')}</th>
            {hours.map((h) => (
              <th key={h} scope="col" class="num">
                {`${h}h`}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {WEEKDAYS.map((wd) => (
            <tr key={wd} data-weekday={wd}>
              <th scope="row">{WEEKDAY_NAMES[lang][wd - 1]}</th>
              {hours.map((h) => {
                const c = byCell.get(`${wd}:${h}`);
                const n = c?.n ?? 0;
                const look = metric === 'volume' ? volumeLook(n, max) : rateLook(c?.rate ?? null, n);
                const text =
                  n === 0 ? '' : metric === 'volume' ? formatCount(n, lang) : c?.rate == null ? '—' : formatPercentNumber(c.rate, lang, 0);
                const few = metric === 'rate' && n > 0 && n < MIN_CELL_N;
                return (
                  <td
                    key={h}
                    class={`num heat-cell${few ? ' few' : ''}`}
                    style={{ background: look.background, color: look.ink }}
                    data-hour={h}
                    data-n={n}
                    data-satisfied={c?.satisfied ?? 0}
                    data-rate={c?.rate ?? ''}
                    title={
                      n === 0
                        ? undefined
                        : `${WEEKDAY_NAMES[lang][wd - 1]} ${h}:00–${h + 1}:00 · ${t(lang, 'answers')}: ${formatCount(n, lang)}` +
                          (c?.rate != null ? ` · ${t(lang, 'rate')}: ${formatPercent(c.rate, lang)}` : '')
                    }
                  >
                    {text}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
