import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { sql } from 'kysely';
import { createDb } from '../db/create-db';
import { processMemory } from './export-measure';
import {
  buildServers,
  storedCountCheck,
  loadFigures,
  medianFigures,
  settle,
  startChild,
  submissionLoad,
  targetCounters,
  type CountCheck,
  type LoadFigures,
} from './throughput';

export interface LoginFloodFigures {
  /** The citizens' load: connections and the fixed rate they send at together. */
  citizens: { connections: number; perSecond: number };
  flood: { connections: number; perSecond: number; sent: number; statuses: Record<string, number> };
  seconds: number;
  runs: number;
  /** Citizen submissions alone, and with the flood beside them (medians of the runs). */
  quiet: LoadFigures;
  flooded: LoadFigures;
  /** flooded p99 / quiet p99. */
  ratio: number;
  /** The server process's peak resident memory before the first flood, and at the end. */
  quietPeakRssMb: number;
  peakRssMb: number;
  /** Every citizen answer acknowledged was stored once, none refused; no flood login got in. */
  count: CountCheck;
  floodOk: boolean;
}

const CITIZENS = { connections: 32, overallRate: 100 };
// As the drill that found the problem: logins of unknown names, 100 at a time, 300 and more a run.
const FLOOD = { connections: 100, overallRate: 60 };

/**
 * Logins of names that do not exist, each from an address of its own (X-Forwarded-For), so no
 * limit of the throttle stops them: only the bound on concurrent password hashing does. 60 a
 * second over 100 connections: several times what the hashing can take (unbounded, the logins
 * pile up on the thread pool), yet little for the HTTP layer, so what the figure shows is what
 * the hashing costs the citizens, not a flood of requests that would slow any endpoint.
 */
function loginFlood(port: number, tag: string, seconds: number, statuses: Record<string, number>) {
  let n = 0;
  return autocannon({
    url: `http://127.0.0.1:${port}`,
    connections: FLOOD.connections,
    overallRate: FLOOD.overallRate,
    duration: seconds,
    requests: [
      {
        method: 'POST',
        setupRequest: (request) => {
          const i = ++n;
          return {
            ...request,
            method: 'POST',
            path: '/api/auth/login',
            headers: { 'content-type': 'application/json', 'x-forwarded-for': `172.${16 + ((i >> 16) & 15)}.${(i >> 8) & 255}.${i & 255}` },
            body: JSON.stringify({ username: `${tag}-nobody-${i}`, password: `guess-${i}` }),
          };
        },
        onResponse: (status) => {
          statuses[status] = (statuses[status] ?? 0) + 1;
        },
      },
    ],
  });
}

/**
 * Citizen submissions at a fixed rate (a busy morning, well below what the server can take) with
 * and without a flood of unknown-user logins beside them, on the real server (bundled, plain node,
 * a child process). Runs alternate, so both see the same machine; the figure is the ratio of the
 * two p99s. Coordinated omission is corrected (autocannon with a rate), so a stalled server shows.
 */
export async function measureLoginFlood(opts: {
  databaseUrl?: string | undefined;
  seconds: number;
  runs: number;
}): Promise<LoginFloodFigures> {
  const secret = randomBytes(32).toString('base64url');
  const schema = opts.databaseUrl ? `bench_lf_${randomBytes(4).toString('hex')}` : undefined;
  const dataDir = opts.databaseUrl ? undefined : mkdtempSync(join(tmpdir(), 'hailong-bench-'));
  const env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: 'production',
    ...(opts.databaseUrl ? { DATABASE_URL: opts.databaseUrl, BENCH_SCHEMA: schema } : { BENCH_DATA_DIR: dataDir }),
    HAILONG_SECRET: secret,
    HAILONG_DEMO: '1',
    HAILONG_TRUST_PROXY: '1',
    HAILONG_ADMIN_PASSWORD: 'bench-password-0',
  };
  await buildServers();
  const server = await startChild('hailong', env);
  const tag = `lf${randomBytes(3).toString('hex')}`;
  const statuses = new Map<string, number>();
  const sent = new Set<string>();
  const floodStatuses: Record<string, number> = {};
  const quietRuns: LoadFigures[] = [];
  const floodedRuns: LoadFigures[] = [];
  let floodSent = 0;
  let quietPeakRssMb = 0;
  let peakRssMb = 0;
  try {
    const targets = await targetCounters(server.port);
    await submissionLoad(server.port, secret, targets, tag, 1, statuses, sent, CITIZENS);
    await settle();
    for (let run = 0; run < opts.runs; run++) {
      quietRuns.push(loadFigures(await submissionLoad(server.port, secret, targets, tag, opts.seconds, statuses, sent, CITIZENS)));
      if (run === 0) quietPeakRssMb = processMemory(server.pid).peakRssMb;
      await settle();
      // The flood starts first and ends last, so it covers the whole measured window.
      const flood = loginFlood(server.port, `${tag}r${run}`, opts.seconds + 1, floodStatuses);
      await new Promise((resolve) => setTimeout(resolve, 500));
      floodedRuns.push(loadFigures(await submissionLoad(server.port, secret, targets, tag, opts.seconds, statuses, sent, CITIZENS)));
      floodSent += (await flood).requests.total;
      peakRssMb = processMemory(server.pid).peakRssMb;
      await settle();
    }
  } finally {
    await server.stop();
  }
  const handle = await createDb({ databaseUrl: opts.databaseUrl, dataDir, schema });
  try {
    const { count } = await storedCountCheck(handle, tag, sent, statuses);
    const quiet = medianFigures(quietRuns);
    const flooded = medianFigures(floodedRuns);
    // A flood login may be refused (429, 503) or fail (401); it may never get in, nor break anything.
    const floodOk = Object.keys(floodStatuses).every((s) => ['401', '429', '503'].includes(s)) && floodSent > 0;
    return {
      citizens: { connections: CITIZENS.connections, perSecond: CITIZENS.overallRate },
      flood: { connections: FLOOD.connections, perSecond: FLOOD.overallRate, sent: floodSent, statuses: floodStatuses },
      seconds: opts.seconds,
      runs: opts.runs,
      quiet,
      flooded,
      ratio: flooded.p99Ms / quiet.p99Ms,
      quietPeakRssMb,
      peakRssMb,
      count: { ...count, ok: count.ok && quiet.non2xx + flooded.non2xx === 0 },
      floodOk,
    };
  } finally {
    if (schema) await sql`drop schema ${sql.id(schema)} cascade`.execute(handle.dbWrite);
    await handle.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
}
