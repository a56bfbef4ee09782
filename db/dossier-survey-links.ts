import { sql, type Kysely } from 'kysely';
import { addDays, dayStartUtc } from '../surveys/time';
import { filterConditions, filterJoins, groupKey, summed, type StatsFilter } from './stats';
import type { Database } from './types';

export interface KeyedLinks {
  key: string;
  answers: number;
}

/**
 * Survey answers that name a dossier the tenant has stored, per sector or unit of the answer:
 * counter answers of the period with a satisfaction answer and no flag, as the stats count them
 * (in a view of the past, weighed by the share their unit counts for).
 */
export async function answersWithDossier(
  db: Kysely<Database>,
  filter: StatsFilter,
  groupBy: 'sector' | 'unit' | 'none',
): Promise<KeyedLinks[]> {
  const result = await sql<KeyedLinks>`
    select ${groupKey(groupBy, filter)} as key, ${summed(sql`1`, filter, groupBy)} as answers
    from (
      select x.*, (x.submitted_at at time zone 'Asia/Ho_Chi_Minh')::date as day
      from responses x
      where x.tenant_id = ${filter.tenantId} and x.dossier_code is not null
        and x.submitted_at >= ${dayStartUtc(filter.from)} and x.submitted_at < ${dayStartUtc(addDays(filter.to, 1))}
        and exists (select 1 from dossiers d where d.tenant_id = x.tenant_id and d.code = x.dossier_code)
    ) r
    ${filterJoins(filter, groupBy)}
    where r.satisfied is not null
      and cardinality(r.flags) = 0
      and r.wave_id is null
      and ${filterConditions(filter, 'day', groupBy)}
    group by 1
    order by 1`.execute(db);
  return result.rows.map((r) => ({ key: r.key, answers: Number(r.answers) }));
}
