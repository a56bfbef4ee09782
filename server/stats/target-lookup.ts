import type { Kysely } from 'kysely';
import { planRows } from '../../db/sectors';
import type { StatsFilter } from '../../db/stats';
import type { Database } from '../../db/types';
import { targetInForce } from '../../surveys/plan-targets';
import { OVERALL_KEY } from '../../surveys/sectors';

/**
 * The target in force for a sector (or overall, for null) in a year, read from the database on
 * every request (no cache: a target an administrator changes shows in the next figures): the
 * tenant's plan for that year or the latest earlier one, then the defaults of docs/domain.md §2
 * (surveys/plan-targets.ts holds the rule).
 */
export async function targetLookup(db: Kysely<Database>, filter: Pick<StatsFilter, 'tenantId' | 'from' | 'to'>) {
  const rows = await planRows(db, filter.tenantId, Number(filter.to.slice(0, 4)));
  return (sector: string | null, year: number): number => targetInForce(rows, sector ?? OVERALL_KEY, year).target;
}
