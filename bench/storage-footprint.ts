import { randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { createDb } from '../db/create-db';
import { migrateToLatest } from '../db/migrate';
import { storeDossiers, type DossierRecord } from '../db/dossiers';
import { storeResponses } from '../db/responses';
import type { Database } from '../db/types';
import { createApp } from '../server/app';
import { firstStart } from '../server/bootstrap/first-start';
import { DEMO_COUNTERS } from '../server/bootstrap/demo-tenant';
import { appConfigFromEnv } from '../server/config/app-config';
import { dbTimeoutsFromEnv } from '../server/config/db-options';
import { parseEnv } from '../server/config/env';
import { issueFormToken } from '../server/citizen/form-token';
import { allQuestionsOf, type Answers, type SurveyDefinition } from '../surveys/instrument-schema';
import { findActiveCounter, type ActiveCounter } from '../db/counters';
import type { NewResponse } from '../db/responses';
import type { Channel } from '../surveys/channels';
import { respondentSatisfied } from '../surveys/scoring';
import { seededRandom } from '../test/support/random-responses';

// Bytes on disk per stored answer and per rollup row, for docs/scale-out.md's sizing. Not part of
// `npm run bench`: run it by hand on PostgreSQL (PGlite's sizes say nothing about a server's).
//   DATABASE_URL=postgres://root@127.0.0.1:5432/test npx tsx bench/storage-footprint.ts [answers]
// It works in a schema of its own and drops it. Two phases:
//   1. answers POSTed through the app (in process), as phones send them: token, device key, sender
//      address, a sector; all on today, so the rollups saturate and the growth measured between
//      two points is the raw rows (responses, response_keys, cases for low ratings) with indexes;
//   2. answers through the writer (storeResponses) spread over 365 days' office hours at 12 answers
//      per counter and day (the national average: 120,000 a day over ~10,000 counters), to count
//      rollup rows per answer and measure bytes per rollup row.
// Tables are vacuumed before each measurement (autovacuum would have made their visibility and
// free-space maps by then).

const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL must name a PostgreSQL database');
const answersPhase1 = Number(process.argv[2] ?? 20_000);
const schema = `footprint_${randomBytes(4).toString('hex')}`;

const TABLES = [
  'responses',
  'response_keys',
  'cases',
  'daily_rollups',
  'hourly_rollups',
  'monthly_rollups',
] as const satisfies readonly (keyof Database)[];
type Table = (typeof TABLES)[number];
type Sizes = Record<Table, { bytes: number; rows: number }>;

const sizes = (db: Kysely<Database>): Promise<Sizes> => tableSizes(db, TABLES);

async function tableSizes<T extends keyof Database>(
  db: Kysely<Database>,
  tables: readonly T[],
): Promise<Record<T, { bytes: number; rows: number }>> {
  const out = {} as Record<T, { bytes: number; rows: number }>;
  for (const t of tables) {
    await sql`vacuum analyze ${sql.table(t)}`.execute(db);
    // A partitioned table's own size is 0: its partitions hold the rows.
    const name = sql.lit(`${schema}.${t}`);
    const row = (
      await sql<{ bytes: number; rows: number }>`
        select (select case when c.relkind = 'p'
                         then (select sum(pg_total_relation_size(relid)) from pg_partition_tree(c.oid))
                         else pg_total_relation_size(c.oid) end
                from pg_class c where c.oid = ${name}::regclass)::bigint as bytes,
               (select count(*) from ${sql.table(t)})::bigint as rows`.execute(db)
    ).rows[0]!;
    out[t] = { bytes: Number(row.bytes), rows: Number(row.rows) };
  }
  return out;
}

const SHARES: [number, number][] = [
  [5, 0.45],
  [4, 0.4],
  [3, 0.08],
  [2, 0.045],
  [1, 0.025],
];
const draw = <T>(random: () => number, shares: [T, number][]): T => {
  let roll = random();
  for (const [value, share] of shares) if ((roll -= share) < 0) return value;
  return shares[0]![0];
};
// One person's answers go together: a level drawn for the respondent (1 or 2 for about one in
// fifteen, who then opens a complaint case), each question at that level or, one in five, a step
// beside it that does not cross between low (1–2) and not low (3–5).
function answersFor(def: SurveyDefinition, random: () => number = Math.random): Answers {
  const level = draw(random, SHARES);
  const answers: Answers = {};
  for (const q of allQuestionsOf(def)) {
    if (q.type === 'scale5') {
      const step = random() < 0.2 ? (random() < 0.5 ? -1 : 1) : 0;
      const [lo, hi] = level <= 2 ? [1, 2] : [3, 5];
      answers[q.key] = Math.min(hi, Math.max(lo, level + step));
    } else if (q.type === 'choice' && q.required && q.options?.[0]) answers[q.key] = q.options[0].code;
    else if (q.type === 'percent' && q.required) answers[q.key] = Math.floor(Math.random() * 101);
  }
  return answers;
}

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

async function main() {
  const env = parseEnv({ ...process.env, HAILONG_DEMO: '1', HAILONG_TRUST_PROXY: '1' });
  const handle = await createDb({ databaseUrl: url, schema, timeouts: dbTimeoutsFromEnv(env) });
  try {
    await migrateToLatest(handle.dbWrite, schema);
    const state = await firstStart(handle.dbWrite, env, () => {});
    const app = createApp({ db: handle, config: appConfigFromEnv(env, state.secret) });
    const targets: { code: string; id: number; sectors: string[]; def: SurveyDefinition }[] = [];
    for (const { code } of DEMO_COUNTERS) {
      const res = await app.request(`/q/${code}`, { headers: { accept: 'application/json' } });
      const body = (await res.json()) as { counter: { sectors: string[] }; survey: SurveyDefinition; token: string };
      const payload = JSON.parse(Buffer.from(body.token.split('.')[0]!, 'base64url').toString('utf8')) as { c: number };
      targets.push({ code, id: payload.c, sectors: body.counter.sectors, def: body.survey });
    }
    const questions = targets.map((t) => allQuestionsOf(t.def).filter((q) => q.type === 'scale5').length);

    let n = 0;
    const post = async () => {
      const i = ++n;
      const t = targets[i % targets.length]!;
      const res = await app.request(`/q/${t.code}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/json',
          'x-forwarded-for': `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`,
        },
        body: JSON.stringify({
          clientKey: `fp-${i}-${randomBytes(6).toString('hex')}`,
          token: issueFormToken(state.secret, t.id),
          answers: answersFor(t.def),
          sector: t.sectors[i % t.sectors.length],
          deviceKey: `dev-${randomBytes(8).toString('hex')}`,
        }),
      });
      if (res.status !== 201) throw new Error(`POST /q/${t.code}: ${res.status} ${await res.text()}`);
    };
    const postMany = async (count: number) => {
      for (let done = 0; done < count; done += 32) await Promise.all(Array.from({ length: Math.min(32, count - done) }, post));
    };

    const warm = Math.round(answersPhase1 / 10);
    await postMany(warm);
    const a = await sizes(handle.dbWrite);
    const started = Date.now();
    await postMany(answersPhase1 - warm);
    const seconds = (Date.now() - started) / 1000;
    const b = await sizes(handle.dbWrite);
    const added = b.responses.rows - a.responses.rows;
    console.log(
      `phase 1: ${fmt(b.responses.rows)} answers through POST /q/:code (${fmt(added)} measured, ${fmt(added / seconds)}/s in process)`,
    );
    console.log(`  scale questions per survey (demo counters): ${questions.join(', ')}`);
    console.log(
      `  average answers jsonb: ${fmt(await avg(handle.dbWrite, 'pg_column_size(answers)'))} B, row: ${fmt(await avg(handle.dbWrite, 'pg_column_size(r.*)'))} B`,
    );
    for (const t of ['responses', 'response_keys', 'cases'] as const) {
      console.log(
        `  ${t}: +${fmt(b[t].bytes - a[t].bytes)} B, +${fmt(b[t].rows - a[t].rows)} rows → ${fmt((b[t].bytes - a[t].bytes) / added, 1)} B per answer`,
      );
    }
    const raw = (['responses', 'response_keys', 'cases'] as const).reduce((s, t) => s + b[t].bytes - a[t].bytes, 0);
    console.log(`  raw total: ${fmt(raw / added, 1)} B per answer (tables, TOAST, indexes, FSM/VM)`);

    const days = 365;
    const perCounterDay = 12;
    const count = DEMO_COUNTERS.length * days * perCounterDay;
    const counters: ActiveCounter[] = [];
    for (const { code } of DEMO_COUNTERS) counters.push((await findActiveCounter(handle.dbRead, code))!);
    const items = officeHoursAnswers(counters, count, days);
    const c0 = await sizes(handle.dbWrite);
    for (let i = 0; i < items.length; i += 500) await storeResponses(handle.dbWrite, items.slice(i, i + 500));
    const c1 = await sizes(handle.dbWrite);
    console.log(
      `phase 2: ${fmt(count)} answers through storeResponses over ${days} days, ${perCounterDay} per counter and day (${DEMO_COUNTERS.length} counters)`,
    );
    for (const t of ['daily_rollups', 'hourly_rollups', 'monthly_rollups'] as const) {
      const rows = c1[t].rows - c0[t].rows;
      console.log(
        `  ${t}: +${fmt(rows)} rows (${fmt(rows / count, 3)} per answer), +${fmt(c1[t].bytes - c0[t].bytes)} B → ${fmt((c1[t].bytes - c0[t].bytes) / rows, 1)} B per row`,
      );
    }
    const rawB = (['responses', 'response_keys'] as const).reduce((s, t) => s + c1[t].bytes - c0[t].bytes, 0);
    console.log(`  responses + response_keys via storeResponses: ${fmt(rawB / count, 1)} B per answer (no token, hashes or case)`);

    // 3. Dossiers through storeDossiers, about 35 per unit and day (120,000 a day over 3,400 units).
    const dossierDays = 180;
    const perUnitDay = 35;
    // One place per unit: its first counter and that counter's first sector.
    const places = [...new Map(counters.map((c) => [c.unit_id, { unit_id: c.unit_id, counter_id: c.id, sector: c.sectors[0]! }])).values()];
    const records: DossierRecord[] = [];
    const random = seededRandom(766);
    const first = new Date('2025-01-01T08:00:00+07:00').getTime();
    for (let day = 0; day < dossierDays; day++) {
      for (const place of places) {
        for (let k = 0; k < perUnitDay; k++) {
          const receivedAt = new Date(first + day * 86_400_000 + Math.floor(random() * 8 * 3_600_000));
          const dueAt = new Date(receivedAt.getTime() + (3 + Math.floor(random() * 12)) * 86_400_000);
          const finishedAt = random() < 0.97 ? new Date(receivedAt.getTime() + Math.floor(random() * 14 * 86_400_000)) : null;
          const rated = finishedAt !== null && random() < 0.4;
          records.push({
            code: `000.00.${String(10 + place.unit_id).padStart(2, '0')}.H33-${String(day).padStart(6, '0')}-${String(records.length).padStart(6, '0')}`,
            procedureCode: `1.00${4000 + Math.floor(random() * 300)}`,
            procedureName: 'Cấp giấy chứng nhận quyền sử dụng đất, quyền sở hữu nhà ở',
            sectorCode: place.sector,
            unitId: place.unit_id,
            counterId: place.counter_id,
            decidingUnitId: null,
            channel: random() < 0.6 ? 'online' : 'in_person',
            receivedAt,
            dueAt,
            finishedAt,
            rating: rated ? 3 + Math.floor(random() * 3) : null,
            ratingScale: rated ? 5 : null,
            complained: false,
            complaintDueAt: null,
            complaintAnsweredAt: null,
            complaintSatisfied: null,
          });
        }
      }
    }
    const DOSSIER_TABLES = [
      'dossiers',
      'dossier_daily_rollups',
      'dossier_daily_rollups_all_channels',
      'dossier_monthly_rollups',
      'dossier_monthly_rollups_all_channels',
      'dossier_open_rollups',
      'dossier_open_totals',
    ] as const;
    const d0 = await tableSizes(handle.dbWrite, DOSSIER_TABLES);
    for (let i = 0; i < records.length; i += 2000) await storeDossiers(handle.dbWrite, state.tenantId, records.slice(i, i + 2000), 'api');
    const d1 = await tableSizes(handle.dbWrite, DOSSIER_TABLES);
    console.log(
      `phase 3: ${fmt(records.length)} dossiers through storeDossiers over ${dossierDays} days, ${perUnitDay} per unit and day (${places.length} units)`,
    );
    for (const t of DOSSIER_TABLES) {
      const rows = d1[t].rows - d0[t].rows;
      const bytes = d1[t].bytes - d0[t].bytes;
      console.log(
        `  ${t}: +${fmt(rows)} rows (${fmt(rows / records.length, 3)} per dossier), +${fmt(bytes)} B → ${fmt(bytes / Math.max(rows, 1), 1)} B per row, ${fmt(bytes / records.length, 1)} B per dossier`,
      );
    }
  } finally {
    await sql`drop schema ${sql.id(schema)} cascade`.execute(handle.dbWrite);
    await handle.close();
  }
}

// Channels as a counter with a QR poster and a kiosk might see them (an assumption, said in the
// doc); office hours 07:30–17:00 Vietnam time.
const CHANNELS: [Channel, number][] = [
  ['qr', 0.6],
  ['kiosk', 0.3],
  ['interviewer', 0.05],
  ['web', 0.05],
];
function officeHoursAnswers(counters: ActiveCounter[], count: number, days: number): NewResponse[] {
  const random = seededRandom(21);
  const start = new Date('2025-01-01T07:30:00+07:00').getTime();
  return Array.from({ length: count }, (_, i) => {
    const counter = counters[i % counters.length]!;
    const def = counter.surveyVersion.definition;
    const answers = answersFor(def, random);
    const day = Math.floor(random() * days);
    return {
      tenant_id: counter.tenant_id,
      survey_version_id: counter.surveyVersion.id,
      counter_id: counter.id,
      unit_id: counter.unit_id,
      sector_code: counter.sectors[Math.floor(random() * counter.sectors.length)]!,
      channel: draw(random, CHANNELS),
      submitted_at: new Date(start + day * 86_400_000 + Math.floor(random() * 9.5 * 3_600_000)),
      answers,
      comment: null,
      dossier_code: null,
      client_key: `office-${i}`,
      token_id: null,
      satisfied: respondentSatisfied(def, answers),
    };
  });
}

async function avg(db: Kysely<Database>, expr: string) {
  const row = (await sql<{ v: number }>`select avg(${sql.raw(expr)})::float8 as v from responses r`.execute(db)).rows[0]!;
  return Number(row.v);
}

await main();
