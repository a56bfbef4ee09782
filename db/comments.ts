import { sql, type Kysely } from 'kysely';
import type { Answers } from '../surveys/instrument-schema';
import { filterConditions, filterJoins, type StatsFilter } from './stats';
import type { Database } from './types';

export interface CommentRow {
  id: number;
  submitted_at: Date;
  counter_code: string | null;
  counter_name: string | null;
  unit_name: string;
  sector_code: string;
  survey_version_id: number;
  satisfied: boolean | null;
  answers: Answers;
  comment: string;
}

/**
 * Free-text comments for a filter, newest first by the time they were answered (an import of
 * older paper forms is stored later with higher ids, yet answered earlier), in pages: `before` is
 * the id of the last comment of the page before, and the next page starts after its (time, id).
 * `search` matches anywhere in the text, case-insensitively; comments are stored NFC, so the
 * search is normalised too.
 */
export async function listComments(
  db: Kysely<Database>,
  filter: StatsFilter,
  opts: { search?: string | undefined; limit: number; before?: number | undefined },
): Promise<CommentRow[]> {
  const search = opts.search?.normalize('NFC').trim();
  const pattern = search ? `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const result = await sql<CommentRow>`
    select r.id, r.submitted_at, c.code as counter_code, c.name as counter_name, un.name as unit_name,
           r.sector_code, r.survey_version_id, r.satisfied, r.answers, r.comment
    from responses r
    left join counters c on c.id = r.counter_id
    join units un on un.id = r.unit_id
    ${filterJoins(filter, undefined, 'submitted_at')}
    where r.comment is not null and ${filterConditions(filter, 'submitted_at')}
      ${pattern ? sql`and r.comment ilike ${pattern}` : sql``}
      ${opts.before !== undefined ? sql`and (r.submitted_at, r.id) < (select k.submitted_at, k.response_id from response_keys k where k.response_id = ${opts.before})` : sql``}
    order by r.submitted_at desc, r.id desc
    limit ${opts.limit}`.execute(db);
  return result.rows;
}

/** How many comments a filter holds, and how many came with a verdict of not satisfied. */
export async function countComments(db: Kysely<Database>, filter: StatsFilter): Promise<{ total: number; dissatisfied: number }> {
  const result = await sql<{ total: number; dissatisfied: number }>`
    select count(*)::int as total, (count(*) filter (where r.satisfied = false))::int as dissatisfied
    from responses r ${filterJoins(filter, undefined, 'submitted_at')}
    where r.comment is not null and ${filterConditions(filter, 'submitted_at')}`.execute(db);
  return result.rows[0] ?? { total: 0, dissatisfied: 0 };
}
