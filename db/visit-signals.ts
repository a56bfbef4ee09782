import DataLoader from 'dataloader';
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from './types';

export interface SourceActivity {
  /** Answers at this counter from the same address since `since`. */
  fromOrigin: number;
  /** Answers at this counter from the same browser since `since`. */
  fromDevice: number;
  /** The latest answer from either, if any. */
  lastAt: Date | null;
}

export interface ActivityQuery {
  counterId: number;
  originHash: string | null;
  deviceHash: string | null;
  since: Date;
}

/** How busy one sender has been at one counter lately: the raw material of burst flags. */
export async function recentActivity(db: Kysely<Database>, query: ActivityQuery): Promise<SourceActivity> {
  return (await recentActivities(db, [query]))[0]!;
}

/**
 * Answers the burst checks of submissions arriving together with one query: while one query is
 * out, the checks that come in wait and go together in the next, so at a peak 64 phones cost a
 * few round trips instead of 64 (and an idle server adds no wait). Nothing is cached.
 */
export function createActivityLoader(db: Kysely<Database>): (query: ActivityQuery) => Promise<SourceActivity> {
  let previous: Promise<unknown> = Promise.resolve();
  const loader = new DataLoader<ActivityQuery, SourceActivity>(
    (queries) => {
      const answered = recentActivities(db, queries);
      previous = answered.catch(() => undefined);
      return answered;
    },
    { cache: false, maxBatchSize: 256, batchScheduleFn: (dispatch) => void previous.then(() => setImmediate(dispatch)) },
  );
  return (query) => loader.load(query);
}

/**
 * The recent answers of one sender at one counter, as a lateral subquery over a row `q` with
 * counter_id, origin_hash, device_hash and since: the count burst flags and the kiosk pause read.
 * Address and browser are counted apart, each on its own index (counter, hash, instant): asked
 * with an OR, a plan made while a month's partition was still empty scanned every answer of the
 * window instead, and stayed until the partition was analysed (measured: 43 answers took 46 ms).
 * `span` bounds the rows' instants with values the planner sees, so only the month partitions it
 * reaches are searched: `from`, the earliest `since` of the rows, and, when the caller knows it,
 * `to`, the latest instant any of them can count (without it, every later month and the default
 * partition are searched too).
 */
export function senderActivity(q: RawBuilder<unknown>, span: { from: Date; to?: Date }) {
  const recent = (column: 'origin_hash' | 'device_hash') => sql`(
      select count(*)::int as n, max(r.submitted_at) as last_at
      from responses r
      where r.counter_id = ${q}.counter_id
        and r.${sql.raw(column)} = ${q}.${sql.raw(column)}
        and r.submitted_at >= ${q}.since
        and r.submitted_at >= ${span.from.toISOString()}::timestamptz
        ${span.to ? sql`and r.submitted_at <= ${span.to.toISOString()}::timestamptz` : sql``}
    )`;
  return sql`(
      select o.n as from_origin, d.n as from_device, greatest(o.last_at, d.last_at) as last_at
      from ${recent('origin_hash')} o, ${recent('device_hash')} d
    )`;
}

/** recentActivity for many senders at once, in the queries' order. */
export async function recentActivities(db: Kysely<Database>, queries: readonly ActivityQuery[]): Promise<SourceActivity[]> {
  if (queries.length === 0) return [];
  const result = await sql<{ i: number; from_origin: number; from_device: number; last_at: Date | null }>`
    select q.i::int as i, a.from_origin, a.from_device, a.last_at
    from unnest(${queries.map((q) => q.counterId)}::int[], ${queries.map((q) => q.originHash)}::text[],
                ${queries.map((q) => q.deviceHash)}::text[], ${queries.map((q) => q.since.toISOString())}::timestamptz[])
         with ordinality as q(counter_id, origin_hash, device_hash, since, i)
    cross join lateral ${senderActivity(sql`q`, { from: earliest(queries.map((q) => q.since)) })} a
    order by q.i`.execute(db);
  return result.rows.map((row) => ({
    fromOrigin: row.from_origin,
    fromDevice: row.from_device,
    lastAt: row.last_at ? new Date(row.last_at) : null,
  }));
}

/** The earliest of these instants, the `from` of senderActivity; now when there are none (nothing to look back to). */
export const earliest = (instants: readonly Date[]) => new Date(Math.min(Date.now(), ...instants.map((d) => d.getTime())));

/**
 * The `to` of senderActivity for answers arriving at these instants: no stored answer is later
 * than the latest of them (or now), give or take the clock difference between two servers,
 * allowed generously here (an hour) since it only widens the search.
 */
const CLOCK_SKEW_MS = 60 * 60_000;
export const latest = (instants: readonly Date[]) => new Date(Math.max(Date.now(), ...instants.map((d) => d.getTime())) + CLOCK_SKEW_MS);
