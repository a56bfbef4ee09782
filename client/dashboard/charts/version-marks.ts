import type { ChartType, Plugin } from 'chart.js';
import type { VersionMark } from './chart-data';

export interface VersionMarkOptions {
  marks?: VersionMark[];
  color?: string;
}

declare module 'chart.js' {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- declaration merging must repeat chart.js's type parameter
  interface PluginOptionsByType<TType extends ChartType> {
    versionMarks?: VersionMarkOptions;
  }
}

/**
 * A vertical line with a short label where a survey's new version first appears: rates on either
 * side were asked with different questions, and the reader must see the break (docs/domain.md §3).
 * The line sits halfway between that month and the one before, where the change happened.
 */
export const versionMarksPlugin: Plugin<'line', VersionMarkOptions> = {
  id: 'versionMarks',
  afterDatasetsDraw(chart, _args, options) {
    const marks = options.marks ?? [];
    const x = chart.scales.x;
    if (!x || marks.length === 0) return;
    const { ctx, chartArea } = chart;
    ctx.save();
    ctx.strokeStyle = options.color ?? '#6b4b00';
    ctx.fillStyle = options.color ?? '#6b4b00';
    ctx.lineWidth = 2;
    ctx.setLineDash([3, 3]);
    ctx.font = '12px system-ui, sans-serif';
    for (const mark of marks) {
      const at = mark.index > 0 ? (x.getPixelForValue(mark.index) + x.getPixelForValue(mark.index - 1)) / 2 : x.getPixelForValue(0);
      ctx.beginPath();
      ctx.moveTo(at, chartArea.top);
      ctx.lineTo(at, chartArea.bottom);
      ctx.stroke();
      const text = fitted(ctx, `▼ ${mark.label}`, chartArea.right - chartArea.left);
      const width = ctx.measureText(text).width;
      // Keep the label inside the chart: right of the line unless that would run off the edge.
      const left = Math.max(chartArea.left, at + 4 + width > chartArea.right ? at - 4 - width : at + 4);
      ctx.fillText(text, left, chartArea.top + 12);
    }
    ctx.restore();
  },
};

/** The text, cut with an ellipsis where it would be wider than `room` (a phone's narrow chart). */
function fitted(ctx: CanvasRenderingContext2D, text: string, room: number): string {
  if (ctx.measureText(text).width <= room) return text;
  let cut = text;
  while (cut.length > 1 && ctx.measureText(`${cut}…`).width > room) cut = cut.slice(0, -1);
  return `${cut}…`;
}
