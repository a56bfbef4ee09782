import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { createDb } from '../db/create-db';
import { percentile } from './measure';
import {
  buildServers,
  settle,
  startChild,
  storedCountCheck,
  submissionRequest,
  targetCounters,
  type CountCheck,
  type TargetCounter,
} from './throughput';

/** An answer not acknowledged within this long counts as lost to the citizen (their phone gives up). */
export const ACK_WITHIN_MS = 5000;

export interface OpenLoopRun {
  rate: number;
  seconds: number;
  sent: number;
  /** 2xx within ACK_WITHIN_MS. */
  acknowledged: number;
  share: number;
  /** From each request's scheduled send time; an answer not acknowledged in time counts as ACK_WITHIN_MS. */
  p50Ms: number;
  p99Ms: number;
  statuses: Record<string, number>;
  /** How late the generator sent its latest request against the schedule: if large, the client, not the server, fell behind. */
  maxSendLagMs: number;
}

export interface OpenLoopFigures {
  rates: { rate: number; hailong: OpenLoopRun; bare: OpenLoopRun }[];
  count: CountCheck;
}

/**
 * A fixed arrival rate: request i leaves at start + i / rate whatever the earlier ones take (no
 * closed loop waiting on answers, so a slow server meets the same load, not a politer one).
 * Latency runs from the scheduled time, so a generator running late is not hidden either.
 * Keep-alive sockets, as many as the load needs.
 */
async function openLoop(opts: {
  port: number;
  secret: string;
  targets: TargetCounter[];
  rate: number;
  seconds: number;
  tag: string;
  sent: Set<string>;
  statuses: Map<string, number>;
}): Promise<OpenLoopRun> {
  const agent = new Agent({ keepAlive: true, maxSockets: Infinity });
  const total = Math.round(opts.rate * opts.seconds);
  const latencies: number[] = [];
  const statusCounts: Record<string, number> = {};
  let acknowledged = 0;
  let maxSendLagMs = 0;
  const pending: Promise<void>[] = [];
  const start = performance.now() + 20;
  const fire = (due: number) => {
    const n = opts.sent.size + 1;
    const clientKey = `${opts.tag}-${n}`;
    opts.sent.add(clientKey);
    const s = submissionRequest(opts.secret, opts.targets[n % opts.targets.length]!, clientKey, n);
    maxSendLagMs = Math.max(maxSendLagMs, performance.now() - due);
    pending.push(
      new Promise<void>((resolve) => {
        let done = false;
        const finish = (status: number) => {
          if (done) return;
          done = true;
          const took = performance.now() - due;
          const ok = status >= 200 && status < 300 && took <= ACK_WITHIN_MS;
          statusCounts[status || 'none'] = (statusCounts[status || 'none'] ?? 0) + 1;
          if (status) opts.statuses.set(clientKey, status);
          if (ok) acknowledged++;
          latencies.push(ok ? took : ACK_WITHIN_MS);
          resolve();
        };
        const req = request({ host: '127.0.0.1', port: opts.port, method: 'POST', path: s.path, headers: s.headers, agent }, (res) => {
          res.resume();
          res.on('end', () => finish(res.statusCode ?? 0));
          res.on('error', () => finish(0));
        });
        // Past the limit the answer is lost to the citizen; waiting longer would only delay the report.
        req.setTimeout(ACK_WITHIN_MS + 1000 - (performance.now() - due), () => req.destroy());
        req.on('error', () => finish(0));
        req.end(s.body);
      }),
    );
  };
  await new Promise<void>((resolve) => {
    let i = 0;
    const tick = () => {
      const now = performance.now();
      // Catch up on every request due by now: a late timer must not lower the rate.
      while (i < total && start + (i * 1000) / opts.rate <= now) {
        fire(start + (i * 1000) / opts.rate);
        i++;
      }
      if (i < total) setTimeout(tick, Math.max(0, start + (i * 1000) / opts.rate - performance.now()));
      else resolve();
    };
    setTimeout(tick, 20);
  });
  await Promise.all(pending);
  agent.destroy();
  return {
    rate: opts.rate,
    seconds: opts.seconds,
    sent: total,
    acknowledged,
    share: acknowledged / total,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    statuses: statusCounts,
    maxSendLagMs,
  };
}

/**
 * Submission latency at fixed arrival rates, hailong (real server, child process) beside the
 * bare Hono handler, alternated rate by rate so both see the same machine; afterwards every
 * acknowledged answer must be stored exactly once.
 */
export async function measureOpenLoop(opts: {
  databaseUrl?: string | undefined;
  rates: number[];
  seconds: number;
}): Promise<OpenLoopFigures> {
  const secret = randomBytes(32).toString('base64url');
  const schema = opts.databaseUrl ? `bench_ol_${randomBytes(4).toString('hex')}` : undefined;
  const dataDir = opts.databaseUrl ? undefined : mkdtempSync(join(tmpdir(), 'hailong-bench-'));
  const baseEnv = { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: 'production' };
  const hailongEnv = {
    ...baseEnv,
    ...(opts.databaseUrl ? { DATABASE_URL: opts.databaseUrl, BENCH_SCHEMA: schema } : { BENCH_DATA_DIR: dataDir }),
    HAILONG_SECRET: secret,
    HAILONG_DEMO: '1',
    HAILONG_TRUST_PROXY: '1',
    HAILONG_ADMIN_PASSWORD: 'bench-password-0',
  };
  await buildServers();
  const [server, bareServer] = await Promise.all([startChild('hailong', hailongEnv), startChild('bare', baseEnv)]);
  const tag = `ol${randomBytes(3).toString('hex')}`;
  const sent = new Set<string>();
  const statuses = new Map<string, number>();
  const rates: OpenLoopFigures['rates'] = [];
  try {
    const targets = await targetCounters(server.port);
    const run = (port: number, rate: number, seconds: number, own: boolean) =>
      openLoop({
        port,
        secret,
        targets,
        rate,
        seconds,
        tag: own ? tag : `${tag}b`,
        sent: own ? sent : new Set(),
        statuses: own ? statuses : new Map(),
      });
    // Warm-up (JIT, pools): a second at the lowest rate each, then dropped.
    await run(bareServer.port, opts.rates[0]!, 1, false);
    await run(server.port, opts.rates[0]!, 1, true);
    await settle();
    for (const rate of opts.rates) {
      const bare = await run(bareServer.port, rate, opts.seconds, false);
      const hailong = await run(server.port, rate, opts.seconds, true);
      rates.push({ rate, hailong, bare });
      await settle();
    }
  } finally {
    await Promise.all([server.stop(), bareServer.stop()]);
  }
  const handle = await createDb({ databaseUrl: opts.databaseUrl, dataDir, schema });
  try {
    const { count } = await storedCountCheck(handle, tag, sent, statuses);
    return { rates, count };
  } finally {
    if (schema) await sql`drop schema ${sql.id(schema)} cascade`.execute(handle.dbWrite);
    await handle.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
}
