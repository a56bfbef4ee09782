import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import type { Answers, SurveyDefinition } from '../surveys/instrument-schema';
import type { CaseOpener, CaseReason } from '../surveys/case-origins';
import { emitCaseEvents } from './case-events';
import { OPEN_CASE_STATUSES, type CaseStatus } from '../surveys/case-states';
import type { Database } from './types';

export interface NewCase {
  tenant_id: number;
  response_id: number | null;
  unit_id: number;
  opened_by: CaseOpener;
  reason: CaseReason;
  created_at: Date;
  due_at: Date;
}

/** A phone number already checked and normalised, with the moment consent was given. */
export interface NewContact {
  phone: string;
  consent_at: Date;
}

export interface CaseRow {
  id: number;
  response_id: number | null;
  unit_id: number;
  unit_name: string;
  unit_path: string;
  assigned_unit_id: number | null;
  assigned_unit_name: string | null;
  assigned_unit_path: string | null;
  assigned_user_id: number | null;
  assigned_username: string | null;
  status: CaseStatus;
  opened_by: CaseOpener;
  reason: CaseReason;
  due_at: Date;
  created_at: Date;
  assigned_at: Date | null;
  answered_at: Date | null;
  closed_at: Date | null;
  answer_text: string | null;
  close_reason: string | null;
  /** What an administrator published about the closed case (server/public-results/), and since when. */
  published_outcome: string | null;
  published_at: Date | null;
  /** In clear: only for masking on the way out, never to be sent as it is. */
  contact_phone: string | null;
  contact_consent_at: Date | null;
}

/** Which cases a query sees: the user's subtree and an optional unit filter, both by units.path prefix. */
export interface CaseScope {
  tenantId: number;
  /** The user's unit subtree; undefined = the whole tenant. */
  scopePath?: string | undefined;
  /** A unit subtree asked for in the filter. */
  unitPath?: string | undefined;
}

export interface CaseListFilter extends CaseScope {
  status?: CaseStatus | undefined;
  /** Only cases not yet answered whose due date has passed at `now`. */
  overdue?: boolean | undefined;
  /** Opened in [from, to). */
  from?: Date | undefined;
  to?: Date | undefined;
  now: Date;
  limit: number;
  before?: number | undefined;
}

/** Opens a case (and keeps the contact beside it); undefined when the response already has one. */
export async function openCase(db: Kysely<Database>, item: NewCase, contact?: NewContact): Promise<number | undefined> {
  const run = async (trx: Kysely<Database>) => {
    const row = await trx
      .insertInto('cases')
      .values({ ...item, status: 'received' })
      .onConflict((oc) => oc.column('response_id').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (row && contact) {
      await trx
        .insertInto('case_contacts')
        .values({ case_id: row.id, tenant_id: item.tenant_id, ...contact })
        .execute();
    }
    if (row) await emitCaseEvents(trx, item.tenant_id, [row.id], 'case.opened', new Date());
    return row?.id;
  };
  // Inside the writer's transaction when it calls us; otherwise case and contact commit together here.
  return db.isTransaction ? run(db) : db.transaction().execute(run);
}

/**
 * The case a stored response opened, if any, and whether a phone was left with it: what a
 * replayed submission's thank-you says again.
 */
export async function findResponseCase(
  db: Kysely<Database>,
  tenantId: number,
  responseId: number,
): Promise<{ due_at: Date; call_back: boolean } | undefined> {
  const row = await db
    .selectFrom('cases as c')
    .leftJoin('case_contacts as cc', 'cc.case_id', 'c.id')
    .select(['c.due_at', 'cc.case_id as contact_case_id'])
    .where('c.tenant_id', '=', tenantId)
    .where('c.response_id', '=', responseId)
    .executeTakeFirst();
  return row ? { due_at: row.due_at, call_back: row.contact_case_id !== null } : undefined;
}

function caseRows(db: Kysely<Database>, scope: CaseScope) {
  let q = db
    .selectFrom('cases as c')
    .innerJoin('units as u', 'u.id', 'c.unit_id')
    .leftJoin('units as au', 'au.id', 'c.assigned_unit_id')
    .leftJoin('case_contacts as cc', 'cc.case_id', 'c.id')
    .leftJoin('users as asu', 'asu.id', 'c.assigned_user_id')
    .select([
      'c.id',
      'c.response_id',
      'c.unit_id',
      'u.name as unit_name',
      'u.path as unit_path',
      'c.assigned_unit_id',
      'au.name as assigned_unit_name',
      'au.path as assigned_unit_path',
      'c.assigned_user_id',
      'asu.username as assigned_username',
      'c.status',
      'c.opened_by',
      'c.reason',
      'c.due_at',
      'c.created_at',
      'c.assigned_at',
      'c.answered_at',
      'c.closed_at',
      'c.answer_text',
      'c.close_reason',
      'c.published_outcome',
      'c.published_at',
      'cc.phone as contact_phone',
      'cc.consent_at as contact_consent_at',
    ])
    .where('c.tenant_id', '=', scope.tenantId);
  for (const path of [scope.scopePath, scope.unitPath]) if (path !== undefined) q = withinSubtree(q, path);
  return q;
}

// A case belongs to the unit where it happened and to the unit it was assigned to: both see it.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any query joining units as u and au, whatever else it selects
function withinSubtree<O>(q: SelectQueryBuilder<any, any, O>, path: string): SelectQueryBuilder<any, any, O> {
  return q.where((eb) => eb.or([eb('u.path', 'like', `${path}%`), eb('au.path', 'like', `${path}%`)]));
}

/** Cases newest first, in pages (`before` an id). */
export async function listCases(db: Kysely<Database>, f: CaseListFilter): Promise<CaseRow[]> {
  let q = caseRows(db, f);
  if (f.status) q = q.where('c.status', '=', f.status);
  if (f.overdue) q = q.where('c.status', 'in', OPEN_CASE_STATUSES).where('c.due_at', '<', f.now);
  if (f.from) q = q.where('c.created_at', '>=', f.from);
  if (f.to) q = q.where('c.created_at', '<', f.to);
  if (f.before !== undefined) q = q.where('c.id', '<', f.before);
  return await q.orderBy('c.id', 'desc').limit(f.limit).execute();
}

/** One case as the given scope sees it; undefined when it does not exist there. */
export async function findCase(db: Kysely<Database>, scope: CaseScope, id: number): Promise<CaseRow | undefined> {
  return await caseRows(db, scope).where('c.id', '=', id).executeTakeFirst();
}

export async function listCaseNotes(db: Kysely<Database>, tenantId: number, caseId: number) {
  return db
    .selectFrom('case_notes as n')
    .leftJoin('users as us', 'us.id', 'n.author_user_id')
    .select(['n.id', 'n.text', 'n.at', 'us.username as author'])
    .where('n.tenant_id', '=', tenantId)
    .where('n.case_id', '=', caseId)
    .orderBy('n.at')
    .orderBy('n.id')
    .execute();
}

export async function addCaseNote(
  db: Kysely<Database>,
  note: { tenant_id: number; case_id: number; author_user_id: number; text: string },
) {
  return db.insertInto('case_notes').values(note).returning(['id', 'at']).executeTakeFirstOrThrow();
}

/** The response behind a case (or to open one for), with its unit's path for the scope check. */
export async function findCaseResponse(db: Kysely<Database>, tenantId: number, responseId: number) {
  return db
    .selectFrom('responses as r')
    .innerJoin('units as u', 'u.id', 'r.unit_id')
    .innerJoin('survey_versions as sv', 'sv.id', 'r.survey_version_id')
    .leftJoin('counters as co', 'co.id', 'r.counter_id')
    .leftJoin('cases as c', 'c.response_id', 'r.id')
    .select([
      'r.id',
      'r.unit_id',
      'u.path as unit_path',
      'r.submitted_at',
      'r.sector_code',
      'r.channel',
      'r.answers',
      'r.comment',
      'r.dossier_code',
      'r.satisfied',
      'r.flags',
      'sv.definition',
      'co.code as counter_code',
      'co.name as counter_name',
      'c.id as case_id',
    ])
    .where('r.tenant_id', '=', tenantId)
    .where('r.id', '=', responseId)
    .executeTakeFirst() as Promise<
    | {
        id: number;
        unit_id: number;
        unit_path: string;
        submitted_at: Date;
        sector_code: string;
        channel: string;
        answers: Answers;
        comment: string | null;
        dossier_code: string | null;
        satisfied: boolean | null;
        flags: string[];
        definition: SurveyDefinition;
        counter_code: string | null;
        counter_name: string | null;
        case_id: number | null;
      }
    | undefined
  >;
}

export type CaseChange =
  | { to: 'assigned'; at: Date; assignedUnitId: number; assignedUserId: number | null; dueAt?: Date | undefined }
  | { to: 'answered'; at: Date; answerText: string }
  | { to: 'closed'; at: Date; closeReason?: string | undefined };

/**
 * Moves a case on, only if it is still in one of the `from` states: two people acting at once
 * cannot both win. Closing deletes the phone in the same transaction. Returns false when the case
 * was not in a `from` state (anymore).
 */
export async function transitionCase(
  db: Kysely<Database>,
  tenantId: number,
  id: number,
  from: readonly CaseStatus[],
  change: CaseChange,
): Promise<boolean> {
  const set =
    change.to === 'assigned'
      ? {
          status: change.to,
          assigned_unit_id: change.assignedUnitId,
          // A new assignment names its person, or none: whoever handled it before no longer does.
          assigned_user_id: change.assignedUserId,
          assigned_at: change.at,
          ...(change.dueAt ? { due_at: change.dueAt } : {}),
        }
      : change.to === 'answered'
        ? { status: change.to, answered_at: change.at, answer_text: change.answerText }
        : { status: change.to, closed_at: change.at, close_reason: change.closeReason ?? null };
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable('cases')
      .set(set)
      .where('tenant_id', '=', tenantId)
      .where('id', '=', id)
      .where('status', 'in', [...from])
      .returning('id')
      .executeTakeFirst();
    if (row && change.to === 'closed') {
      await deleteCaseContact(trx, tenantId, id);
      await emitCaseEvents(trx, tenantId, [id], 'case.closed', change.at);
    }
    return row !== undefined;
  });
}

/** Deletes the phone of a case (on closing, or when the citizen asks); true if there was one. */
export async function deleteCaseContact(db: Kysely<Database>, tenantId: number, caseId: number): Promise<boolean> {
  const result = await db.deleteFrom('case_contacts').where('tenant_id', '=', tenantId).where('case_id', '=', caseId).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export interface CaseFigures {
  open: number;
  overdue: number;
  answered: number;
  answeredOnTime: number;
}

/**
 * A period's complaint figures count the cases received within [from, to) only. Open and overdue
 * are as things stood at the period's end (or now, for a period not over yet): not yet answered
 * nor closed then, and for overdue past the due date then. Answered and answered on time count
 * those of the period's cases answered within it.
 */
export async function caseFigures(db: Kysely<Database>, scope: CaseScope & { from: Date; to: Date; now: Date }): Promise<CaseFigures> {
  const asOf = scope.to < scope.now ? scope.to : scope.now;
  // PostgreSQL's least() skips nulls: the moment the case stopped being open, or null while it still is.
  const openAtEnd = sql`c.created_at < ${asOf} and (least(c.answered_at, c.closed_at) is null or least(c.answered_at, c.closed_at) >= ${asOf})`;
  const answeredIn = sql`c.answered_at >= ${scope.from} and c.answered_at < ${scope.to}`;
  const row = await caseRows(db, scope)
    .clearSelect()
    .where('c.created_at', '>=', scope.from)
    .where('c.created_at', '<', scope.to)
    .select([
      sql<number>`(count(*) filter (where ${openAtEnd}))::int`.as('open'),
      sql<number>`(count(*) filter (where ${openAtEnd} and c.due_at < ${asOf}))::int`.as('overdue'),
      sql<number>`(count(*) filter (where ${answeredIn}))::int`.as('answered'),
      sql<number>`(count(*) filter (where ${answeredIn} and c.answered_at <= c.due_at))::int`.as('answered_on_time'),
    ])
    .executeTakeFirstOrThrow();
  return { open: row.open, overdue: row.overdue, answered: row.answered, answeredOnTime: row.answered_on_time };
}
