import type { Chart, ChartConfiguration, ChartType } from 'chart.js';
import type { RefObject } from 'preact';
import { useEffect, useState } from 'preact/hooks';

import type * as ChartSetup from './chart-setup';

export type ChartLib = typeof ChartSetup;

/**
 * Draws a chart on the canvas once chart.js has loaded, and redraws it from scratch when the
 * inputs change (cheaper to reason about than patching datasets). Returns true when chart.js
 * could not be loaded: the table beside every chart still has all the figures.
 */
export function useChart<T extends ChartType>(
  canvas: RefObject<HTMLCanvasElement | null>,
  build: (lib: ChartLib) => ChartConfiguration<T>,
  deps: unknown[],
): boolean {
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let chart: Chart<T> | undefined;
    let cancelled = false;
    import('./chart-setup')
      .then((lib) => {
        if (cancelled || !canvas.current) return;
        chart = new lib.Chart(canvas.current, build(lib));
      })
      .catch(() => {
        if (!cancelled) setFailed(true);
      });
    return () => {
      cancelled = true;
      chart?.destroy();
    };
  }, deps);
  return failed;
}
