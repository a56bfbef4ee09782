import { Hono } from 'hono';
import { sql, type Kysely } from 'kysely';
import { createDb } from '../db/create-db';
import { submissionEnvelope } from '../server/citizen/submit-response';
import { localDay } from '../surveys/time';

// The second baseline of the throughput bench: what a durable, exactly-once submission with a
// rollup costs at the least on this stack. zod validation of the same envelope, group commit (what
// arrives while a transaction commits is written together by the next one), one multi-row
// `INSERT … ON CONFLICT (client_key) DO NOTHING` per batch that also upserts one rollup table from
// the batch's summed deltas, and an acknowledgement only after COMMIT. Its tables live in a schema
// (or PGlite folder) of its own, made here rather than by a migration: they are not hailong's.

// Any kysely handle: the tables below are not part of hailong's Database type.
type AnyDb = Kysely<any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export async function createMinimalTables(db: AnyDb) {
  await sql`create table if not exists min_responses (
    id bigserial primary key,
    client_key text not null unique,
    counter_code text not null,
    sector text not null,
    day date not null,
    satisfied boolean not null,
    answers jsonb not null,
    submitted_at timestamptz not null
  )`.execute(db);
  await sql`create table if not exists min_rollups (
    counter_code text not null,
    sector text not null,
    day date not null,
    responses int not null,
    satisfied int not null,
    primary key (counter_code, sector, day)
  )`.execute(db);
}

interface Row {
  clientKey: string;
  counterCode: string;
  sector: string;
  day: string;
  satisfied: boolean;
  answers: string;
  submittedAt: string;
}

interface Waiting {
  row: Row;
  resolve(stored: { id: number; replay: boolean }): void;
  reject(error: unknown): void;
}

/** One transaction at a time; everything queued meanwhile goes in the next. */
function groupCommitter(db: AnyDb) {
  let queue: Waiting[] = [];
  let busy = false;
  async function commit(batch: Waiting[]) {
    const col = <K extends keyof Row>(k: K) => batch.map((w) => w.row[k]);
    const inserted = await db.transaction().execute((trx) =>
      sql<{ id: number; client_key: string }>`
        with ins as (
          insert into min_responses (client_key, counter_code, sector, day, satisfied, answers, submitted_at)
          select * from unnest(${col('clientKey')}::text[], ${col('counterCode')}::text[], ${col('sector')}::text[],
                               ${col('day')}::date[], ${col('satisfied')}::bool[], ${col('answers')}::jsonb[],
                               ${col('submittedAt')}::timestamptz[])
          on conflict (client_key) do nothing
          returning id, client_key, counter_code, sector, day, satisfied
        ),
        rolled as (
          insert into min_rollups (counter_code, sector, day, responses, satisfied)
          select counter_code, sector, day, count(*), count(*) filter (where satisfied) from ins
          group by 1, 2, 3 order by 1, 2, 3
          on conflict (counter_code, sector, day) do update
          set responses = min_rollups.responses + excluded.responses, satisfied = min_rollups.satisfied + excluded.satisfied
        )
        select id::int as id, client_key from ins`.execute(trx),
    );
    const idOf = new Map(inserted.rows.map((r) => [r.client_key, Number(r.id)]));
    for (const w of batch) {
      const id = idOf.get(w.row.clientKey);
      // Not inserted: its key was stored before (a replay), so it is durable too.
      w.resolve(id !== undefined ? { id, replay: false } : { id: 0, replay: true });
    }
  }
  function pump() {
    if (busy || queue.length === 0) return;
    const batch = queue;
    queue = [];
    busy = true;
    commit(batch)
      .catch((error: unknown) => batch.forEach((w) => w.reject(error)))
      .finally(() => {
        busy = false;
        pump();
      });
  }
  return (row: Row) =>
    new Promise<{ id: number; replay: boolean }>((resolve, reject) => {
      queue.push({ row, resolve, reject });
      pump();
    });
}

function satisfiedBy(answers: unknown): boolean {
  const scores = Object.values((answers ?? {}) as Record<string, unknown>).filter((v): v is number => typeof v === 'number');
  return scores.length > 0 && scores.reduce((a, b) => a + b, 0) / scores.length >= 4;
}

export async function minimalDurable(env: NodeJS.ProcessEnv) {
  const handle = await createDb({
    databaseUrl: env.DATABASE_URL,
    dataDir: env.DATABASE_URL ? undefined : env.BENCH_DATA_DIR,
    schema: env.BENCH_SCHEMA,
  });
  const db = handle.dbWrite as AnyDb;
  await createMinimalTables(db);
  const write = groupCommitter(db);
  const app = new Hono().post('/q/:code', async (c) => {
    const parsed = submissionEnvelope.safeParse(await c.req.json());
    if (!parsed.success) return c.json({ error: parsed.error.issues[0]?.message }, 422);
    const now = new Date();
    const stored = await write({
      clientKey: parsed.data.clientKey,
      counterCode: c.req.param('code'),
      sector: parsed.data.sector ?? '',
      day: localDay(now),
      satisfied: satisfiedBy(parsed.data.answers),
      answers: JSON.stringify(parsed.data.answers ?? {}),
      submittedAt: now.toISOString(),
    });
    return c.json({ id: stored.id }, stored.replay ? 200 : 201);
  });
  return { fetch: app.fetch, close: () => handle.close() };
}

/** The minimal server's rollup against a recount of its rows, and how often each client key of `tag` is stored. */
export async function minimalChecks(db: AnyDb, tag: string) {
  const recount = await sql<{ differing: number; cells: number }>`
    with recount as (
      select counter_code, sector, day, count(*)::int as responses, (count(*) filter (where satisfied))::int as satisfied
      from min_responses group by 1, 2, 3
    )
    select (select count(*)::int from recount) as cells,
           (select count(*)::int from (
              (select * from recount except select counter_code, sector, day, responses, satisfied from min_rollups)
              union all
              (select counter_code, sector, day, responses, satisfied from min_rollups except select * from recount)
            ) d) as differing`.execute(db);
  const stored = await sql<{ client_key: string; n: number }>`
    select client_key, count(*)::int as n from min_responses where client_key like ${`${tag}-%`} group by client_key`.execute(db);
  return { cells: recount.rows[0]!.cells, rollupEqualsRecount: recount.rows[0]!.differing === 0, stored: stored.rows };
}
