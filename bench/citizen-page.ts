import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { Hono } from 'hono';
import type { createApp } from '../server/app';
import { percentile, timeRequests } from './measure';

export interface CitizenPageFigures {
  htmlBytesGzip: number;
  scriptBytesGzip: number;
  totalBytesGzip: number;
  budgetBytes: number;
  renderP50Ms: number;
  renderP99Ms: number;
  baselineP99Ms: number;
}

const BUDGET = 20 * 1024;

/**
 * The citizen page's weight (HTML + inline CSS + its one script, gzipped) and its server render
 * time, against a bare handler that returns the same bytes without rendering or a database.
 */
export async function benchCitizenPage(app: ReturnType<typeof createApp>, runs: number): Promise<CitizenPageFigures> {
  const html = await (await app.request('/q/demo-land')).text();
  const scriptPath = 'dist/client/q-assets/citizen.js';
  if (!existsSync(scriptPath)) throw new Error('Build the client first: npm run build:client');
  const htmlBytesGzip = gzipSync(html, { level: 9 }).length;
  const scriptBytesGzip = gzipSync(readFileSync(scriptPath), { level: 9 }).length;

  const bare = new Hono().get('/q/:code', (c) => c.html(html));
  const render = await timeRequests(() => app.request('/q/demo-land'), runs);
  const baseline = await timeRequests(() => bare.request('/q/demo-land'), runs);
  return {
    htmlBytesGzip,
    scriptBytesGzip,
    totalBytesGzip: htmlBytesGzip + scriptBytesGzip,
    budgetBytes: BUDGET,
    renderP50Ms: percentile(render, 50),
    renderP99Ms: percentile(render, 99),
    baselineP99Ms: percentile(baseline, 99),
  };
}
