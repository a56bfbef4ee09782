import type { Chart, ChartType, Plugin } from 'chart.js';

export interface TargetLineOptions {
  /** One target (percent) per category, in the order of the labels. */
  targets?: number[];
  color?: string;
}

declare module 'chart.js' {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- declaration merging must repeat chart.js's type parameter
  interface PluginOptionsByType<TType extends ChartType> {
    targetLines?: TargetLineOptions;
  }
}

/** Whether the categories run down the side (horizontal bars) rather than along the bottom. */
export const isHorizontal = (chart: Chart) => chart.options.indexAxis === 'y';

/**
 * Draws each category's own target as a short dashed line across its bar. Targets differ by
 * sector (85% or 90%), so one line for the whole chart would mislead.
 */
export const targetLinePlugin: Plugin<'bar', TargetLineOptions> = {
  id: 'targetLines',
  afterDatasetsDraw(chart, _args, options) {
    const targets = options.targets ?? [];
    const horizontal = isHorizontal(chart);
    const category = horizontal ? chart.scales.y : chart.scales.x;
    const value = horizontal ? chart.scales.x : chart.scales.y;
    if (!category || !value || targets.length === 0) return;
    const { ctx } = chart;
    const slot = Math.abs(category.getPixelForValue(1) - category.getPixelForValue(0)) || (horizontal ? category.height : category.width);
    const half = Math.min(slot * 0.42, 48); // about a bar's width, also when one category fills the chart
    ctx.save();
    ctx.strokeStyle = options.color ?? '#1f2328';
    ctx.lineWidth = 2.5;
    ctx.setLineDash([6, 4]);
    targets.forEach((target, i) => {
      const c = category.getPixelForValue(i);
      const v = value.getPixelForValue(target);
      ctx.beginPath();
      if (horizontal) {
        ctx.moveTo(v, c - half);
        ctx.lineTo(v, c + half);
      } else {
        ctx.moveTo(c - half, v);
        ctx.lineTo(c + half, v);
      }
      ctx.stroke();
    });
    ctx.restore();
  },
};
