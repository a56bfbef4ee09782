import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { sql } from 'kysely';
import { createDb, type DbHandle } from '../db/create-db';
import { satisfiedCountsFromResponses, satisfiedCountsFromRollups, type GroupBy, type StatsFilter } from '../db/stats';
import { DEMO_COUNTERS } from '../server/bootstrap/demo-tenant';
import { issueFormToken } from '../server/citizen/form-token';
import { allQuestionsOf, type Answers, type SurveyDefinition } from '../surveys/instrument-schema';
import { localDay } from '../surveys/time';
import { bundleForNode, SERVER_NODE_FLAGS } from './export-measure';

export interface LoadFigures {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** Acknowledged (2xx) answers per run, and every other outcome. */
  ok: number;
  non2xx: number;
  errors: number;
  timeouts: number;
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
  ratio: number;
  count: CountCheck;
  recount: RecountCheck[];
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

export function startChild(mode: 'hailong' | 'bare', env: NodeJS.ProcessEnv): Promise<Child> {
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

// Answers as counters see them when near the 90 % target: mostly 4 and 5, one in fifteen a 1 or 2
// (each of which opens a complaint case in the same commit).
const SCALE_SHARES: [number, number][] = [
  [5, 0.45],
  [4, 0.4],
  [3, 0.08],
  [2, 0.045],
  [1, 0.025],
];

function scaleAnswer(): number {
  let roll = Math.random();
  for (const [value, share] of SCALE_SHARES) if ((roll -= share) < 0) return value;
  return 5;
}

function randomAnswers(def: SurveyDefinition): Answers {
  const answers: Answers = {};
  for (const q of allQuestionsOf(def)) {
    if (q.type === 'scale5') answers[q.key] = scaleAnswer();
    else if (q.type === 'choice' && q.required && q.options?.[0]) answers[q.key] = q.options[0].code;
    else if (q.type === 'percent' && q.required) answers[q.key] = Math.floor(Math.random() * 101);
  }
  return answers;
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
          return {
            ...request,
            method: 'POST',
            path: `/q/${target.code}`,
            headers: {
              'content-type': 'application/json',
              accept: 'application/json',
              'x-forwarded-for': `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`,
            },
            body: JSON.stringify({
              clientKey,
              token: issueFormToken(secret, target.id),
              answers: randomAnswers(target.definition),
              sector: target.sectors[n % target.sectors.length],
              deviceKey: `dev-${clientKey}`,
            }),
          };
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

export function loadFigures(result: autocannon.Result): LoadFigures {
  return {
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
  };
}

/**
 * Submission throughput of the real server against a bare Hono handler on the same machine,
 * each in a child process, loaded alternately run by run so both see the same machine noise.
 * Afterwards every acknowledged answer must be stored exactly once, and the rollups must equal
 * a recount of the raw rows.
 */
export async function measureThroughput(opts: {
  databaseUrl?: string | undefined;
  seconds: number;
  runs: number;
  warmupSeconds: number;
}): Promise<ThroughputFigures> {
  const secret = randomBytes(32).toString('base64url');
  const schema = opts.databaseUrl ? `bench_tp_${randomBytes(4).toString('hex')}` : undefined;
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
  const tag = `tp${randomBytes(3).toString('hex')}`;
  const statuses = new Map<string, number>();
  const sent = new Set<string>();
  const startedAt = new Date();
  const hailongRuns: LoadFigures[] = [];
  const bareRuns: LoadFigures[] = [];
  try {
    const targets = await targetCounters(server.port);
    // Warm-up (JIT, connection pools, first pages of the indexes): measured, then dropped.
    await submissionLoad(bareServer.port, secret, targets, `${tag}w`, opts.warmupSeconds, new Map(), new Set());
    await submissionLoad(server.port, secret, targets, tag, opts.warmupSeconds, statuses, sent);
    await settle();
    for (let run = 0; run < opts.runs; run++) {
      bareRuns.push(loadFigures(await submissionLoad(bareServer.port, secret, targets, `${tag}b`, opts.seconds, new Map(), new Set())));
      hailongRuns.push(loadFigures(await submissionLoad(server.port, secret, targets, tag, opts.seconds, statuses, sent)));
      await settle();
    }
  } finally {
    await Promise.all([server.stop(), bareServer.stop()]);
  }
  const endedAt = new Date();

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
    return {
      connections: 64,
      seconds: opts.seconds,
      runs: opts.runs,
      hailong,
      bare,
      ratio: hailong.requestsPerSecond / bare.requestsPerSecond,
      count,
      recount,
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
