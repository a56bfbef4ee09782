import { execFileSync } from 'node:child_process';
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
  baselineP50Ms: number;
  baselineP99Ms: number;
  /**
   * Mean CPU time per request (user + system, GC included), from process.cpuUsage(): unlike the
   * percentiles, it hardly moves when other programs share the machine.
   */
  renderCpuMeanMs: number;
  baselineCpuMeanMs: number;
  /** Rounds of `runsPerRound` requests each; the figures above are the medians of the rounds. */
  rounds: number;
  runsPerRound: number;
}

const BUDGET = 20 * 1024;

const ROUNDS = 7;

const median = (values: number[]) => percentile(values, 50);

/**
 * Times two calls one after the other, `runs` times each: on a shared machine a pause of the
 * process (another program's turn on the CPU) falls on both alike, so their p99s stay comparable.
 */
type Call = () => Response | Promise<Response>;

async function timeAlternately(calls: readonly [Call, Call], runs: number): Promise<[number[], number[]]> {
  const times: [number[], number[]] = [[], []];
  for (let i = 0; i < runs; i++) {
    // Which goes first alternates too, so neither always follows the other's garbage.
    for (const which of i % 2 ? [1, 0] : [0, 1]) {
      const start = performance.now();
      await (await calls[which]!()).arrayBuffer();
      times[which]!.push(performance.now() - start);
    }
  }
  return times;
}

/**
 * The citizen page's weight (HTML + inline CSS + its one script, gzipped) and its server render
 * time, against a bare handler that returns the same bytes without rendering or a database.
 * Both are timed in-process (app.request), request by request in turn, in several rounds; each
 * figure is the median of the rounds' percentiles.
 */
export async function benchCitizenPage(app: ReturnType<typeof createApp>, runs: number): Promise<CitizenPageFigures> {
  const html = await (await app.request('/q/demo-land')).text();
  const scriptPath = 'dist/client/q-assets/citizen.js';
  // A fresh clone has no client yet: the bench builds what it measures rather than stopping.
  if (!existsSync(scriptPath)) execFileSync('npm', ['run', 'build:client'], { stdio: ['ignore', 2, 2] });
  const htmlBytesGzip = gzipSync(html, { level: 9 }).length;
  const scriptBytesGzip = gzipSync(readFileSync(scriptPath), { level: 9 }).length;

  const bare = new Hono().get('/q/:code', (c) => c.html(html));
  const page = () => app.request('/q/demo-land');
  const bareCall = () => bare.request('/q/demo-land');
  // Warm-up beyond a few calls: the JIT settles before the first timed round.
  await timeRequests(page, Math.max(200, runs));
  await timeRequests(bareCall, Math.max(200, runs));
  const render: number[][] = [];
  const baseline: number[][] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const [r, b] = await timeAlternately([page, bareCall], runs);
    render.push(r);
    baseline.push(b);
  }
  const cpuPerRequest = async (call: Call) => {
    const before = process.cpuUsage();
    await timeRequests(call, runs * 2);
    const used = process.cpuUsage(before);
    return (used.user + used.system) / 1000 / (runs * 2 + Math.min(50, runs * 2));
  };
  const renderCpu: number[] = [];
  const baselineCpu: number[] = [];
  for (let round = 0; round < 3; round++) {
    renderCpu.push(await cpuPerRequest(page));
    baselineCpu.push(await cpuPerRequest(bareCall));
  }
  const medianOf = (rounds: number[][], p: number) => median(rounds.map((times) => percentile(times, p)));
  return {
    htmlBytesGzip,
    scriptBytesGzip,
    totalBytesGzip: htmlBytesGzip + scriptBytesGzip,
    budgetBytes: BUDGET,
    renderP50Ms: medianOf(render, 50),
    renderP99Ms: medianOf(render, 99),
    baselineP50Ms: medianOf(baseline, 50),
    baselineP99Ms: medianOf(baseline, 99),
    renderCpuMeanMs: median(renderCpu),
    baselineCpuMeanMs: median(baselineCpu),
    rounds: ROUNDS,
    runsPerRound: runs,
  };
}
