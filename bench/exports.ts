import type { createApp } from '../server/app';

export interface ExportFigures {
  format: string;
  rows: number;
  bytes: number;
  seconds: number;
  rowsPerSecond: number;
  /** Highest heap in use while exporting, minus the heap just before, in MB. */
  heapGrowthMb: number;
  peakRssMb: number;
}

/**
 * Reads a whole export through the app as a client would, sampling memory as it streams: a flat
 * export keeps the same heap growth whatever the number of rows.
 */
export async function measureExport(app: ReturnType<typeof createApp>, cookie: string, format: string, rows: number): Promise<ExportFigures> {
  global.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  let peakHeap = heapBefore;
  let peakRss = process.memoryUsage().rss;
  const sample = setInterval(() => {
    const m = process.memoryUsage();
    peakHeap = Math.max(peakHeap, m.heapUsed);
    peakRss = Math.max(peakRss, m.rss);
  }, 20);
  const start = performance.now();
  const res = await app.request(`/api/exports/responses.${format}?from=2025-01-01&to=2025-12-31`, { headers: { cookie } });
  if (res.status !== 200) throw new Error(`export ${format}: ${res.status} ${await res.text()}`);
  let bytes = 0;
  const reader = res.body!.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
  }
  const seconds = (performance.now() - start) / 1000;
  clearInterval(sample);
  return {
    format,
    rows,
    bytes,
    seconds,
    rowsPerSecond: rows / seconds,
    heapGrowthMb: (peakHeap - heapBefore) / 2 ** 20,
    peakRssMb: peakRss / 2 ** 20,
  };
}
