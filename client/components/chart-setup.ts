import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip, type ChartType, type Plugin } from 'chart.js';

/**
 * Loaded with a dynamic import, so chart.js is its own chunk and the login page never downloads
 * it. Only the parts the sector chart draws are registered, which keeps that chunk small.
 */
Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip, Legend);

export interface TargetLineOptions {
  /** One target (percent) per category, in the order of the labels. */
  targets?: number[];
  color?: string;
}

/**
 * Draws each sector's own target as a short dashed line across its bar. Targets differ by sector
 * (85% or 90%), so one horizontal line for the whole chart would mislead; a line dataset would
 * need three more chart.js parts just to draw these segments.
 */
declare module 'chart.js' {
  interface PluginOptionsByType<TType extends ChartType> {
    targetLines?: TargetLineOptions;
  }
}

export const targetLinePlugin: Plugin<'bar', TargetLineOptions> = {
  id: 'targetLines',
  afterDatasetsDraw(chart, _args, options) {
    const targets = options.targets ?? [];
    const x = chart.scales.x;
    const y = chart.scales.y;
    if (!x || !y) return;
    const { ctx } = chart;
    const slot = targets.length > 0 ? (x.right - x.left) / targets.length : 0;
    ctx.save();
    ctx.strokeStyle = options.color ?? '#1f2328';
    ctx.lineWidth = 2;
    ctx.setLineDash([6, 4]);
    targets.forEach((target, i) => {
      const cx = x.getPixelForValue(i);
      const half = Math.min(slot * 0.42, 48); // about a bar's width, also when one sector fills the chart
      const cy = y.getPixelForValue(target);
      ctx.beginPath();
      ctx.moveTo(cx - half, cy);
      ctx.lineTo(cx + half, cy);
      ctx.stroke();
    });
    ctx.restore();
  },
};

export { Chart };
