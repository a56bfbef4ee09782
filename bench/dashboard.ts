import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { createDb, type DbHandle } from '../db/create-db';
import { migrateToLatest } from '../db/migrate';
import { rebuildRollups } from '../db/rollup-rebuild';
import type { Database } from '../db/types';
import { satisfiedCountsFromResponses, satisfiedCountsFromRollups, type GroupBy, type StatsFilter } from '../db/stats';
import { createApp } from '../server/app';
import { appConfigFromEnv } from '../server/config/app-config';
import { firstStart } from '../server/bootstrap/first-start';
import { parseEnv } from '../server/config/env';
import { seedDashboard } from './dashboard-seed';
import { ensureReorganisations } from './dashboard-reorganisation';
import { unitLineageOn } from '../db/unit-lineage';
import { localDay } from '../surveys/time';
import { writePlans } from './dashboard-plans';
import { percentile, timeRequests } from './measure';

export const DASHBOARD_GROUPINGS: GroupBy[] = ['sector', 'unit', 'month'];
const PASSWORD = 'bench-password-0';
const FROM = '2025-01-01';
const TO = '2025-12-31';

export interface DashboardGroupFigures {
  groupBy: GroupBy;
  groups: number;
  p50Ms: number;
  p95Ms: number;
  /** Median of the plain scan of raw responses for the same figures. */
  scanMs: number;
  /** How many times faster the dashboard's p95 is than the scan's median. */
  speedup: number;
  /** The rollups' figures equal the scan's. */
  equal: boolean;
  /** p95 of the same rollup query read without the reorganisations' links (each answer at its own unit), in the same run. */
  asGivenP95Ms: number;
  /** p95 of the rollup query in today's tree (with the links), read directly like asGivenP95Ms. */
  viewedP95Ms: number;
}

export interface DashboardFigures {
  responses: number;
  reused: boolean;
  seedSeconds: number | null;
  rebuildSeconds: number | null;
  groups: DashboardGroupFigures[];
  plans: string[];
  /** Reorganisations standing in the data: the figures are those of today's tree. */
  reorganisations: number;
  /** Units whose answers the view counts elsewhere (rows of the lineage). */
  lineageRows: number;
}

export interface DashboardOptions {
  databaseUrl?: string | undefined;
  responses: number;
  /** Keep the data set for the next run (full mode: seeding takes minutes). */
  keep: boolean;
  reseed: boolean;
  requestRuns: number;
  scanRuns: number;
  /** Folder for EXPLAIN snapshots (PostgreSQL only), or none. */
  plansDir?: string | undefined;
  log: (line: string) => void;
}

// Named for its size, so a kept data set is found again and never mistaken for another size.
const schemaFor = (responses: number) => `bench_dash_${responses}`;

/** The newest migration in the code: a data set made under an older schema is made again. */
export function latestMigration(): string {
  const names = readdirSync(join(process.cwd(), 'db/migrations')).filter((f) => /^\d{4}-.*\.ts$/.test(f));
  return names.sort().at(-1)?.replace(/\.ts$/, '') ?? '';
}

/**
 * A kept data set is complete when its marker says so for this size and this schema version.
 * Checked before migrating: migrating ten million old rows would take longer than seeding anew.
 */
async function keptDataSet(handle: DbHandle, responses: number): Promise<boolean> {
  const marker = await sql<{ found: boolean }>`select to_regclass('bench_dataset') is not null as found`.execute(handle.dbRead);
  if (!marker.rows[0]?.found) return false;
  const row = await sql<{ responses: number; migration: string }>`select responses, migration from bench_dataset`.execute(handle.dbRead);
  return row.rows[0]?.responses === responses && row.rows[0]?.migration === latestMigration();
}

/**
 * The dashboard at scale: GET /api/stats for a province-year grouped by sector, by unit and by
 * month, through the app with an admin session, against the same figures scanned from the raw
 * responses (satisfiedCountsFromResponses), which is what the dashboard would cost without rollups.
 */
export async function measureDashboard(opts: DashboardOptions): Promise<DashboardFigures> {
  const schema = opts.databaseUrl ? schemaFor(opts.responses) : undefined;
  let handle = await createDb({ databaseUrl: opts.databaseUrl, schema });
  const reused = !opts.reseed && schema !== undefined && (await keptDataSet(handle, opts.responses));
  if (!reused && schema) {
    await sql`drop schema ${sql.id(schema)} cascade`.execute(handle.dbWrite);
    await handle.close();
    handle = await createDb({ databaseUrl: opts.databaseUrl, schema });
  }
  await migrateToLatest(handle.dbWrite, schema);
  const env = parseEnv({ HAILONG_DEMO: '1', HAILONG_ADMIN_PASSWORD: PASSWORD });
  const state = await firstStart(handle.dbWrite, env, () => {});
  let seedSeconds: number | null = null;
  let rebuildSeconds: number | null = null;
  if (!reused) {
    opts.log(`dashboard: seeding ${opts.responses.toLocaleString('en')} responses${schema ? ` in schema ${schema}` : ''}…`);
    let start = performance.now();
    await seedDashboard(handle.dbWrite, state.tenantId, opts.responses, opts.log);
    await sql`analyze`.execute(handle.dbWrite);
    seedSeconds = (performance.now() - start) / 1000;
    opts.log(`dashboard: seeded in ${seedSeconds.toFixed(0)} s`);
    opts.log('dashboard: rebuilding rollups from the raw responses…');
    start = performance.now();
    await rebuildRollups(handle.dbWrite, state.tenantId);
    await sql`analyze`.execute(handle.dbWrite);
    rebuildSeconds = (performance.now() - start) / 1000;
    opts.log(`dashboard: rollups rebuilt in ${rebuildSeconds.toFixed(0)} s`);
    if (opts.keep && schema) {
      await sql`create table bench_dataset as select ${opts.responses}::int as responses, ${latestMigration()}::text as migration`.execute(
        handle.dbWrite,
      );
    }
  }

  const baseline = plainConnection(opts.databaseUrl, schema, handle);
  try {
    const app = createApp({ db: handle, config: appConfigFromEnv(env, state.secret) });
    const login = await app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: PASSWORD }),
    });
    if (login.status !== 200) throw new Error(`dashboard bench: login failed (${login.status})`);
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
    const province = await handle.dbRead
      .selectFrom('units')
      .select(['id', 'path'])
      .where('tenant_id', '=', state.tenantId)
      .where('code', '=', 'BENCH')
      .executeTakeFirstOrThrow();
    const reorganisations = await ensureReorganisations(app, cookie, handle, state.tenantId);
    // The scan is given the same view as the dashboard (view=now, the default): the same links, through raw answers.
    const day = localDay(new Date());
    const lineage = await unitLineageOn(handle.dbRead, state.tenantId, day);
    const filter: StatsFilter = { tenantId: state.tenantId, from: FROM, to: TO, unitPath: province.path, view: { day, lineage } };

    const groups: DashboardGroupFigures[] = [];
    for (const groupBy of DASHBOARD_GROUPINGS) {
      const url = `/api/stats?from=${FROM}&to=${TO}&unit=${province.id}&groupBy=${groupBy}`;
      const check = await app.request(url, { headers: { cookie } });
      if (check.status !== 200) throw new Error(`GET ${url}: ${check.status} ${await check.text()}`);
      const times = await timeRequests(() => app.request(url, { headers: { cookie } }), opts.requestRuns);
      const scans: number[] = [];
      let scanned: Awaited<ReturnType<typeof satisfiedCountsFromResponses>> = [];
      for (let i = 0; i < opts.scanRuns; i++) {
        const start = performance.now();
        scanned = await satisfiedCountsFromResponses(baseline.db, filter, groupBy);
        scans.push(performance.now() - start);
      }
      const fromRollups = await satisfiedCountsFromRollups(handle.dbRead, filter, groupBy);
      // What the links cost: the same read with and without them, alternated so both see the same machine.
      const viewed: number[] = [];
      const asGiven: number[] = [];
      for (let i = 0; i < Math.max(20, opts.requestRuns / 4); i++) {
        for (const [times, f] of [
          [viewed, filter],
          [asGiven, { ...filter, view: undefined }],
        ] as const) {
          const start = performance.now();
          await satisfiedCountsFromRollups(handle.dbRead, f, groupBy);
          times.push(performance.now() - start);
        }
      }
      const p95Ms = percentile(times, 95);
      const scanMs = percentile(scans, 50);
      groups.push({
        groupBy,
        groups: scanned.length,
        p50Ms: percentile(times, 50),
        p95Ms,
        scanMs,
        speedup: scanMs / p95Ms,
        equal: scanned.length > 0 && JSON.stringify(scanned) === JSON.stringify(fromRollups),
        asGivenP95Ms: percentile(asGiven, 95),
        viewedP95Ms: percentile(viewed, 95),
      });
    }
    let plans: string[] = [];
    if (opts.plansDir && handle.kind === 'postgres') {
      const counter = await handle.dbRead.selectFrom('counters').select('id').where('code', '=', 'bench-0').executeTakeFirstOrThrow();
      plans = await writePlans({
        handle,
        dir: opts.plansDir,
        filter,
        statsPath: (groupBy) => `/api/stats?from=${FROM}&to=${TO}&unit=${province.id}&groupBy=${groupBy}`,
        cookie,
        appOver: (db) => createApp({ db, config: appConfigFromEnv(env, state.secret) }),
        counterId: counter.id,
        groupings: DASHBOARD_GROUPINGS,
      });
    }
    return { responses: opts.responses, reused, seedSeconds, rebuildSeconds, groups, plans, reorganisations, lineageRows: lineage.length };
  } finally {
    await baseline.close();
    if (!opts.keep && schema) await sql`drop schema ${sql.id(schema)} cascade`.execute(handle.dbWrite);
    await handle.close();
  }
}

/**
 * The scan baseline runs with the server's own settings (parallel workers, JIT as configured),
 * not hailong's (both off, which suit short queries): the raw scan gets every help PostgreSQL gives.
 */
function plainConnection(databaseUrl: string | undefined, schema: string | undefined, handle: DbHandle) {
  if (!databaseUrl) return { db: handle.dbRead, close: async () => {} };
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 1, ...(schema ? { options: `-c search_path=${schema}` } : {}) });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, close: () => db.destroy() };
}
