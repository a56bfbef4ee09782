import type { Kysely, Transaction } from 'kysely';
import type { SurveyDefinition } from '../surveys/instrument-schema';
import { noteCounterChange } from './counter-changes';
import type { Database } from './types';

/**
 * Stores a definition as a survey version unless the same key and version is already there.
 * Versions are immutable, so an existing one is returned as it is. Inside a transaction (a new
 * tenant's set-up) it joins that one.
 */
export async function ensureSurveyVersion(db: Kysely<Database>, tenantId: number, def: SurveyDefinition) {
  const inOne = <T>(work: (trx: Transaction<Database>) => Promise<T>) =>
    db.isTransaction ? work(db as Transaction<Database>) : db.transaction().execute(work);
  const stored = await inOne(async (trx) => {
    let survey = await trx
      .selectFrom('surveys')
      .select('id')
      .where('tenant_id', '=', tenantId)
      .where('key', '=', def.key)
      .executeTakeFirst();
    survey ??= await trx
      .insertInto('surveys')
      .values({ tenant_id: tenantId, key: def.key, kind: def.kind })
      .returning('id')
      .executeTakeFirstOrThrow();
    const existing = await trx
      .selectFrom('survey_versions')
      .select('id')
      .where('survey_id', '=', survey.id)
      .where('version', '=', def.version)
      .executeTakeFirst();
    const version =
      existing ??
      (await trx
        .insertInto('survey_versions')
        .values({ tenant_id: tenantId, survey_id: survey.id, version: def.version, definition: JSON.stringify(def) })
        .returning('id')
        .executeTakeFirstOrThrow());
    return { surveyId: survey.id, versionId: version.id };
  });
  // A new version is what a counter's citizen page asks from now on.
  noteCounterChange();
  return stored;
}

export async function findSurveyVersion(db: Kysely<Database>, id: number) {
  return db.selectFrom('survey_versions').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listSurveyVersions(db: Kysely<Database>, tenantId: number) {
  return db
    .selectFrom('survey_versions as sv')
    .innerJoin('surveys as s', 's.id', 'sv.survey_id')
    .select(['sv.id', 'sv.version', 'sv.definition', 's.key', 's.id as survey_id'])
    .where('sv.tenant_id', '=', tenantId)
    .orderBy('sv.id')
    .execute();
}

export async function findSurveyByKey(db: Kysely<Database>, tenantId: number, key: string) {
  return db.selectFrom('surveys').select(['id', 'key']).where('tenant_id', '=', tenantId).where('key', '=', key).executeTakeFirst();
}
