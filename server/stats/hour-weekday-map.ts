import type { Kysely } from 'kysely';
import { hourWeekdayCounts } from '../../db/hour-weekday';
import type { StatsFilter } from '../../db/stats';
import type { Database } from '../../db/types';
import { rate } from '../../surveys/statistics';

/** Volume and rate per weekday × hour (Vietnam time): when service goes wrong. */
export async function hourWeekdayMap(db: Kysely<Database>, filter: StatsFilter) {
  const cells = await hourWeekdayCounts(db, filter);
  return {
    cells: cells.map((c) => ({
      weekday: c.weekday,
      hour: c.hour,
      responses: c.responses,
      n: c.valid,
      satisfied: c.satisfied,
      rate: rate(c.satisfied, c.valid),
    })),
  };
}
