import { sql, type Kysely, type Transaction } from 'kysely';
import type { SurveyDefinition } from '../surveys/instrument-schema';
import { announceCounterChange, noteCounterChange } from './counter-changes';
import type { Database } from './types';

/** A survey of the tenant as the designer lists it. */
export async function listSurveys(db: Kysely<Database>, tenantId: number) {
  return db
    .selectFrom('surveys as s')
    .leftJoin('survey_drafts as d', 'd.survey_id', 's.id')
    .select((eb) => [
      's.id',
      's.key',
      's.kind',
      's.retired_at',
      sql<boolean>`d.survey_id is not null`.as('has_draft'),
      sql<unknown>`d.definition -> 'title'`.as('draft_title'),
      eb
        .selectFrom('counters as c')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('c.survey_id', '=', 's.id')
        .where('c.retired_at', 'is', null)
        .as('counters'),
    ])
    .where('s.tenant_id', '=', tenantId)
    .orderBy('s.id')
    .execute();
}

export async function findSurvey(db: Kysely<Database>, tenantId: number, key: string) {
  return db
    .selectFrom('surveys')
    .select(['id', 'key', 'kind', 'retired_at'])
    .where('tenant_id', '=', tenantId)
    .where('key', '=', key)
    .executeTakeFirst();
}

/** Every version of the surveys, newest first, with who published it and the answers counted in figures. */
export async function listVersions(db: Kysely<Database>, tenantId: number, surveyIds: readonly number[]) {
  if (surveyIds.length === 0) return [];
  return db
    .selectFrom('survey_versions as v')
    .leftJoin('users as u', 'u.id', 'v.published_by')
    .select((eb) => [
      'v.id',
      'v.survey_id',
      'v.version',
      'v.definition',
      'v.created_at',
      'v.effective_from',
      'u.username as published_by',
      // The monthly rollups count the same answers as the hourly ones, in far fewer rows.
      eb
        .selectFrom('monthly_rollups as h')
        .select(sql<number>`coalesce(sum(h.responses), 0)::int`.as('n'))
        .whereRef('h.survey_version_id', '=', 'v.id')
        .where('h.tenant_id', '=', tenantId)
        .as('responses'),
    ])
    .where('v.tenant_id', '=', tenantId)
    .where('v.survey_id', 'in', [...surveyIds])
    .orderBy('v.survey_id')
    .orderBy('v.version', 'desc')
    .execute();
}

export async function findDraft(db: Kysely<Database>, surveyId: number) {
  return db
    .selectFrom('survey_drafts as d')
    .leftJoin('users as u', 'u.id', 'd.updated_by')
    .select(['d.definition', 'd.updated_at', 'u.username as updated_by'])
    .where('d.survey_id', '=', surveyId)
    .executeTakeFirst();
}

/** A new survey of the tenant with its first draft, in one step. */
export async function insertSurveyWithDraft(
  db: Kysely<Database>,
  row: { tenantId: number; key: string; kind: string; definition: unknown; userId: number | null },
  audit: (trx: Transaction<Database>, surveyId: number) => Promise<void>,
) {
  return db.transaction().execute(async (trx) => {
    const survey = await trx
      .insertInto('surveys')
      .values({ tenant_id: row.tenantId, key: row.key, kind: row.kind })
      .returning('id')
      .executeTakeFirstOrThrow();
    await saveDraft(trx, { tenantId: row.tenantId, surveyId: survey.id, definition: row.definition, userId: row.userId });
    await audit(trx, survey.id);
    return survey.id;
  });
}

/** Stores the survey's draft, replacing the one before. */
export async function saveDraft(
  db: Kysely<Database>,
  row: { tenantId: number; surveyId: number; definition: unknown; userId: number | null },
) {
  const definition = JSON.stringify(row.definition);
  await db
    .insertInto('survey_drafts')
    .values({ survey_id: row.surveyId, tenant_id: row.tenantId, definition, updated_by: row.userId })
    .onConflict((oc) => oc.column('survey_id').doUpdateSet({ definition, updated_at: sql<Date>`now()`, updated_by: row.userId }))
    .execute();
}

/**
 * Turns a checked draft into the survey's next version, effective at `effectiveFrom`, and drops
 * the draft, in one transaction. The version number is taken under a lock on the survey row, so
 * two publishes at once get two numbers.
 */
export async function publishVersion(
  db: Kysely<Database>,
  row: {
    tenantId: number;
    surveyId: number;
    definition: (version: number) => SurveyDefinition;
    effectiveFrom: Date;
    userId: number | null;
  },
  audit: (trx: Transaction<Database>, version: number) => Promise<void>,
) {
  const published = await db.transaction().execute(async (trx) => {
    await trx.selectFrom('surveys').select('id').where('id', '=', row.surveyId).forUpdate().executeTakeFirstOrThrow();
    const last = await trx
      .selectFrom('survey_versions')
      .select(sql<number>`coalesce(max(version), 0)::int`.as('n'))
      .where('survey_id', '=', row.surveyId)
      .executeTakeFirstOrThrow();
    const version = last.n + 1;
    const inserted = await trx
      .insertInto('survey_versions')
      .values({
        tenant_id: row.tenantId,
        survey_id: row.surveyId,
        version,
        definition: JSON.stringify(row.definition(version)),
        published_by: row.userId,
        effective_from: row.effectiveFrom,
      })
      .returning(['id', 'version'])
      .executeTakeFirstOrThrow();
    await trx.deleteFrom('survey_drafts').where('survey_id', '=', row.surveyId).execute();
    await audit(trx, version);
    await announceCounterChange(trx, row.tenantId, '*');
    return inserted;
  });
  noteCounterChange();
  return published;
}

/** Removes a version no answer was given under; false when answers hold it (the key refuses). */
export async function deleteVersion(db: Kysely<Database>, versionId: number, audit: (trx: Transaction<Database>) => Promise<void>) {
  try {
    await db.transaction().execute(async (trx) => {
      const gone = await trx.deleteFrom('survey_versions').where('id', '=', versionId).returning('tenant_id').executeTakeFirst();
      await audit(trx);
      if (gone) await announceCounterChange(trx, gone.tenant_id, '*');
    });
  } catch (error) {
    if ((error as { code?: unknown }).code === '23503') return false;
    throw error;
  }
  noteCounterChange();
  return true;
}

/** Retires a survey (retired = true) or brings it back; its versions and answers stay. */
export async function setSurveyRetired(
  db: Kysely<Database>,
  row: { surveyId: number; retired: boolean; userId: number | null },
  audit: (trx: Transaction<Database>) => Promise<void>,
) {
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('surveys')
      .set(row.retired ? { retired_at: sql<Date>`now()`, retired_by: row.userId } : { retired_at: null, retired_by: null })
      .where('id', '=', row.surveyId)
      .execute();
    await audit(trx);
  });
}

/** The active counters that ask this survey, by code: a survey they ask cannot be retired. */
export async function countersAsking(db: Kysely<Database>, surveyId: number) {
  const rows = await db
    .selectFrom('counters')
    .select('code')
    .where('survey_id', '=', surveyId)
    .where('retired_at', 'is', null)
    .orderBy('code')
    .execute();
  return rows.map((r) => r.code);
}
