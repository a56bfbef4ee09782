import { useRef } from 'preact/hooks';
import type { StatsRow } from '../app/api-types';
import { formatCount, formatInterval, formatRate, formatTarget } from '../app/format';
import { t, type Lang } from '../app/i18n';
import { VERDICT_COLOUR, verdictText } from '../app/verdict';
import { sectorBars } from './charts/chart-data';
import { useChart } from './charts/use-chart';
import { labelCharsFor, wrapLabel, wrappedTicks } from './charts/wrap-label';

export const INK = '#1f2328';

interface Props {
  rows: StatsRow[];
  lang: Lang;
  labelOf: (row: StatsRow) => string;
  testid: string;
  ariaLabel: string;
  /** Bars along the side, for long lists of names (the unit ranking). */
  horizontal?: boolean;
}

/**
 * Satisfaction rate per category as bars coloured by verdict, each with its own target (dashed)
 * and its 95% Wilson interval (whisker). The table beside it has the same figures in words.
 */
export function RateBarChart({ rows, lang, labelOf, testid, ariaLabel, horizontal = false }: Props) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const failed = useChart<'bar'>(
    canvas,
    ({ errorBarsPlugin, targetLinePlugin }) => {
      const bars = sectorBars(rows, labelOf);
      const valueAxis = {
        min: 0,
        max: 100,
        ticks: { stepSize: 10, callback: (v: string | number) => formatTarget(Number(v), lang) },
        title: { display: true, text: t(lang, 'rate') },
      };
      const categoryAxis = { ticks: { autoSkip: false, maxRotation: 45, callback: wrappedTicks(bars.labels) } };
      return {
        type: 'bar',
        data: {
          labels: bars.labels,
          datasets: [{ label: t(lang, 'rate'), data: bars.rates, backgroundColor: bars.colours, borderRadius: 3, maxBarThickness: 56 }],
        },
        plugins: [targetLinePlugin, errorBarsPlugin],
        options: {
          indexAxis: horizontal ? 'y' : 'x',
          responsive: true,
          maintainAspectRatio: false,
          animation: false,
          scales: horizontal ? { x: valueAxis, y: categoryAxis } : { y: valueAxis, x: categoryAxis },
          plugins: {
            targetLines: { targets: bars.targets, color: INK },
            errorBars: { intervals: bars.intervals, color: INK },
            legend: {
              // The one dataset has a colour per bar, so the legend explains the colours and marks instead.
              onClick: () => {},
              labels: {
                usePointStyle: true,
                pointStyleWidth: 24,
                generateLabels: () => [
                  ...(['met', 'not_met', 'too_few'] as const).map((v) => ({
                    text: verdictText(v, lang),
                    pointStyle: 'rect' as const,
                    fillStyle: VERDICT_COLOUR[v],
                    strokeStyle: VERDICT_COLOUR[v],
                    lineWidth: 1,
                  })),
                  { text: t(lang, 'target'), pointStyle: 'line' as const, strokeStyle: INK, lineWidth: 2, lineDash: [6, 4] },
                  { text: t(lang, 'interval'), pointStyle: 'line' as const, strokeStyle: INK, lineWidth: 1.5 },
                ],
              },
            },
            tooltip: {
              callbacks: {
                label: (item) => {
                  const i = item.dataIndex;
                  return [
                    `${t(lang, 'rate')}: ${formatRate(bars.rates[i] ?? null, bars.targets[i] ?? null, lang)}`,
                    `${t(lang, 'interval')}: ${formatInterval(bars.intervals[i] ?? null, lang)}`,
                    `${t(lang, 'target')}: ${formatTarget(bars.targets[i] ?? 0, lang)}`,
                    `${t(lang, 'answers')}: ${formatCount(bars.counts[i] ?? 0, lang)}`,
                    `${t(lang, 'verdict')}: ${verdictText(bars.verdicts[i] ?? 'too_few', lang)}`,
                  ];
                },
              },
            },
          },
        },
      };
    },
    [rows, lang, labelOf, horizontal],
  );
  if (failed) return null; // the table still has every figure
  // A horizontal chart grows with its rows, and with the lines its longest name wraps to on this screen, so names never overlap.
  const style = horizontal ? { height: `${Math.max(16, 6 + rows.length * rowHeightRem(rows.map(labelOf)))}rem` } : undefined;
  return (
    <div class="chart-box" style={style}>
      <canvas ref={canvas} role="img" aria-label={ariaLabel} data-testid={testid} />
    </div>
  );
}

/** The height of one bar's row: room for its name wrapped as the axis will wrap it on this screen (about the window's width). */
function rowHeightRem(labels: readonly string[]): number {
  const chars = labelCharsFor(typeof innerWidth === 'number' ? innerWidth - 60 : 1200);
  const lines = Math.max(1, ...labels.map((l) => wrapLabel(l, chars).length));
  return Math.max(2.4, 1.1 * lines + 0.8);
}
