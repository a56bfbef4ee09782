import { useRef } from 'preact/hooks';
import { formatCount, formatInterval, formatPercent, formatTarget } from '../app/format';
import { t, type Lang } from '../app/i18n';
import { useChart } from './charts/use-chart';
import { wrappedTicks } from './charts/wrap-label';
import type { FactorIndex } from './dashboard-types';
import { INK } from './rate-bar-chart';

const BAR = '#0b5cad';
const WEAKEST = '#8a4b00';

/** The factor indices as horizontal bars with their 95% intervals; the weakest factor stands out. */
export function FactorChart({
  factors,
  weakest,
  lang,
  testid,
}: {
  factors: FactorIndex[];
  weakest: string | null;
  lang: Lang;
  testid: string;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const axisFrom = factorAxisFrom(factors);
  const failed = useChart<'bar'>(
    canvas,
    ({ errorBarsPlugin }) => ({
      type: 'bar',
      data: {
        labels: factors.map((f) => f.label[lang]),
        datasets: [
          {
            label: t(lang, 'factorIndex'),
            data: factors.map((f) => f.index),
            backgroundColor: factors.map((f) => (f.key === weakest ? WEAKEST : BAR)),
            borderRadius: 3,
            maxBarThickness: 40,
          },
        ],
      },
      plugins: [errorBarsPlugin],
      options: {
        indexAxis: 'y',
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        scales: {
          x: { min: axisFrom, max: 100, ticks: { stepSize: axisFrom >= 50 ? 5 : 10, callback: (v) => formatTarget(Number(v), lang) } },
          y: { ticks: { autoSkip: false, callback: wrappedTicks(factors.map((f) => f.label[lang])) } },
        },
        plugins: {
          errorBars: { intervals: factors.map((f) => f.interval), color: INK },
          legend: { display: false },
          tooltip: {
            callbacks: {
              label: (item) => {
                const f = factors[item.dataIndex];
                if (!f) return '';
                return [
                  `${t(lang, 'factorIndex')}: ${formatPercent(f.index, lang)} (${formatInterval(f.interval, lang)})`,
                  `${t(lang, 'validAnswers')}: ${formatCount(f.valid, lang)}`,
                ];
              },
            },
          },
        },
      },
    }),
    [factors, weakest, lang],
  );
  if (failed) return null;
  return (
    <figure class="chart-figure">
      <div class="chart-box" style={{ height: `${Math.max(12, 4 + factors.length * 3.6)}rem` }}>
        <canvas ref={canvas} role="img" aria-label={t(lang, 'factorChartLabel')} data-testid={testid} />
      </div>
      {axisFrom > 0 && (
        <figcaption class="muted">
          {t(lang, 'axisFrom')} {formatTarget(axisFrom, lang)}
        </figcaption>
      )}
    </figure>
  );
}

/**
 * Factor indices of a public service usually sit within a few points of each other near 90 %; on
 * a 0–100 axis their differences vanish, and those differences are the point of this chart. So the
 * axis starts 10 points below the lowest interval (rounded down to 10), and the caption says so.
 */
export function factorAxisFrom(factors: readonly FactorIndex[]): number {
  const lows = factors.map((f) => f.interval?.low ?? f.index).filter((v): v is number => v !== null);
  if (lows.length === 0) return 0;
  return Math.max(0, Math.floor((Math.min(...lows) - 10) / 10) * 10);
}
