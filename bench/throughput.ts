import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { sql } from 'kysely';
import pg from 'pg';
import { createDb, type DbHandle } from '../db/create-db';
import { satisfiedCountsFromResponses, satisfiedCountsFromRollups, type GroupBy, type StatsFilter } from '../db/stats';
import { DEMO_COUNTERS } from '../server/bootstrap/demo-tenant';
import { issueFormToken } from '../server/citizen/form-token';
import type { SurveyDefinition } from '../surveys/instrument-schema';
import { localDay } from '../surveys/time';
import { benchAnswers } from './bench-answers';
import { bundleForNode, SERVER_NODE_FLAGS } from './export-measure';
import { minimalChecks } from './minimal-durable-server';
import { cpuMeter, processCpuMicros } from './proc-cpu';

export interface LoadFigures {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** Acknowledged (2xx) answers per run, and every other outcome. */
  ok: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  /** The server process's CPU (user + system, /proc) per acknowledged answer, in µs. */
  serverCpuUsPerAnswer: number;
  /**
   * PostgreSQL's CPU per acknowledged answer, in µs: the backends serving that server (found by
   * its application_name in pg_stat_activity, sampled before and after each run), summed from
   * /proc. Null on PGlite, whose database runs inside the server process (counted there).
   */
  postgresCpuUsPerAnswer: number | null;
}

export interface CountCheck {
  sent: number;
  acknowledged: number;
  stored: number;
  duplicates: number;
  /** Acknowledged with 201 but not stored: must be 0. */
  lost: number;
  /** Stored although the server answered an error: must be 0. */
  storedDespiteError: number;
  /** Stored, no answer received (in flight when the load stopped): allowed. */
  inFlightAtStop: number;
  statusCounts: Record<string, number>;
  ok: boolean;
}

export interface RecountCheck {
  grouping: GroupBy;
  groups: number;
  equal: boolean;
}

export interface ThroughputFigures {
  connections: number;
  seconds: number;
  runs: number;
  hailong: LoadFigures;
  bare: LoadFigures;
  /** The minimal durable + rollup server (bench/minimal-durable-server.ts). */
  minimal: LoadFigures;
  /** hailong ÷ bare, and hailong ÷ minimal durable, in acknowledged answers per second. */
  ratio: number;
  ratioMinimal: number;
  count: CountCheck;
  recount: RecountCheck[];
  /** The minimal server keeps the same promises: each acknowledged answer stored once, rollup = recount. */
  minimalCount: CountCheck;
  minimalRecount: { cells: number; equal: boolean };
}

const RECOUNT_GROUPINGS: GroupBy[] = ['sector', 'unit', 'counter', 'day', 'month'];
const SERVER_BUNDLE = 'dist/bench/throughput-server.js';

/** Both servers run as production runs hailong: a bundle under plain node (see `npm start`). */
export const buildServers = () => bundleForNode('bench/throughput-server.ts', SERVER_BUNDLE);

export interface Child {
  pid: number;
  port: number;
  stop(): Promise<void>;
}

export function startChild(mode: 'hailong' | 'bare' | 'minimal', env: NodeJS.ProcessEnv): Promise<Child> {
  const child: ChildProcess = spawn(process.execPath, [...SERVER_NODE_FLAGS, SERVER_BUNDLE, mode], {
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.once('exit', (code) => reject(new Error(`${mode} server exited (${code}) before listening`)));
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const ready = /READY (\d+)/.exec(out);
      if (!ready) return;
      child.stdout!.removeAllListeners('data');
      child.stdout!.resume();
      child.removeAllListeners('exit');
      resolve({
        pid: child.pid!,
        port: Number(ready[1]),
        stop: () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null) return done();
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    });
  });
}

export interface TargetCounter {
  code: string;
  id: number;
  sectors: string[];
  definition: SurveyDefinition;
}

/** Each demo counter's id (read from a form token it issues), sectors and questions, as a phone sees them. */
export async function targetCounters(port: number): Promise<TargetCounter[]> {
  const targets: TargetCounter[] = [];
  for (const { code } of DEMO_COUNTERS) {
    const res = await fetch(`http://127.0.0.1:${port}/q/${code}`, { headers: { accept: 'application/json' } });
    if (res.status !== 200) throw new Error(`GET /q/${code}: ${res.status}`);
    const body = (await res.json()) as { counter: { sectors: string[] }; survey: SurveyDefinition; token: string };
    const payload = JSON.parse(Buffer.from(body.token.split('.')[0]!, 'base64url').toString('utf8')) as { c: number };
    targets.push({ code, id: payload.c, sectors: body.counter.sectors, definition: body.survey });
  }
  return targets;
}

/**
 * One submission as a phone sends it: its own client key, fresh token, device and sender address.
 * Answers as counters near the 90 % target see them (`benchAnswers`): mostly 4 and 5, one in
 * fifteen a 1 or 2, each of which opens a complaint case in the same commit.
 */
export function submissionRequest(secret: string, target: TargetCounter, clientKey: string, n: number) {
  return {
    path: `/q/${target.code}`,
    headers: {
      'content-type': 'application/json',
      accept: 'application/json',
      'x-forwarded-for': `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`,
    },
    body: JSON.stringify({
      clientKey,
      token: issueFormToken(secret, target.id),
      answers: benchAnswers(target.definition, Math.random),
      sector: target.sectors[n % target.sectors.length],
      deviceKey: `dev-${clientKey}`,
    }),
  };
}

/**
 * A load of distinct submissions: each request has its own client key, a fresh signed token,
 * its own device key and a sender address of its own (X-Forwarded-For), so burst detection sees
 * many people, as at 64 real counters. Every answer's status is recorded by client key.
 */
export function submissionLoad(
  port: number,
  secret: string,
  targets: TargetCounter[],
  tag: string,
  seconds: number,
  statuses: Map<string, number>,
  sent: Set<string>,
  /** Default: 64 connections, each sending its next answer as soon as the last is answered. */
  pace: { connections: number; overallRate?: number } = { connections: 64 },
) {
  // Numbered on from earlier loads with the same tag: a key reused would be a replay (200), not a new answer.
  let seq = sent.size;
  return autocannon({
    url: `http://127.0.0.1:${port}`,
    connections: pace.connections,
    ...(pace.overallRate ? { overallRate: pace.overallRate } : {}),
    duration: seconds,
    requests: [
      {
        method: 'POST',
        setupRequest: (request, context) => {
          const n = ++seq;
          const target = targets[n % targets.length]!;
          const clientKey = `${tag}-${n}`;
          (context as { key?: string }).key = clientKey;
          sent.add(clientKey);
          return { ...request, method: 'POST', ...submissionRequest(secret, target, clientKey, n) };
        },
        onResponse: (status, _body, context) => {
          const key = (context as { key?: string }).key;
          if (key) statuses.set(key, status);
        },
      },
    ],
  });
}

// Lets answers still in flight when a load stops finish before the next load is measured.
export const settle = () => new Promise((resolve) => setTimeout(resolve, 1000));

export function loadFigures(
  result: autocannon.Result,
  cpu: { serverUs: number; postgresUs: number | null } = { serverUs: 0, postgresUs: null },
): LoadFigures {
  const answers = Math.max(1, result['2xx']);
  return {
    serverCpuUsPerAnswer: cpu.serverUs / answers,
    postgresCpuUsPerAnswer: cpu.postgresUs === null ? null : cpu.postgresUs / answers,
    requestsPerSecond: result['2xx'] / result.duration,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    ok: result['2xx'],
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  };
}

const median = (values: number[]) => {
  const s = [...values].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

export function medianFigures(runs: LoadFigures[]): LoadFigures {
  const pick = (f: (r: LoadFigures) => number) => median(runs.map(f));
  const sum = (f: (r: LoadFigures) => number) => runs.reduce((a, r) => a + f(r), 0);
  return {
    requestsPerSecond: pick((r) => r.requestsPerSecond),
    p50Ms: pick((r) => r.p50Ms),
    p99Ms: pick((r) => r.p99Ms),
    ok: sum((r) => r.ok),
    non2xx: sum((r) => r.non2xx),
    errors: sum((r) => r.errors),
    timeouts: sum((r) => r.timeouts),
    serverCpuUsPerAnswer: pick((r) => r.serverCpuUsPerAnswer),
    postgresCpuUsPerAnswer: runs.some((r) => r.postgresCpuUsPerAnswer === null) ? null : pick((r) => r.postgresCpuUsPerAnswer!),
  };
}

// Each server's connections say whose they are, so PostgreSQL's CPU is counted per server.
const APP_NAMES = { hailong: 'bench-tp-hailong', minimal: 'bench-tp-minimal', bare: 'bench-tp-bare' } as const;

/** Runs one load against a child and measures its CPU and that of the PostgreSQL backends serving it. */
async function measuredLoad(
  child: Child,
  appName: string,
  pgClient: pg.Client | undefined,
  load: () => Promise<autocannon.Result>,
): Promise<LoadFigures> {
  const backends = async () =>
    pgClient
      ? (await pgClient.query<{ pid: number }>('select pid from pg_stat_activity where application_name = $1', [appName])).rows.map(
          (r) => r.pid,
        )
      : [];
  const postgres = cpuMeter(backends);
  await postgres.start();
  const serverBefore = processCpuMicros(child.pid) ?? 0;
  const result = await load();
  const serverUs = (processCpuMicros(child.pid) ?? serverBefore) - serverBefore;
  const postgresUs = await postgres.stop();
  return loadFigures(result, { serverUs, postgresUs: pgClient ? postgresUs : null });
}

/**
 * Submission throughput of the real server against two baselines on the same machine: a bare Hono
 * handler (no database) and a minimal durable server (group commit, one insert and one rollup
 * upsert per batch, bench/minimal-durable-server.ts), each in a child process, loaded in turn run
 * by run so all see the same machine noise. Afterwards every acknowledged answer must be stored
 * exactly once, and the rollups must equal a recount of the raw rows, for hailong and the minimal
 * server alike.
 */
export async function measureThroughput(opts: {
  databaseUrl?: string | undefined;
  seconds: number;
  runs: number;
  warmupSeconds: number;
}): Promise<ThroughputFigures> {
  const secret = randomBytes(32).toString('base64url');
  const schema = opts.databaseUrl ? `bench_tp_${randomBytes(4).toString('hex')}` : undefined;
  const minimalSchema = schema ? `${schema}_min` : undefined;
  const dataDir = opts.databaseUrl ? undefined : mkdtempSync(join(tmpdir(), 'hailong-bench-'));
  const minimalDataDir = opts.databaseUrl ? undefined : mkdtempSync(join(tmpdir(), 'hailong-bench-min-'));
  const baseEnv = { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: 'production' };
  const hailongEnv = {
    ...baseEnv,
    ...(opts.databaseUrl ? { DATABASE_URL: opts.databaseUrl, BENCH_SCHEMA: schema } : { BENCH_DATA_DIR: dataDir }),
    PGAPPNAME: APP_NAMES.hailong,
    HAILONG_SECRET: secret,
    HAILONG_DEMO: '1',
    HAILONG_TRUST_PROXY: '1',
    HAILONG_ADMIN_PASSWORD: 'bench-password-0',
  };
  const minimalEnv = {
    ...baseEnv,
    ...(opts.databaseUrl ? { DATABASE_URL: opts.databaseUrl, BENCH_SCHEMA: minimalSchema } : { BENCH_DATA_DIR: minimalDataDir }),
    PGAPPNAME: APP_NAMES.minimal,
  };
  await buildServers();
  const [server, bareServer, minimalServer] = await Promise.all([
    startChild('hailong', hailongEnv),
    startChild('bare', { ...baseEnv, PGAPPNAME: APP_NAMES.bare }),
    startChild('minimal', minimalEnv),
  ]);
  // The parent's own connection, to find the backends of each server (its own is not counted).
  const pgClient = opts.databaseUrl ? new pg.Client({ connectionString: opts.databaseUrl, application_name: 'bench-tp-meter' }) : undefined;
  const tag = `tp${randomBytes(3).toString('hex')}`;
  const minimalTag = `${tag}m`;
  const statuses = new Map<string, number>();
  const sent = new Set<string>();
  const minimalStatuses = new Map<string, number>();
  const minimalSent = new Set<string>();
  const startedAt = new Date();
  const hailongRuns: LoadFigures[] = [];
  const bareRuns: LoadFigures[] = [];
  const minimalRuns: LoadFigures[] = [];
  try {
    await pgClient?.connect();
    const targets = await targetCounters(server.port);
    const load = (port: number, t: string, s: Map<string, number>, keys: Set<string>, seconds = opts.seconds) =>
      submissionLoad(port, secret, targets, t, seconds, s, keys);
    // Warm-up (JIT, connection pools, first pages of the indexes): measured, then dropped.
    await load(bareServer.port, `${tag}w`, new Map(), new Set(), opts.warmupSeconds);
    await load(minimalServer.port, minimalTag, minimalStatuses, minimalSent, opts.warmupSeconds);
    await load(server.port, tag, statuses, sent, opts.warmupSeconds);
    await settle();
    for (let run = 0; run < opts.runs; run++) {
      bareRuns.push(await measuredLoad(bareServer, APP_NAMES.bare, pgClient, () => load(bareServer.port, `${tag}b`, new Map(), new Set())));
      minimalRuns.push(
        await measuredLoad(minimalServer, APP_NAMES.minimal, pgClient, () =>
          load(minimalServer.port, minimalTag, minimalStatuses, minimalSent),
        ),
      );
      await settle();
      hailongRuns.push(await measuredLoad(server, APP_NAMES.hailong, pgClient, () => load(server.port, tag, statuses, sent)));
      await settle();
    }
  } finally {
    await pgClient?.end();
    await Promise.all([server.stop(), bareServer.stop(), minimalServer.stop()]);
  }
  const endedAt = new Date();

  const minimalHandle = await createDb({ databaseUrl: opts.databaseUrl, dataDir: minimalDataDir, schema: minimalSchema });
  let minimal: Awaited<ReturnType<typeof minimalChecks>>;
  try {
    minimal = await minimalChecks(minimalHandle.dbWrite, minimalTag);
  } finally {
    if (minimalSchema) await sql`drop schema ${sql.id(minimalSchema)} cascade`.execute(minimalHandle.dbWrite);
    await minimalHandle.close();
    if (minimalDataDir) rmSync(minimalDataDir, { recursive: true, force: true });
  }

  const handle = await createDb({ databaseUrl: opts.databaseUrl, dataDir, schema });
  try {
    const { tenantId, count } = await storedCountCheck(handle, tag, sent, statuses);
    const filter: StatsFilter = { tenantId, from: localDay(startedAt), to: localDay(endedAt) };
    const recount: RecountCheck[] = [];
    for (const grouping of RECOUNT_GROUPINGS) {
      const [fromRollups, fromRows] = await Promise.all([
        satisfiedCountsFromRollups(handle.dbRead, filter, grouping),
        satisfiedCountsFromResponses(handle.dbRead, filter, grouping),
      ]);
      recount.push({ grouping, groups: fromRows.length, equal: JSON.stringify(fromRollups) === JSON.stringify(fromRows) });
    }
    const hailong = medianFigures(hailongRuns);
    const bare = medianFigures(bareRuns);
    const minimalFigures = medianFigures(minimalRuns);
    return {
      connections: 64,
      seconds: opts.seconds,
      runs: opts.runs,
      hailong,
      bare,
      minimal: minimalFigures,
      ratio: hailong.requestsPerSecond / bare.requestsPerSecond,
      ratioMinimal: hailong.requestsPerSecond / minimalFigures.requestsPerSecond,
      count,
      recount,
      minimalCount: countCheck(minimalSent, minimalStatuses, minimal.stored),
      minimalRecount: { cells: minimal.cells, equal: minimal.rollupEqualsRecount },
    };
  } finally {
    if (schema) await sql`drop schema ${sql.id(schema)} cascade`.execute(handle.dbWrite);
    await handle.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
}

/** How many times each answer of this run (client keys `tag-…`) was stored, against what was acknowledged. */
export async function storedCountCheck(
  handle: DbHandle,
  tag: string,
  sent: Set<string>,
  statuses: Map<string, number>,
): Promise<{ tenantId: number; count: CountCheck }> {
  const tenant = await handle.dbRead.selectFrom('tenants').select('id').orderBy('id').executeTakeFirstOrThrow();
  const rows = await sql<{ client_key: string; n: number }>`
    select client_key, count(*)::int as n from responses
    where tenant_id = ${tenant.id} and client_key like ${`${tag}-%`}
    group by client_key`.execute(handle.dbRead);
  return { tenantId: tenant.id, count: countCheck(sent, statuses, rows.rows) };
}

export function countCheck(sent: Set<string>, statuses: Map<string, number>, stored: { client_key: string; n: number }[]): CountCheck {
  const storedKeys = new Map(stored.map((r) => [r.client_key, r.n]));
  const statusCounts: Record<string, number> = {};
  let acknowledged = 0;
  let lost = 0;
  let storedDespiteError = 0;
  for (const [key, status] of statuses) {
    statusCounts[status] = (statusCounts[status] ?? 0) + 1;
    const ok = status === 201 || status === 200;
    if (ok) acknowledged++;
    if (ok && !storedKeys.has(key)) lost++;
    if (!ok && storedKeys.has(key)) storedDespiteError++;
  }
  let inFlightAtStop = 0;
  for (const key of storedKeys.keys()) if (!statuses.has(key)) inFlightAtStop++;
  const duplicates = stored.reduce((a, r) => a + r.n - 1, 0);
  return {
    sent: sent.size,
    acknowledged,
    stored: stored.length,
    duplicates,
    lost,
    storedDespiteError,
    inFlightAtStop,
    statusCounts,
    ok: duplicates === 0 && lost === 0 && storedDespiteError === 0 && acknowledged > 0,
  };
}
