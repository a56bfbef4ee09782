import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/types';

/**
 * The baseline the CSV export is measured against: PostgreSQL's own COPY of the same rows and
 * columns (answers as stored, as jsonb; no formatting), in the same order, over the same joins.
 */
export function plainCopyStatement(db: Kysely<Database>, from: string, to: string): string {
  if (![from, to].every((d) => /^\d{4}-\d{2}-\d{2}$/.test(d))) throw new Error('days as YYYY-MM-DD');
  const query = sql`
    select r.id, r.submitted_at, un.code, un.name, c.code, c.name, r.sector_code, r.channel, s.key, v.version,
           r.satisfied, r.weight, r.answers, r.comment, r.dossier_code, r.flags
    from responses r
    join units un on un.id = r.unit_id
    left join counters c on c.id = r.counter_id
    join survey_versions v on v.id = r.survey_version_id
    join surveys s on s.id = v.survey_id
    where r.submitted_at >= ${from}::date - interval '7 hours' and r.submitted_at < ${to}::date + interval '17 hours'
      and r.wave_id is null
    order by r.id`.compile(db);
  const [a, b] = query.parameters as string[];
  const text = query.sql.replace('$1', `'${a}'`).replace('$2', `'${b}'`);
  return `copy (${text}) to stdout with (format csv)`;
}
