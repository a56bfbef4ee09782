import type { Kysely } from 'kysely';
import { listCounters } from '../../db/counters';
import { listSectors } from '../../db/sectors';
import type { GroupBy } from '../../db/stats';
import type { Database } from '../../db/types';
import { listUnits } from '../../db/units';

/** Display names for the keys of a grouping. */
export async function labelsFor(db: Kysely<Database>, tenantId: number, groupBy: GroupBy): Promise<Map<string, string>> {
  if (groupBy === 'unit') return new Map((await listUnits(db, tenantId)).map((u) => [String(u.id), u.name]));
  if (groupBy === 'counter') return new Map((await listCounters(db, tenantId)).map((k) => [String(k.id), k.name]));
  return new Map((await listSectors(db, tenantId)).map((s) => [s.code, s.name_vi]));
}
