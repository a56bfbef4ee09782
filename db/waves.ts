import { currentSurveyVersion } from './surveys';
import { sql, type Kysely } from 'kysely';
import type { Database } from './types';

export interface NewWave {
  tenant_id: number;
  name: string;
  survey_id: number;
  sector_code: string;
  period_from: string;
  period_to: string;
  margin: number;
  strata: readonly { unit_id: number; population: number }[];
}

export async function createWave(db: Kysely<Database>, { strata, ...wave }: NewWave) {
  return db.transaction().execute(async (trx) => {
    const row = await trx.insertInto('waves').values(wave).returning('id').executeTakeFirstOrThrow();
    await trx
      .insertInto('wave_strata')
      .values(strata.map((s) => ({ tenant_id: wave.tenant_id, wave_id: row.id, unit_id: s.unit_id, population: s.population })))
      .execute();
    return row.id;
  });
}

export async function listWaves(db: Kysely<Database>, tenantId: number) {
  return db
    .selectFrom('waves as w')
    .innerJoin('surveys as s', 's.id', 'w.survey_id')
    .select(['w.id', 'w.name', 'w.sector_code', 'w.margin', 's.key as survey_key'])
    .select(sql<string>`to_char(w.period_from, 'YYYY-MM-DD')`.as('period_from'))
    .select(sql<string>`to_char(w.period_to, 'YYYY-MM-DD')`.as('period_to'))
    .where('w.tenant_id', '=', tenantId)
    .orderBy('w.id', 'desc')
    .execute();
}

export async function findWave(db: Kysely<Database>, tenantId: number, id: number) {
  return db
    .selectFrom('waves as w')
    .innerJoin('surveys as s', 's.id', 'w.survey_id')
    .select(['w.id', 'w.tenant_id', 'w.name', 'w.survey_id', 'w.sector_code', 'w.margin', 's.key as survey_key'])
    .select(sql<string>`to_char(w.period_from, 'YYYY-MM-DD')`.as('period_from'))
    .select(sql<string>`to_char(w.period_to, 'YYYY-MM-DD')`.as('period_to'))
    .where('w.tenant_id', '=', tenantId)
    .where('w.id', '=', id)
    .executeTakeFirst();
}

export interface StratumProgress {
  unit_id: number;
  unit_name: string;
  unit_path: string;
  population: number;
  interviews: number;
  valid: number;
  satisfied: number;
}

/** Each stratum with its population and what its interviews gave so far (unflagged). */
export async function stratumProgress(db: Kysely<Database>, waveId: number): Promise<StratumProgress[]> {
  const result = await sql<StratumProgress>`
    select ws.unit_id, u.name as unit_name, u.path as unit_path, ws.population,
           count(r.id)::int as interviews, count(r.satisfied)::int as valid,
           (count(r.id) filter (where r.satisfied))::int as satisfied
    from wave_strata ws
    join units u on u.id = ws.unit_id
    left join responses r on r.wave_id = ws.wave_id and r.unit_id = ws.unit_id and cardinality(r.flags) = 0
    where ws.wave_id = ${waveId}
    group by ws.unit_id, u.name, u.path, ws.population
    order by u.path`.execute(db);
  return result.rows;
}

/** The version a survey asks now: what interviewers enter a wave's answers with. */
export const latestSurveyVersion = currentSurveyVersion;
