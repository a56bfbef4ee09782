import { useRef } from 'preact/hooks';
import { scaleLabel } from '../../surveys/scale';
import { formatCount, formatPercent, formatTarget } from '../app/format';
import { t, type Lang } from '../app/i18n';
import { LEVEL_COLOUR, LEVELS, levelShares } from './charts/chart-data';
import { useChart } from './charts/use-chart';
import { wrappedTicks } from './charts/wrap-label';
import type { Distribution } from './dashboard-types';

interface Props {
  rows: Distribution['rows'];
  labelOf: (row: Distribution['rows'][number]) => string;
  lang: Lang;
}

/** Each row's answers to the overall question, 1 to 5, as one bar split into the five levels (100 % stacked). */
export function DistributionChart({ rows, labelOf, lang }: Props) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const failed = useChart<'bar'>(canvas, () => {
    const shares = levelShares(rows);
    return {
      type: 'bar',
      data: {
        labels: rows.map(labelOf),
        datasets: LEVELS.map((level) => ({
          label: `${level} · ${scaleLabel(Number(level), lang) ?? level}`,
          data: shares[level],
          backgroundColor: LEVEL_COLOUR[level],
          borderColor: '#ffffff',
          borderWidth: 1,
          maxBarThickness: 40,
        })),
      },
      options: {
        indexAxis: 'y',
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        scales: {
          x: { stacked: true, min: 0, max: 100, ticks: { stepSize: 10, callback: (v) => formatTarget(Number(v), lang) } },
          y: { stacked: true, ticks: { autoSkip: false, callback: wrappedTicks(rows.map(labelOf)) } },
        },
        plugins: {
          legend: { position: 'top', labels: { boxWidth: 18 } },
          tooltip: {
            callbacks: {
              label: (item) => {
                const row = rows[item.dataIndex];
                const level = LEVELS[item.datasetIndex];
                if (!row || !level) return '';
                return `${item.dataset.label}: ${formatCount(row.counts[level] ?? 0, lang)} (${formatPercent(item.parsed.x, lang)})`;
              },
            },
          },
        },
      },
    };
  }, [rows, labelOf, lang]);
  if (failed) return null;
  return (
    <div class="chart-box" style={{ height: `${Math.max(14, 6 + rows.length * 2.6)}rem` }}>
      <canvas ref={canvas} role="img" aria-label={t(lang, 'distributionChartLabel')} data-testid="distribution-chart" />
    </div>
  );
}
