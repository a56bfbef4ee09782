import { sql, type Kysely, type Transaction } from 'kysely';
import type { SurveyDefinition } from '../surveys/instrument-schema';
import { announceCounterChange, noteCounterChange } from './counter-changes';
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
    if (!existing) await announceCounterChange(trx, tenantId, '*');
    return { surveyId: survey.id, versionId: version.id };
  });
  // A new version is what a counter's citizen page asks from now on.
  noteCounterChange();
  return stored;
}

/**
 * The version each survey asks now: the newest one whose effective day has come. A version
 * published for a later day waits; until then counters and waves keep the one before.
 */
export async function currentSurveyVersions(db: Kysely<Database>, surveyIds: readonly number[]) {
  if (surveyIds.length === 0) return new Map<number, CurrentVersion>();
  const rows = await db
    .selectFrom('survey_versions')
    .distinctOn('survey_id')
    .select(['id', 'survey_id', 'version', 'definition', 'effective_from'])
    .where('survey_id', 'in', [...new Set(surveyIds)])
    .where('effective_from', '<=', sql<Date>`now()`)
    .orderBy('survey_id')
    .orderBy('version', 'desc')
    .execute();
  return new Map(rows.map((r) => [r.survey_id, r]));
}

export type CurrentVersion = { id: number; survey_id: number; version: number; definition: SurveyDefinition; effective_from: Date };

/** The version one survey asks now (see currentSurveyVersions); every survey has one from its first version on. */
export async function currentSurveyVersion(db: Kysely<Database>, surveyId: number): Promise<CurrentVersion> {
  const version = (await currentSurveyVersions(db, [surveyId])).get(surveyId);
  if (!version) throw new Error(`survey ${surveyId} has no version in force`);
  return version;
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
  return db
    .selectFrom('surveys')
    .select(['id', 'key', 'retired_at'])
    .where('tenant_id', '=', tenantId)
    .where('key', '=', key)
    .executeTakeFirst();
}
