import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';

/**
 * Loaded only with a dynamic import from use-chart.ts, so chart.js is its own chunk: the login
 * page never downloads it and the citizen page (a separate build) cannot. Only the parts the
 * dashboard draws are registered — bars, lines with points, two axes, tooltip and legend.
 */
Chart.register(BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale, Tooltip, Legend);

// The page's own type and ink, a little larger than chart.js's 12 px so axis names read on a tablet.
Chart.defaults.font.family = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', Arial, sans-serif";
Chart.defaults.font.size = 13;
Chart.defaults.color = '#1f2328';

export { Chart };
export { errorBarsPlugin } from './error-bars';
export { targetLinePlugin } from './target-lines';
export { versionMarksPlugin } from './version-marks';
