import { sql, type Kysely, type Selectable } from 'kysely';
import type { DossierChannel, RatingScale } from '../surveys/dossier-input';
import { DOSSIER_COUNTS, dossierOutcome, type DossierFacts } from '../surveys/dossier-outcome';
import { dossierCellDeltas, openCellDeltas, type DossierCell, type OpenCell } from './dossier-rollup-deltas';
import type { Database, DossiersTable } from './types';

/** A dossier ready to store: the input with its units, counter and sector resolved. */
export interface DossierRecord extends DossierFacts {
  code: string;
  procedureCode: string;
  procedureName: string;
  sectorCode: string;
  unitId: number;
  counterId: number | null;
  decidingUnitId: number | null;
  receivedAt: Date;
}

export interface StoredDossiers {
  created: number;
  updated: number;
  /** Sent again exactly as stored: nothing changed, nothing counted again. */
  unchanged: number;
}

/** A dry run counts what would change and writes nothing; `inside` runs last in the transaction (an audit entry). */
export interface StoreOptions {
  dryRun?: boolean;
  inside?: (trx: Kysely<Database>, stored: StoredDossiers) => Promise<void>;
}

const CHUNK = 1000;

function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function recordOf(row: Selectable<DossiersTable>): DossierRecord {
  return {
    code: row.code,
    procedureCode: row.procedure_code,
    procedureName: row.procedure_name,
    sectorCode: row.sector_code,
    unitId: row.unit_id,
    counterId: row.counter_id,
    decidingUnitId: row.deciding_unit_id,
    channel: row.channel as DossierChannel,
    dueAt: row.due_at,
    finishedAt: row.finished_at,
    rating: row.rating,
    ratingScale: row.rating_scale as RatingScale | null,
    complained: row.complained,
    complaintDueAt: row.complaint_due_at,
    complaintAnsweredAt: row.complaint_answered_at,
    complaintSatisfied: row.complaint_satisfied,
    receivedAt: row.received_at,
  };
}

const time = (d: Date | null) => (d ? d.getTime() : null);

function sameDossier(a: DossierRecord, b: DossierRecord): boolean {
  return (
    a.procedureCode === b.procedureCode &&
    a.procedureName === b.procedureName &&
    a.sectorCode === b.sectorCode &&
    a.unitId === b.unitId &&
    a.counterId === b.counterId &&
    a.decidingUnitId === b.decidingUnitId &&
    a.channel === b.channel &&
    time(a.receivedAt) === time(b.receivedAt) &&
    time(a.dueAt) === time(b.dueAt) &&
    time(a.finishedAt) === time(b.finishedAt) &&
    a.rating === b.rating &&
    a.ratingScale === b.ratingScale &&
    a.complained === b.complained &&
    time(a.complaintDueAt) === time(b.complaintDueAt) &&
    time(a.complaintAnsweredAt) === time(b.complaintAnsweredAt) &&
    a.complaintSatisfied === b.complaintSatisfied
  );
}

/**
 * Stores dossiers as their latest state, in one transaction: each replaces the stored one of its
 * code, and the rollups move by the difference between the old outcome and the new, so a dossier
 * is counted once however often it is sent. Dossier writes of one tenant run one at a time (an
 * advisory lock): they come from imports and the batch API, never from a citizen's tap.
 */
export async function storeDossiers(
  db: Kysely<Database>,
  tenantId: number,
  records: readonly DossierRecord[],
  source: 'import' | 'api',
  options: StoreOptions = {},
): Promise<StoredDossiers> {
  // The last state sent for a code wins within one batch too.
  const latest = new Map(records.map((r) => [r.code, r]));
  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(hashtext('hailong:dossiers'), ${tenantId})`.execute(trx);
    const stored = new Map<string, DossierRecord>();
    for (const codes of chunks([...latest.keys()], 5000)) {
      const rows = await trx.selectFrom('dossiers').selectAll().where('tenant_id', '=', tenantId).where('code', 'in', codes).execute();
      for (const row of rows) stored.set(row.code, recordOf(row));
    }
    const changes: { before: DossierRecord | null; after: DossierRecord }[] = [];
    let unchanged = 0;
    for (const after of latest.values()) {
      const before = stored.get(after.code) ?? null;
      if (before && sameDossier(before, after)) unchanged += 1;
      else changes.push({ before, after });
    }
    const created = changes.filter((c) => c.before === null).length;
    const counts = { created, updated: changes.length - created, unchanged };
    if (options.dryRun) return counts;
    for (const part of chunks(changes))
      await upsertRows(
        trx,
        tenantId,
        part.map((c) => c.after),
        source,
      );
    await addToRollups(trx, tenantId, dossierCellDeltas(changes));
    await addToOpenCounts(trx, tenantId, openCellDeltas(changes));
    await options.inside?.(trx, counts);
    return counts;
  });
}

async function upsertRows(db: Kysely<Database>, tenantId: number, rows: readonly DossierRecord[], source: 'import' | 'api') {
  if (rows.length === 0) return;
  const iso = (d: Date | null) => (d ? d.toISOString() : null);
  const json = rows.map((r) => {
    const outcome = dossierOutcome(r);
    return {
      code: r.code,
      procedure_code: r.procedureCode,
      procedure_name: r.procedureName,
      sector_code: r.sectorCode,
      unit_id: r.unitId,
      counter_id: r.counterId,
      deciding_unit_id: r.decidingUnitId,
      channel: r.channel,
      received_at: iso(r.receivedAt),
      due_at: iso(r.dueAt),
      finished_at: iso(r.finishedAt),
      rating: r.rating,
      rating_scale: r.ratingScale,
      complained: r.complained,
      complaint_due_at: iso(r.complaintDueAt),
      complaint_answered_at: iso(r.complaintAnsweredAt),
      complaint_satisfied: r.complaintSatisfied,
      counted_day: outcome?.day ?? null,
      rating_unsatisfied: outcome?.counts.rating_unsatisfied === 1,
      overdue: outcome?.counts.overdue === 1,
      r3_failed: outcome?.counts.r3_failed === 1,
      complaint_on_time: outcome?.counts.complaints_on_time === 1,
      r2_failed: outcome?.counts.r2_failed === 1,
    };
  });
  await sql`
    insert into dossiers (tenant_id, code, procedure_code, procedure_name, sector_code, unit_id, counter_id, deciding_unit_id,
      channel, received_at, due_at, finished_at, rating, rating_scale, complained, complaint_due_at, complaint_answered_at,
      complaint_satisfied, counted_day, rating_unsatisfied, overdue, r3_failed, complaint_on_time, r2_failed, source)
    select ${tenantId}, x.code, x.procedure_code, x.procedure_name, x.sector_code, x.unit_id, x.counter_id, x.deciding_unit_id,
      x.channel, x.received_at, x.due_at, x.finished_at, x.rating, x.rating_scale, x.complained, x.complaint_due_at,
      x.complaint_answered_at, x.complaint_satisfied, x.counted_day, x.rating_unsatisfied, x.overdue, x.r3_failed,
      x.complaint_on_time, x.r2_failed, ${source}
    from jsonb_to_recordset(${JSON.stringify(json)}::jsonb) as x(code text, procedure_code text, procedure_name text,
      sector_code text, unit_id int, counter_id int, deciding_unit_id int, channel text, received_at timestamptz,
      due_at timestamptz, finished_at timestamptz, rating smallint, rating_scale smallint, complained boolean,
      complaint_due_at timestamptz, complaint_answered_at timestamptz, complaint_satisfied boolean, counted_day date,
      rating_unsatisfied boolean, overdue boolean, r3_failed boolean, complaint_on_time boolean, r2_failed boolean)
    on conflict (tenant_id, code) do update set
      procedure_code = excluded.procedure_code, procedure_name = excluded.procedure_name, sector_code = excluded.sector_code,
      unit_id = excluded.unit_id, counter_id = excluded.counter_id, deciding_unit_id = excluded.deciding_unit_id,
      channel = excluded.channel, received_at = excluded.received_at, due_at = excluded.due_at,
      finished_at = excluded.finished_at, rating = excluded.rating, rating_scale = excluded.rating_scale,
      complained = excluded.complained, complaint_due_at = excluded.complaint_due_at,
      complaint_answered_at = excluded.complaint_answered_at, complaint_satisfied = excluded.complaint_satisfied,
      counted_day = excluded.counted_day, rating_unsatisfied = excluded.rating_unsatisfied, overdue = excluded.overdue,
      r3_failed = excluded.r3_failed, complaint_on_time = excluded.complaint_on_time, r2_failed = excluded.r2_failed,
      source = excluded.source, updated_at = now()`.execute(db);
}

const COLUMN_LIST = sql.raw(DOSSIER_COUNTS.join(', '));
const ADD_EXCLUDED = sql.raw(DOSSIER_COUNTS.map((k) => `${k} = t.${k} + excluded.${k}`).join(', '));
const RECORD_COLUMNS = sql.raw(DOSSIER_COUNTS.map((k) => `${k} int`).join(', '));

/** Where cell deltas are added: per channel (for a channel filter) and over both (for every other read). */
const ROLLUP_TARGETS = [
  { table: 'dossier_daily_rollups', time: 'day', monthly: false, channel: true },
  { table: 'dossier_monthly_rollups', time: 'month', monthly: true, channel: true },
  { table: 'dossier_daily_rollups_all_channels', time: 'day', monthly: false, channel: false },
  { table: 'dossier_monthly_rollups_all_channels', time: 'month', monthly: true, channel: false },
] as const;

/** Adds cell deltas to the daily and the monthly rollups, per channel and over both. */
async function addToRollups(db: Kysely<Database>, tenantId: number, cells: readonly DossierCell[]) {
  const sums = sql.raw(DOSSIER_COUNTS.map((k) => `sum(x.${k})::int`).join(', '));
  for (const part of chunks(cells)) {
    const json = JSON.stringify(
      part.map((c) => ({ day: c.day, unit_id: c.unit_id, sector_code: c.sector_code, channel: c.channel, ...c.counts })),
    );
    for (const target of ROLLUP_TARGETS) {
      // Cells that share a key here (days of one month, the two channels) fold into one row before the upsert.
      const time = target.monthly ? sql`date_trunc('month', x.day)::date` : sql`x.day`;
      const key = sql.join([sql.ref('tenant_id'), sql.ref(target.time), sql.ref('unit_id'), sql.ref('sector_code')]);
      const groups = target.channel ? sql`2, 3, 4, 5` : sql`2, 3, 4`;
      await sql`
        insert into ${sql.table(target.table)} as t (${key}${target.channel ? sql`, channel` : sql``}, ${COLUMN_LIST})
        select ${tenantId}, ${time}, x.unit_id, x.sector_code${target.channel ? sql`, x.channel` : sql``}, ${sums}
        from jsonb_to_recordset(${json}::jsonb) as x(day date, unit_id int, sector_code text, channel text, ${RECORD_COLUMNS})
        group by ${groups}
        order by ${groups}
        on conflict (${key}${target.channel ? sql`, channel` : sql``}) do update set ${ADD_EXCLUDED}`.execute(db);
    }
  }
}

/** Moves the open-dossier counts by their deltas: per due day, and the totals over due days. */
async function addToOpenCounts(db: Kysely<Database>, tenantId: number, cells: readonly OpenCell[]) {
  for (const part of chunks(cells)) {
    await sql`
      insert into dossier_open_rollups as t (tenant_id, due_day, unit_id, sector_code, channel, open)
      select ${tenantId}, x.due_day, x.unit_id, x.sector_code, x.channel, x.open
      from jsonb_to_recordset(${JSON.stringify(part)}::jsonb) as x(due_day date, unit_id int, sector_code text, channel text, open int)
      on conflict (tenant_id, due_day, unit_id, sector_code, channel) do update set open = t.open + excluded.open`.execute(db);
    await sql`
      insert into dossier_open_totals as t (tenant_id, unit_id, sector_code, channel, open)
      select ${tenantId}, x.unit_id, x.sector_code, x.channel, sum(x.open)::int
      from jsonb_to_recordset(${JSON.stringify(part)}::jsonb) as x(unit_id int, sector_code text, channel text, open int)
      group by 2, 3, 4
      order by 2, 3, 4
      on conflict (tenant_id, unit_id, sector_code, channel) do update set open = t.open + excluded.open`.execute(db);
  }
}
