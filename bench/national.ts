import { sql } from 'kysely';
import { buildResponse } from '../db/build-response';
import { createDb, type DbHandle } from '../db/create-db';
import { migrateToLatest } from '../db/migrate';
import { storeResponses, type NewResponse } from '../db/responses';
import { satisfiedCountsFromResponses, satisfiedCountsFromRollups, type GroupBy, type StatsFilter } from '../db/stats';
import { findTenantByCode } from '../db/tenants';
import type { SurveyDefinition } from '../surveys/instrument-schema';
import { createTenantWithAdmin } from '../server/bootstrap/create-tenant';
import { createApp } from '../server/app';
import { appConfigFromEnv } from '../server/config/app-config';
import { parseEnv } from '../server/config/env';
import { benchAnswers, seededRandom } from './bench-answers';
import { latestMigration } from './dashboard';
import { percentile, timeRequests } from './measure';
import { NATIONAL_YEARS, seededTotals, seedNationalRollups, seedNationalTree, type NationalSize, type SeedTotals } from './national-seed';
import type { RecountCheck } from './throughput';

export const NATIONAL_GROUPINGS: GroupBy[] = ['sector', 'unit', 'month'];
/** Bumped whenever the seed changes what it writes: a kept data set of an older seed is made again. */
const SEED_VERSION = 1;
const TENANT_CODE = 'national';
const PASSWORD = 'bench-password-0';
const BATCH = 1000;

/**
 * What is measured: a calendar year (monthly rollups only) and a rolling quarter cut mid-month
 * (two whole months from the monthly rollups, a month's worth of days from the daily ones), on
 * the seeded national span; the same shapes on the raw set, which lives in 2026, its baseline.
 */
const PERIODS = {
  year: { national: ['2025-01-01', '2025-12-31'], raw: ['2026-01-01', '2026-12-31'] },
  quarter: { national: ['2025-09-16', '2025-12-15'], raw: ['2026-06-16', '2026-09-15'] },
} as const;
type Period = keyof typeof PERIODS;
/** The raw set's answers fall on the 92 days of its quarter, 7:00–17:00 Vietnam time. */
const RAW_FIRST_INSTANT = Date.parse('2026-06-16T07:00:00+07:00');
const RAW_DAYS = 92;

export interface NationalQueryFigures {
  period: Period;
  groupBy: GroupBy;
  /** Rows of the national answer, and of the raw set's. */
  groups: number;
  p50Ms: number;
  p95Ms: number;
  baselineGroups: number;
  baselineP95Ms: number;
}

export interface NationalFigures {
  size: NationalSize;
  reused: boolean;
  seededAt: string;
  seedSeconds: number;
  rawSeconds: number;
  totals: SeedTotals;
  /** Each seeded year holds answersPerYear answers and the daily rows add up to their months. */
  totalsOk: boolean;
  rawStored: number;
  rawFlagged: number;
  queries: NationalQueryFigures[];
  recount: RecountCheck[];
  /** Median time of recounting the raw set (by sector) from its responses. */
  recountMs: number;
}

export interface NationalOptions {
  databaseUrl: string;
  size: NationalSize;
  /** Keep the data set for the next run (the full one takes minutes to seed). */
  keep: boolean;
  reseed: boolean;
  requestRuns: number;
  log: (line: string) => void;
}

// Named for its size, so a kept data set is found again and never mistaken for another size.
const schemaFor = (size: NationalSize) => `bench_national_${size.counters}_${size.answersPerYear}`;

interface Marker {
  seed_version: number;
  migration: string;
  raw_answers: number;
  seed_seconds: number;
  raw_seconds: number;
  seeded_at: Date;
}

/** A kept set is whole when its marker (written last) says so for this seed, size and schema version. */
async function keptMarker(handle: DbHandle, size: NationalSize): Promise<Marker | undefined> {
  const found = await sql<{ found: boolean }>`select to_regclass('bench_national_dataset') is not null as found`.execute(handle.dbRead);
  if (!found.rows[0]?.found) return undefined;
  const row = (await sql<Marker>`select * from bench_national_dataset`.execute(handle.dbRead)).rows[0];
  const whole = row?.seed_version === SEED_VERSION && row.migration === latestMigration() && row.raw_answers === size.rawAnswers;
  return whole ? row : undefined;
}

/**
 * The national profile (issue 21): one tenant for the whole country (34 provinces, their service
 * centres and communes, 10,000 counters) with three years of rollups at 50 M answers a year,
 * seeded straight into the rollup tables, and a raw set stored through the writer beside them.
 * Measures GET /api/stats by sector, unit and month for a year and a rolling quarter, against
 * the same requests over the raw set; checks the seeded totals and rollups = recount on the raw set.
 */
export async function measureNational(opts: NationalOptions): Promise<NationalFigures> {
  const schema = schemaFor(opts.size);
  let handle = await createDb({ databaseUrl: opts.databaseUrl, schema });
  let marker = opts.reseed || !opts.keep ? undefined : await keptMarker(handle, opts.size);
  const reused = marker !== undefined;
  try {
    if (!marker) {
      await sql`drop schema ${sql.id(schema)} cascade`.execute(handle.dbWrite);
      await handle.close();
      handle = await createDb({ databaseUrl: opts.databaseUrl, schema });
      marker = await seed(handle, opts);
    }
    await migrateToLatest(handle.dbWrite, schema);
    const tenant = await findTenantByCode(handle.dbRead, TENANT_CODE);
    if (!tenant) throw new Error('national bench: the national tenant is missing');
    const totals = await seededTotals(handle.dbRead, tenant.id);
    const totalsOk =
      totals.years.length === NATIONAL_YEARS.length &&
      totals.years.every((y, i) => y.year === NATIONAL_YEARS[i] && y.answers === opts.size.answersPerYear) &&
      totals.dailyMismatches.length === 0;

    const env = parseEnv({ HAILONG_DEMO: '0', HAILONG_ADMIN_PASSWORD: PASSWORD });
    const app = createApp({ db: handle, config: appConfigFromEnv(env, 'bench-national-secret-0000000000000000000') });
    const login = await app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: `admin-${TENANT_CODE}`, password: PASSWORD }),
    });
    if (login.status !== 200) throw new Error(`national bench: login failed (${login.status})`);
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
    const rowsOf = async (url: string) => {
      const res = await app.request(url, { headers: { cookie } });
      if (res.status !== 200) throw new Error(`GET ${url}: ${res.status} ${await res.text()}`);
      return ((await res.json()) as { rows: unknown[] }).rows.length;
    };
    const queries: NationalQueryFigures[] = [];
    for (const period of Object.keys(PERIODS) as Period[]) {
      for (const groupBy of NATIONAL_GROUPINGS) {
        const url = ([from, to]: readonly [string, string]) => `/api/stats?from=${from}&to=${to}&groupBy=${groupBy}`;
        const national = url(PERIODS[period].national);
        const raw = url(PERIODS[period].raw);
        opts.log(`national: ${national}`);
        const groups = await rowsOf(national);
        const baselineGroups = await rowsOf(raw);
        const times = await timeRequests(() => app.request(national, { headers: { cookie } }), opts.requestRuns);
        const baseline = await timeRequests(() => app.request(raw, { headers: { cookie } }), opts.requestRuns);
        queries.push({
          period,
          groupBy,
          groups,
          p50Ms: percentile(times, 50),
          p95Ms: percentile(times, 95),
          baselineGroups,
          baselineP95Ms: percentile(baseline, 95),
        });
      }
    }

    const filter: StatsFilter = { tenantId: tenant.id, from: PERIODS.year.raw[0], to: PERIODS.year.raw[1] };
    const recount: RecountCheck[] = [];
    const recountTimes: number[] = [];
    for (const grouping of ['sector', 'unit', 'counter', 'day', 'month'] as const) {
      const start = performance.now();
      const fromRows = await satisfiedCountsFromResponses(handle.dbRead, filter, grouping);
      if (grouping === 'sector') recountTimes.push(performance.now() - start);
      const fromRollups = await satisfiedCountsFromRollups(handle.dbRead, filter, grouping);
      recount.push({
        grouping,
        groups: fromRows.length,
        equal: fromRows.length > 0 && JSON.stringify(fromRows) === JSON.stringify(fromRollups),
      });
    }
    for (let i = 0; i < 2; i++) {
      const start = performance.now();
      await satisfiedCountsFromResponses(handle.dbRead, filter, 'sector');
      recountTimes.push(performance.now() - start);
    }
    const raw = await sql<{ stored: number; flagged: number }>`
      select count(*)::int as stored, (count(*) filter (where cardinality(flags) > 0))::int as flagged
      from responses where tenant_id = ${tenant.id}`.execute(handle.dbRead);
    return {
      size: opts.size,
      reused,
      seededAt: new Date(marker.seeded_at).toISOString(),
      seedSeconds: marker.seed_seconds,
      rawSeconds: marker.raw_seconds,
      totals,
      totalsOk,
      rawStored: raw.rows[0]!.stored,
      rawFlagged: raw.rows[0]!.flagged,
      queries,
      recount,
      recountMs: percentile(recountTimes, 50),
    };
  } finally {
    if (!opts.keep) await sql`drop schema ${sql.id(schema)} cascade`.execute(handle.dbWrite);
    await handle.close();
  }
}

/** The whole data set, in a fresh schema; the marker goes in last, so a set cut short is made again. */
async function seed(handle: DbHandle, opts: NationalOptions): Promise<Marker> {
  const { size, log } = opts;
  await migrateToLatest(handle.dbWrite, schemaFor(size));
  const created = await createTenantWithAdmin(handle.dbWrite, {
    code: TENANT_CODE,
    name: 'Toàn quốc (bench)',
    kind: 'ministry',
    adminPassword: PASSWORD,
    planYear: NATIONAL_YEARS.at(-1)!,
  });
  const tenantId = created.tenant.id;
  log(
    `national: seeding ${size.provinces * size.unitsPerProvince} units, ${size.counters.toLocaleString('en')} counters, rollups of ${(NATIONAL_YEARS.length * size.answersPerYear).toLocaleString('en')} answers…`,
  );
  let start = performance.now();
  await seedNationalTree(handle.dbWrite, tenantId, size);
  await seedNationalRollups(handle.dbWrite, tenantId, size);
  await sql`analyze`.execute(handle.dbWrite);
  const seedSeconds = (performance.now() - start) / 1000;
  log(`national: rollups seeded in ${seedSeconds.toFixed(0)} s`);
  start = performance.now();
  await storeRawSet(handle, tenantId, size.rawAnswers, log);
  await sql`analyze`.execute(handle.dbWrite);
  const rawSeconds = (performance.now() - start) / 1000;
  log(`national: ${size.rawAnswers.toLocaleString('en')} raw answers stored in ${rawSeconds.toFixed(0)} s`);
  const marker: Marker = {
    seed_version: SEED_VERSION,
    migration: latestMigration(),
    raw_answers: size.rawAnswers,
    seed_seconds: seedSeconds,
    raw_seconds: rawSeconds,
    seeded_at: new Date(),
  };
  await sql`
    create table bench_national_dataset as
    select ${marker.seed_version}::int as seed_version, ${marker.migration}::text as migration, ${marker.raw_answers}::int as raw_answers,
           ${marker.seed_seconds}::float8 as seed_seconds, ${marker.raw_seconds}::float8 as raw_seconds,
           ${marker.seeded_at}::timestamptz as seeded_at`.execute(handle.dbWrite);
  return marker;
}

/**
 * The raw set: real answers to each counter's own survey version, built by buildResponse and
 * stored by storeResponses (the one writer, which bumps the rollups in the same transaction),
 * a thousand per call as an import sends them; one in a thousand flagged, so the exclusion is
 * checked too. Reproducible: the same seed gives the same answers.
 */
async function storeRawSet(handle: DbHandle, tenantId: number, count: number, log: (line: string) => void) {
  const counters = (
    await sql<{ id: number; unit_id: number; sector_code: string; version_id: number; definition: SurveyDefinition }>`
      select c.id, c.unit_id, cs.sector_code, v.id as version_id, v.definition
      from counters c
      join counter_sectors cs on cs.counter_id = c.id
      cross join lateral (select id, definition from survey_versions where survey_id = c.survey_id order by version desc limit 1) v
      where c.tenant_id = ${tenantId} and c.code like 'nat-%'
      order by c.id`.execute(handle.dbRead)
  ).rows;
  const random = seededRandom(21);
  for (let from = 0; from < count; from += BATCH) {
    const batch: NewResponse[] = [];
    for (let i = from; i < Math.min(count, from + BATCH); i++) {
      const c = counters[(i * 7919) % counters.length]!;
      const at = RAW_FIRST_INSTANT + (i % RAW_DAYS) * 86_400_000 + Math.floor(random() * 36_000) * 1000;
      batch.push(
        buildResponse(
          { tenantId, surveyVersion: { id: c.version_id, definition: c.definition }, counterId: c.id, waveId: null, unitId: c.unit_id },
          { answers: benchAnswers(c.definition, random), sector: c.sector_code },
          {
            channel: i % 5 === 0 ? 'kiosk' : 'qr',
            submittedAt: new Date(at),
            clientKey: `nat-raw-${i}`,
            flags: i % 1000 === 999 ? ['burst'] : [],
          },
        ),
      );
    }
    await storeResponses(handle.dbWrite, batch);
    if ((from / BATCH) % 50 === 49) log(`  ${(from + BATCH).toLocaleString('en')} / ${count.toLocaleString('en')} raw answers`);
  }
}
