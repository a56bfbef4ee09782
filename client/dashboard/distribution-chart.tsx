import { useRef } from 'preact/hooks';
import type { RatingType } from '../../surveys/scale';
import { formatCount, formatPercent, formatTarget } from '../app/format';
import { t, type Lang } from '../app/i18n';
import { levelShares } from './charts/chart-data';
import { useChart } from './charts/use-chart';
import { wrappedTicks } from './charts/wrap-label';
import type { Distribution } from './dashboard-types';
import { shownLevels } from './rating-levels';

interface Props {
  rows: Distribution['rows'];
  scale: RatingType;
  labelOf: (row: Distribution['rows'][number]) => string;
  lang: Lang;
}

/** Each row's answers to the overall question as one bar split into the scale's levels (100 % stacked). */
export function DistributionChart({ rows, scale, labelOf, lang }: Props) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const failed = useChart<'bar'>(canvas, () => {
    const levels = shownLevels(scale, lang);
    const shares = levelShares(
      rows,
      levels.map((l) => l.key),
    );
    return {
      type: 'bar',
      data: {
        labels: rows.map(labelOf),
        datasets: levels.map((level) => ({
          label: level.label,
          data: shares[level.key] ?? [],
          backgroundColor: level.colour,
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
                const level = levels[item.datasetIndex];
                if (!row || !level) return '';
                return `${item.dataset.label}: ${formatCount(row.counts[level.key] ?? 0, lang)} (${formatPercent(item.parsed.x, lang)})`;
              },
            },
          },
        },
      },
    };
  }, [rows, scale, labelOf, lang]);
  if (failed) return null;
  return (
    <div class="chart-box" style={{ height: `${Math.max(14, 6 + rows.length * 2.6)}rem` }}>
      <canvas
        ref={canvas}
        role="img"
        aria-label={t(lang, scale === 'scale3' ? 'distributionChartLabel3' : 'distributionChartLabel')}
        data-testid="distribution-chart"
        data-scale={scale}
      />
    </div>
  );
}
