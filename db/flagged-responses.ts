import { sql, type Kysely } from 'kysely';
import type { Answers } from '../surveys/instrument-schema';
import { addToRollups } from './rollups';
import { filterConditions, filterJoins, likePrefix, type StatsFilter } from './stats';
import type { Channel } from '../surveys/channels';
import type { Database } from './types';

export interface FlaggedResponse {
  id: number;
  submitted_at: Date;
  counter_code: string;
  counter_name: string;
  sector_code: string;
  channel: Channel;
  flags: string[];
  satisfied: boolean | null;
  answers: Answers;
  comment: string | null;
}

/** Flagged answers for a filter, newest first: kept, shown to analysts, out of official rates. */
export async function listFlagged(db: Kysely<Database>, filter: StatsFilter, limit = 200): Promise<FlaggedResponse[]> {
  const result = await sql<FlaggedResponse>`
    select r.id, r.submitted_at, c.code as counter_code, c.name as counter_name, r.sector_code, r.channel,
           r.flags, r.satisfied, r.answers, r.comment
    from responses r
    left join counters c on c.id = r.counter_id
    ${filterJoins(filter, undefined, 'submitted_at')}
    where cardinality(r.flags) > 0 and ${filterConditions(filter, 'submitted_at')}
    order by r.submitted_at desc, r.id desc
    limit ${limit}`.execute(db);
  return result.rows;
}

export async function countFlagged(db: Kysely<Database>, filter: StatsFilter): Promise<number> {
  const result = await sql<{ n: number }>`
    select count(*)::int as n from responses r ${filterJoins(filter, undefined, 'submitted_at')}
    where cardinality(r.flags) > 0 and ${filterConditions(filter, 'submitted_at')}`.execute(db);
  return result.rows[0]?.n ?? 0;
}

/**
 * An analyst clears a flagged answer: its flags go and it joins the official rates, in one
 * statement with its rollups. Returns false when there was nothing flagged to clear (the answer
 * does not exist, is out of the allowed units, or was cleared already), so a double click counts once.
 */
export async function clearFlags(db: Kysely<Database>, tenantId: number, id: number, unitPath?: string): Promise<boolean> {
  // Only counter answers are ever flagged (a wave's interviews are entered by staff), and the
  // rollup rule takes only official rows: the cleared row joins its cells in the same statement.
  const result = await sql<{ n: number }>`
    with cleared as (
      update responses r set flags = '{}'
      where r.tenant_id = ${tenantId} and r.id = ${id} and cardinality(r.flags) > 0
        ${unitPath !== undefined ? sql`and r.unit_id in (select id from units where path like ${likePrefix(unitPath)})` : sql``}
      returning r.*
    ),
    ${addToRollups(sql`cleared r`)}
    select count(*)::int as n from cleared`.execute(db);
  return (result.rows[0]?.n ?? 0) > 0;
}
