import { useEffect, useRef, useState } from 'preact/hooks';
import type { Chart as ChartType } from 'chart.js';
import type { StatsRow } from '../api-types';
import { formatCount, formatPercent, formatTarget } from '../format';
import { t, type Lang } from '../i18n';
import { VERDICT_COLOUR, verdictText } from '../verdict';
import { sectorBars } from './chart-data';

const TARGET_COLOUR = '#1f2328';

interface Props {
  rows: StatsRow[];
  lang: Lang;
  labelOf: (row: StatsRow) => string;
}

/**
 * Satisfaction rate per sector as bars, coloured by verdict, with each sector's target drawn
 * across its bar. The table below carries the same figures in words, so the canvas is a picture
 * with a summary label, not the only way to read them.
 */
export function SectorChart({ rows, lang, labelOf }: Props) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let chart: ChartType<'bar'> | undefined;
    let cancelled = false;
    const bars = sectorBars(rows, labelOf);
    import('./chart-setup')
      .then(({ Chart, targetLinePlugin }) => {
        if (cancelled || !canvas.current) return;
        chart = new Chart(canvas.current, {
          type: 'bar',
          data: {
            labels: bars.labels,
            datasets: [
              {
                label: t(lang, 'rate'),
                data: bars.rates,
                backgroundColor: bars.colours,
                borderRadius: 3,
                maxBarThickness: 56,
              },
            ],
          },
          plugins: [targetLinePlugin],
          options: {
            responsive: true,
            maintainAspectRatio: false,
            animation: false,
            scales: {
              y: {
                min: 0,
                max: 100,
                ticks: { stepSize: 10, callback: (v) => formatTarget(Number(v), lang) },
                title: { display: true, text: t(lang, 'rate') },
              },
              x: { ticks: { autoSkip: false, maxRotation: 45 } },
            },
            plugins: {
              targetLines: { targets: bars.targets, color: TARGET_COLOUR },
              legend: {
                // The one dataset has a colour per bar, so the legend explains the colours instead.
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
                    {
                      text: t(lang, 'target'),
                      pointStyle: 'line' as const,
                      strokeStyle: TARGET_COLOUR,
                      lineWidth: 2,
                      lineDash: [6, 4],
                    },
                  ],
                },
              },
              tooltip: {
                callbacks: {
                  label: (item) => {
                    const i = item.dataIndex;
                    return [
                      `${t(lang, 'rate')}: ${formatPercent(bars.rates[i] ?? null, lang)}`,
                      `${t(lang, 'target')}: ${formatTarget(bars.targets[i] ?? 0, lang)}`,
                      `${t(lang, 'answers')}: ${formatCount(bars.counts[i] ?? 0, lang)}`,
                      `${t(lang, 'verdict')}: ${verdictText(bars.verdicts[i] ?? 'too_few', lang)}`,
                    ];
                  },
                },
              },
            },
          },
        });
      })
      .catch(() => {
        if (!cancelled) setFailed(true);
      });
    return () => {
      cancelled = true;
      chart?.destroy();
    };
  }, [rows, lang, labelOf]);

  if (failed) return null; // the table still has every figure
  return (
    <div class="chart-box">
      <canvas ref={canvas} role="img" aria-label={t(lang, 'chartLabel')} data-testid="sector-chart" />
    </div>
  );
}
