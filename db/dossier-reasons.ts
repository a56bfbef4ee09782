import { sql, type Kysely, type RawBuilder } from 'kysely';
import { RECONCILIATION_REASONS, type ReconciliationReason } from '../surveys/portal-figures';
import { addDays, dayStartUtc } from '../surveys/time';
import type { IndexFilter } from './dossier-index';
import type { Database } from './types';
import { unitSide } from './unit-view';

export type ReasonCounts = Record<ReconciliationReason, number> & {
  /** Counted dossiers that were rated, and those of them that failed R3: the ratio "rated only". */
  rated: number;
  rated_failed: number;
};

/**
 * Which dossiers each reason names, from the outcome flags storeDossiers wrote with the rules of
 * surveys/dossier-outcome.ts (never re-derived here). Every reason but `open` is about dossiers
 * counted in the period (finished in it, Vietnam day); `open` is those received in it, unfinished.
 */
function reasonCondition(reason: ReconciliationReason): RawBuilder<unknown> {
  switch (reason) {
    case 'overdue':
      return sql`r.overdue`;
    case 'unsatisfied':
      return sql`r.rating_unsatisfied`;
    case 'complained':
      return sql`r.complained`;
    case 'unrated':
      return sql`r.rating is null`;
    case 'complaint_late':
      return sql`r.complained and not r.complaint_on_time`;
    case 'complaint_unsatisfied':
      return sql`r.complained and r.complaint_satisfied = false`;
    case 'open':
      return sql`r.finished_at is null`;
  }
}

const counted = (f: IndexFilter) => sql`r.counted_day between ${f.from}::date and ${f.to}::date`;
const received = (f: IndexFilter) =>
  sql`r.finished_at is null and r.received_at >= ${dayStartUtc(f.from)} and r.received_at < ${dayStartUtc(addDays(f.to, 1))}`;

function scoped(f: IndexFilter) {
  const side = unitSide(f, { byUnit: false, listing: true });
  const extra = sql`${side.condition} ${f.sector ? sql`and r.sector_code = ${f.sector}` : sql``} ${
    f.dossierChannel ? sql`and r.channel = ${f.dossierChannel}` : sql``
  }`;
  return { join: side.join, extra };
}

/** How many dossiers of the unit subtree and period each reason names. */
export async function reasonCounts(db: Kysely<Database>, filter: IndexFilter): Promise<ReasonCounts> {
  const { join, extra } = scoped(filter);
  const inPeriod = sql`((${counted(filter)}) or (${received(filter)}))`;
  const sums = RECONCILIATION_REASONS.map((reason) => {
    const when = reason === 'open' ? received(filter) : sql`${counted(filter)} and ${reasonCondition(reason)}`;
    return sql`(count(*) filter (where ${when}))::int as ${sql.ref(reason)}`;
  });
  const result = await sql<ReasonCounts>`
    select ${sql.join(sums)},
      (count(*) filter (where ${counted(filter)} and r.rating is not null))::int as rated,
      (count(*) filter (where ${counted(filter)} and r.rating is not null and r.r3_failed))::int as rated_failed
    from dossiers r
    ${join}
    where r.tenant_id = ${filter.tenantId} and ${inPeriod} ${extra}`.execute(db);
  const row = result.rows[0]!;
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, Number(v)])) as ReasonCounts;
}

export interface ReasonDossier {
  code: string;
  procedure_code: string;
  procedure_name: string;
  sector_code: string;
  unit_code: string;
  channel: string;
  received_at: Date;
  due_at: Date;
  finished_at: Date | null;
  rating: number | null;
  rating_scale: number | null;
  complained: boolean;
  complaint_due_at: Date | null;
  complaint_answered_at: Date | null;
  complaint_satisfied: boolean | null;
}

/** One page of the dossiers a reason names, in the order they were finished (open ones by receipt). */
export async function reasonDossiers(
  db: Kysely<Database>,
  filter: IndexFilter,
  reason: ReconciliationReason,
  page: { offset: number; limit: number },
): Promise<{ total: number; dossiers: ReasonDossier[] }> {
  const { join, extra } = scoped(filter);
  const when = reason === 'open' ? received(filter) : sql`${counted(filter)} and ${reasonCondition(reason)}`;
  const where = sql`r.tenant_id = ${filter.tenantId} and ${when} ${extra}`;
  const [total, rows] = await Promise.all([
    sql<{ n: number }>`select count(*)::int as n from dossiers r ${join} where ${where}`.execute(db),
    sql<ReasonDossier>`
      select r.code, r.procedure_code, r.procedure_name, r.sector_code, du.code as unit_code, r.channel, r.received_at,
        r.due_at, r.finished_at, r.rating, r.rating_scale, r.complained, r.complaint_due_at, r.complaint_answered_at,
        r.complaint_satisfied
      from dossiers r
      join units du on du.id = r.unit_id
      ${join}
      where ${where}
      order by r.finished_at nulls last, r.received_at, r.code
      offset ${page.offset} limit ${page.limit}`.execute(db),
  ]);
  return { total: Number(total.rows[0]?.n ?? 0), dossiers: rows.rows };
}
