import type { Kysely } from 'kysely';
import type { StatsFilter } from '../../../db/stats';
import type { Database } from '../../../db/types';
import { rateTable, type RateRow as TableRow } from '../../stats/rate-table';

export type RateGroup = 'overall' | 'sector' | 'unit';

export type RateRow = TableRow & { group: RateGroup };

/**
 * The overall rate, then one row per sector and one per unit, from the same rate table as
 * GET /api/stats, so the filed spreadsheet and the dashboard can never disagree.
 */
export async function rateRows(db: Kysely<Database>, filter: StatsFilter): Promise<RateRow[]> {
  const [bySector, byUnit] = await Promise.all([rateTable(db, filter, 'sector'), rateTable(db, filter, 'unit')]);
  return [
    { group: 'overall', ...bySector.overall },
    ...bySector.rows.map((r) => ({ group: 'sector' as const, ...r })),
    ...byUnit.rows.map((r) => ({ group: 'unit' as const, ...r })),
  ];
}
