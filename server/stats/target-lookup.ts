import type { Kysely } from 'kysely';
import { targetsInForce } from '../../db/sectors';
import type { StatsFilter } from '../../db/stats';
import type { Database } from '../../db/types';
import { OVERALL_KEY, OVERALL_TARGET, SECTORS } from '../../surveys/sectors';

/**
 * The target in force for a sector (or overall, for null) in a year, read once per request:
 * the tenant's plan first, then the defaults of docs/domain.md §2.
 */
export async function targetLookup(db: Kysely<Database>, filter: Pick<StatsFilter, 'tenantId' | 'from' | 'to'>) {
  const first = Number(filter.from.slice(0, 4));
  const last = Number(filter.to.slice(0, 4));
  const byYear = new Map<number, Map<string, number>>();
  for (let year = first; year <= last; year++) byYear.set(year, await targetsInForce(db, filter.tenantId, year));
  return (sector: string | null, year: number): number => {
    const plan = byYear.get(year);
    const key = sector ?? OVERALL_KEY;
    return plan?.get(key) ?? SECTORS.find((s) => s.code === sector)?.defaultTarget ?? plan?.get(OVERALL_KEY) ?? OVERALL_TARGET;
  };
}
