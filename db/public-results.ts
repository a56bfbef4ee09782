import type { Kysely } from 'kysely';
import type { Database } from './types';
import { likePrefix } from './unit-view';

export interface PublicResultsSettings {
  enabled: boolean;
  showComplaints: boolean;
  showPublishedCases: boolean;
  threshold: number;
}

export const DEFAULT_PUBLIC_RESULTS: PublicResultsSettings = {
  enabled: false,
  showComplaints: true,
  showPublishedCases: true,
  threshold: 10,
};

export async function publicResultsSettings(db: Kysely<Database>, tenantId: number): Promise<PublicResultsSettings> {
  const row = await db.selectFrom('public_results_settings').selectAll().where('tenant_id', '=', tenantId).executeTakeFirst();
  if (!row) return DEFAULT_PUBLIC_RESULTS;
  return {
    enabled: row.enabled,
    showComplaints: row.show_complaints,
    showPublishedCases: row.show_published_cases,
    threshold: row.threshold,
  };
}

export async function savePublicResultsSettings(db: Kysely<Database>, tenantId: number, s: PublicResultsSettings): Promise<void> {
  const values = {
    enabled: s.enabled,
    show_complaints: s.showComplaints,
    show_published_cases: s.showPublishedCases,
    threshold: s.threshold,
    updated_at: new Date(),
  };
  await db
    .insertInto('public_results_settings')
    .values({ tenant_id: tenantId, ...values })
    .onConflict((oc) => oc.column('tenant_id').doUpdateSet(values))
    .execute();
}

/** A case's state, the path of its unit and the citizen's comment (not to be echoed), before its public outcome is set. */
export async function caseForPublishing(db: Kysely<Database>, tenantId: number, caseId: number) {
  return db
    .selectFrom('cases as c')
    .innerJoin('units as u', 'u.id', 'c.unit_id')
    .leftJoin('responses as r', (j) => j.onRef('r.id', '=', 'c.response_id').on('r.tenant_id', '=', tenantId))
    .select(['c.id', 'c.status', 'u.path as unitPath', 'r.comment'])
    .where('c.id', '=', caseId)
    .where('c.tenant_id', '=', tenantId)
    .executeTakeFirst();
}

/** Sets (or, with null, withdraws) the public outcome of a closed case. */
export async function setPublishedOutcome(db: Kysely<Database>, tenantId: number, caseId: number, text: string | null): Promise<void> {
  await db
    .updateTable('cases')
    .set({ published_outcome: text, published_at: text === null ? null : new Date() })
    .where('id', '=', caseId)
    .where('tenant_id', '=', tenantId)
    .where('status', '=', 'closed')
    .execute();
}

/**
 * Only the administrator's published words, the unit's name, the sector of the answer behind the
 * case and when it was closed (the caller keeps the month only): never the citizen's comment,
 * contact, dossier or times.
 */
export async function listPublishedOutcomes(db: Kysely<Database>, tenantId: number, unitPath: string, limit: number) {
  return db
    .selectFrom('cases as c')
    .innerJoin('units as u', 'u.id', 'c.unit_id')
    .leftJoin('responses as r', (j) => j.onRef('r.id', '=', 'c.response_id').on('r.tenant_id', '=', tenantId))
    .select(['c.published_outcome as outcome', 'u.name as unitName', 'r.sector_code as sector', 'c.closed_at as closedAt'])
    .where('c.tenant_id', '=', tenantId)
    .where('c.status', '=', 'closed')
    .where('c.published_outcome', 'is not', null)
    .where('u.path', 'like', likePrefix(unitPath))
    .orderBy('c.published_at', 'desc')
    .limit(limit)
    .execute() as Promise<{ outcome: string; unitName: string; sector: string | null; closedAt: Date | null }[]>;
}

/** Cases opened in [from, to) for a unit subtree. */
export async function countCasesReceived(db: Kysely<Database>, tenantId: number, unitPath: string, from: Date, to: Date): Promise<number> {
  const row = await db
    .selectFrom('cases as c')
    .innerJoin('units as u', 'u.id', 'c.unit_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('c.tenant_id', '=', tenantId)
    .where('u.path', 'like', likePrefix(unitPath))
    .where('c.created_at', '>=', from)
    .where('c.created_at', '<', to)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** A unit by id alone, for a public address that names no tenant. */
export async function findUnitById(db: Kysely<Database>, id: number) {
  return db.selectFrom('units').selectAll().where('id', '=', id).executeTakeFirst();
}
