import { useRef } from 'preact/hooks';
import { formatCount, formatInterval, formatMonth, formatRate, formatTarget } from '../app/format';
import { t, type Lang } from '../app/i18n';
import { surveyName } from '../app/survey-options';
import { VERDICT_COLOUR, verdictText } from '../app/verdict';
import { versionMarks } from './charts/chart-data';
import { useChart } from './charts/use-chart';
import type { Trend } from './dashboard-types';
import { INK } from './rate-bar-chart';
import { reorganisationMark } from './reorganisation-words';

const LINE = '#0b5cad';

/**
 * The rate month by month as a line, with the target (which may step up with a new plan year),
 * each month's interval as a whisker, points coloured by verdict, and a mark where a survey's
 * new version begins.
 */
export function TrendChart({ trend, lang }: { trend: Trend; lang: Lang }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const failed = useChart<'line'>(
    canvas,
    ({ errorBarsPlugin, versionMarksPlugin }) => {
      const rows = trend.rows;
      const marks = versionMarks(
        trend,
        (c) => `${surveyName(c.survey, lang)} ${t(lang, 'version')} ${c.version}`,
        (r) => reorganisationMark(r, lang),
      );
      return {
        type: 'line',
        data: {
          labels: rows.map((r) => formatMonth(r.key, lang)),
          datasets: [
            {
              label: t(lang, 'rate'),
              data: rows.map((r) => r.rate),
              borderColor: LINE,
              backgroundColor: rows.map((r) => VERDICT_COLOUR[r.verdict]),
              pointBackgroundColor: rows.map((r) => VERDICT_COLOUR[r.verdict]),
              pointBorderColor: '#ffffff',
              pointRadius: 6,
              pointHoverRadius: 8,
              borderWidth: 2.5,
              spanGaps: false,
            },
            {
              label: t(lang, 'target'),
              data: rows.map((r) => r.target),
              borderColor: INK,
              borderDash: [6, 4],
              borderWidth: 2,
              pointRadius: 0,
              stepped: 'middle',
            },
          ],
        },
        plugins: [errorBarsPlugin, versionMarksPlugin],
        options: {
          responsive: true,
          maintainAspectRatio: false,
          animation: false,
          interaction: { mode: 'index', intersect: false },
          scales: {
            y: {
              // Rates of public services sit high; starting at 50 keeps a 3-point fall visible without hiding the scale.
              min: Math.max(0, Math.min(50, ...rows.map((r) => Math.floor((r.interval?.low ?? 100) / 10) * 10))),
              max: 100,
              ticks: { stepSize: 10, callback: (v) => formatTarget(Number(v), lang) },
              title: { display: true, text: t(lang, 'rate') },
            },
            x: { ticks: { maxRotation: 45 } },
          },
          plugins: {
            errorBars: { intervals: rows.map((r) => r.interval), color: LINE },
            versionMarks: { marks },
            legend: { labels: { usePointStyle: true } },
            tooltip: {
              callbacks: {
                label: (item) => {
                  const r = rows[item.dataIndex];
                  if (!r) return '';
                  if (item.datasetIndex === 1) return `${t(lang, 'target')}: ${formatTarget(r.target, lang)}`;
                  return [
                    `${t(lang, 'rate')}: ${formatRate(r.rate, r.target, lang)} (${formatInterval(r.interval, lang)})`,
                    `${t(lang, 'answers')}: ${formatCount(r.n, lang)}`,
                    `${t(lang, 'verdict')}: ${verdictText(r.verdict, lang)}`,
                  ];
                },
              },
            },
          },
        },
      };
    },
    [trend, lang],
  );
  if (failed) return null;
  return (
    <div class="chart-box">
      <canvas ref={canvas} role="img" aria-label={t(lang, 'trendChartLabel')} data-testid="trend-chart" />
    </div>
  );
}
