import type { ChartType, Plugin } from 'chart.js';
import type { Interval } from '../../app/api-types';
import { isHorizontal } from './target-lines';

export interface ErrorBarOptions {
  /** One 95% interval (percent) per point of the first dataset; null draws nothing. */
  intervals?: (Interval | null)[];
  color?: string;
  /** Which dataset the whiskers belong to. */
  datasetIndex?: number;
}

declare module 'chart.js' {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- declaration merging must repeat chart.js's type parameter
  interface PluginOptionsByType<TType extends ChartType> {
    errorBars?: ErrorBarOptions;
  }
}

/**
 * Whiskers for the Wilson interval of each bar or point: chart.js has no error bars of its own,
 * and the plugin that adds them is a dependency this one screen does not need.
 */
export const errorBarsPlugin: Plugin<'bar' | 'line', ErrorBarOptions> = {
  id: 'errorBars',
  afterDatasetsDraw(chart, _args, options) {
    const intervals = options.intervals ?? [];
    const meta = chart.getDatasetMeta(options.datasetIndex ?? 0);
    if (!meta || meta.hidden || intervals.length === 0) return;
    const horizontal = isHorizontal(chart);
    const value = horizontal ? chart.scales.x : chart.scales.y;
    if (!value) return;
    const { ctx } = chart;
    ctx.save();
    ctx.strokeStyle = options.color ?? '#1f2328';
    ctx.lineWidth = 1.5;
    ctx.setLineDash([]);
    meta.data.forEach((element, i) => {
      const interval = intervals[i];
      if (!interval) return;
      const { x, y } = element.getProps(['x', 'y'], true) as { x: number; y: number };
      const c = horizontal ? y : x;
      const lo = value.getPixelForValue(interval.low);
      const hi = value.getPixelForValue(interval.high);
      const cap = 5;
      ctx.beginPath();
      if (horizontal) {
        ctx.moveTo(lo, c);
        ctx.lineTo(hi, c);
        ctx.moveTo(lo, c - cap);
        ctx.lineTo(lo, c + cap);
        ctx.moveTo(hi, c - cap);
        ctx.lineTo(hi, c + cap);
      } else {
        ctx.moveTo(c, lo);
        ctx.lineTo(c, hi);
        ctx.moveTo(c - cap, lo);
        ctx.lineTo(c + cap, lo);
        ctx.moveTo(c - cap, hi);
        ctx.lineTo(c + cap, hi);
      }
      ctx.stroke();
    });
    ctx.restore();
  },
};
