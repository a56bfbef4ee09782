import { sql, type Kysely } from 'kysely';
import type { ReorganisationKind } from '../surveys/reorganisation';
import { announceCounterChange, noteCounterChange } from './counter-changes';
import type { Database, UnitKind } from './types';

/** A unit the event makes; its place in `create` is how the rest of the plan names it. */
export interface CreatedUnit {
  code: string;
  name: string;
  kind: UnitKind;
  parent_id: number | null;
}

/** A unit already there (id) or one the same event makes (position in `create`). */
export type UnitRef = { id: number } | { created: number };

/** Everything one reorganisation writes, checked before (server/units/reorganisation-plan.ts). */
export interface ReorganisationWrite {
  tenantId: number;
  kind: ReorganisationKind;
  effectiveOn: string;
  /** The predecessors' last day (the day before effectiveOn). */
  lastDay: string;
  note: string | null;
  createdBy: number | null;
  /** Predecessors that end on lastDay. */
  end: readonly number[];
  /** Successors that start on effectiveOn. */
  create: readonly CreatedUnit[];
  /** A unit changed in place: a rename or a move (the units_move trigger takes its subtree along). */
  inPlace?: { id: number; name?: string; parent_id?: number | null };
  links: readonly { from: number; to: UnitRef; share: number }[];
  counters: readonly { id: number; to: UnitRef }[];
  children: readonly { id: number; to: UnitRef }[];
}

/** The write with every new unit's id known: what the event's record and audit entry are made of. */
export interface Resolved {
  id: number;
  created: number[];
  resolve: (ref: UnitRef) => number;
}

/** Another change got there first (a predecessor already ended, the event already undone): nothing was written. */
export class ChangedMeanwhileError extends Error {
  constructor() {
    super('the units or the event changed while this was being checked');
  }
}

export type AlongWith<T> = (trx: Kysely<Database>, result: T) => Promise<Record<string, unknown>>;

/**
 * One reorganisation, all or nothing: predecessors end, new successors start (their codes are free
 * once the predecessors ended), counters and child units move, links and the event are stored,
 * and `along` (the audit entry) runs last and gives the record kept in the event's details.
 */
export async function writeReorganisation(db: Kysely<Database>, w: ReorganisationWrite, along: AlongWith<Resolved>) {
  const result = await db.transaction().execute((trx) => writeOne(trx, w, along));
  if (w.counters.length > 0) noteCounterChange();
  return result;
}

/**
 * Several reorganisations (the events of one imported sheet) in one transaction: every one is
 * written, in order, or none is. `along` runs last for each, as for one.
 */
export async function writeReorganisations(db: Kysely<Database>, ws: readonly ReorganisationWrite[], along: AlongWith<Resolved>[]) {
  const results = await db.transaction().execute(async (trx) => {
    const done = [];
    for (const [i, w] of ws.entries()) done.push(await writeOne(trx, w, along[i]!));
    return done;
  });
  if (ws.some((w) => w.counters.length > 0)) noteCounterChange();
  return results;
}

async function writeOne(trx: Kysely<Database>, w: ReorganisationWrite, along: AlongWith<Resolved>) {
  const event = await trx
    .insertInto('unit_reorganisations')
    .values({ tenant_id: w.tenantId, kind: w.kind, effective_on: w.effectiveOn, note: w.note, created_by: w.createdBy })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (w.end.length > 0) {
    const ended = await trx
      .updateTable('units')
      .set({ valid_to: w.lastDay })
      .where('tenant_id', '=', w.tenantId)
      .where('id', 'in', w.end)
      .where('valid_to', 'is', null)
      .executeTakeFirst();
    if (Number(ended.numUpdatedRows) !== w.end.length) throw new ChangedMeanwhileError();
  }
  const created: number[] = [];
  for (const u of w.create) {
    const row = await trx
      .insertInto('units')
      .values({ tenant_id: w.tenantId, ...u, valid_from: w.effectiveOn })
      .returning('id')
      .executeTakeFirstOrThrow();
    created.push(row.id);
  }
  const resolve = (ref: UnitRef) => ('id' in ref ? ref.id : created[ref.created]!);
  if (w.inPlace) {
    const { id, ...changes } = w.inPlace;
    await trx.updateTable('units').set(changes).where('tenant_id', '=', w.tenantId).where('id', '=', id).execute();
  }
  for (const c of w.children) {
    await trx
      .updateTable('units')
      .set({ parent_id: resolve(c.to) })
      .where('tenant_id', '=', w.tenantId)
      .where('id', '=', c.id)
      .execute();
  }
  for (const c of w.counters) {
    await trx
      .updateTable('counters')
      .set({ unit_id: resolve(c.to) })
      .where('tenant_id', '=', w.tenantId)
      .where('id', '=', c.id)
      .execute();
    await announceCounterChange(trx, w.tenantId, c.id);
  }
  if (w.links.length > 0) {
    await trx
      .insertInto('unit_links')
      .values(
        w.links.map((l) => ({
          tenant_id: w.tenantId,
          reorganisation_id: event.id,
          from_unit_id: l.from,
          to_unit_id: resolve(l.to),
          share: l.share,
        })),
      )
      .execute();
  }
  const details = await along(trx, { id: event.id, created, resolve });
  await trx
    .updateTable('unit_reorganisations')
    .set({ details: JSON.stringify(details) })
    .where('id', '=', event.id)
    .execute();
  return { id: event.id, created, details };
}

export async function findReorganisation(db: Kysely<Database>, tenantId: number, id: number) {
  return db.selectFrom('unit_reorganisations').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
}

/** The tenant's reorganisations, newest effective day first. */
export async function listReorganisations(db: Kysely<Database>, tenantId: number) {
  return db
    .selectFrom('unit_reorganisations as r')
    .leftJoin('users as creator', 'creator.id', 'r.created_by')
    .leftJoin('users as undoer', 'undoer.id', 'r.undone_by')
    .selectAll('r')
    .select(['creator.username as created_by_name', 'undoer.username as undone_by_name'])
    .where('r.tenant_id', '=', tenantId)
    .orderBy('r.effective_on', 'desc')
    .orderBy('r.id', 'desc')
    .execute();
}

/** The links still standing of the given events. */
export async function linksOf(db: Kysely<Database>, tenantId: number, ids: readonly number[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('unit_links').selectAll().where('tenant_id', '=', tenantId).where('reorganisation_id', 'in', ids).execute();
}

/**
 * Answers that arrived under the new tree: at a successor or a moved counter from `since` on, or
 * at a unit the event made at any time. Any of them keeps the event from being undone.
 */
export async function answersUnderNewTree(
  db: Kysely<Database>,
  tenantId: number,
  since: Date,
  successors: readonly number[],
  counters: readonly number[],
  created: readonly number[],
): Promise<number> {
  if (successors.length === 0 && counters.length === 0 && created.length === 0) return 0;
  const row = await db
    .selectFrom('responses')
    .select(sql<string>`count(*)`.as('n'))
    .where('tenant_id', '=', tenantId)
    .where((eb) =>
      eb.or([
        ...(created.length > 0 ? [eb('unit_id', 'in', created)] : []),
        eb.and([
          eb('submitted_at', '>=', since),
          eb.or([
            ...(successors.length > 0 ? [eb('unit_id', 'in', successors)] : []),
            ...(counters.length > 0 ? [eb('counter_id', 'in', counters)] : []),
          ]),
        ]),
      ]),
    )
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** What an undo puts back, read from the event's record. */
export interface UndoWrite {
  tenantId: number;
  id: number;
  undoneBy: number | null;
  counters: readonly { id: number; unitId: number }[];
  children: readonly { id: number; parentId: number | null }[];
  inPlace?: { id: number; name?: string; parent_id?: number | null };
  /** Units the event made: removed, after their counters and children went back. */
  remove: readonly number[];
  /** Predecessors: in force again. */
  reopen: readonly number[];
}

/** An event undone, all or nothing, with `along` (the audit entry) last. */
export async function undoReorganisation(
  db: Kysely<Database>,
  u: UndoWrite,
  check: (trx: Kysely<Database>) => Promise<void>,
  along: (trx: Kysely<Database>) => Promise<void>,
) {
  await db.transaction().execute(async (trx) => {
    // The event's row first, so two undos of it wait on each other; then the checks again, inside.
    const marked = await trx
      .updateTable('unit_reorganisations')
      .set({ undone_at: new Date(), undone_by: u.undoneBy })
      .where('tenant_id', '=', u.tenantId)
      .where('id', '=', u.id)
      .where('undone_at', 'is', null)
      .executeTakeFirst();
    if (Number(marked.numUpdatedRows) !== 1) throw new ChangedMeanwhileError();
    await check(trx);
    for (const c of u.counters) {
      await trx.updateTable('counters').set({ unit_id: c.unitId }).where('tenant_id', '=', u.tenantId).where('id', '=', c.id).execute();
    }
    for (const c of u.children) {
      await trx.updateTable('units').set({ parent_id: c.parentId }).where('tenant_id', '=', u.tenantId).where('id', '=', c.id).execute();
    }
    if (u.inPlace) {
      const { id, ...changes } = u.inPlace;
      await trx.updateTable('units').set(changes).where('tenant_id', '=', u.tenantId).where('id', '=', id).execute();
    }
    await trx.deleteFrom('unit_links').where('tenant_id', '=', u.tenantId).where('reorganisation_id', '=', u.id).execute();
    if (u.remove.length > 0) await trx.deleteFrom('units').where('tenant_id', '=', u.tenantId).where('id', 'in', u.remove).execute();
    if (u.reopen.length > 0) {
      await trx.updateTable('units').set({ valid_to: null }).where('tenant_id', '=', u.tenantId).where('id', 'in', u.reopen).execute();
    }
    await along(trx);
    for (const c of u.counters) await announceCounterChange(trx, u.tenantId, c.id);
  });
  if (u.counters.length > 0) noteCounterChange();
}

/** The counters in service at these units. */
export async function countersInService(db: Kysely<Database>, tenantId: number, unitIds: readonly number[]) {
  if (unitIds.length === 0) return [];
  return db
    .selectFrom('counters')
    .select(['id', 'code', 'name', 'unit_id'])
    .where('tenant_id', '=', tenantId)
    .where('unit_id', 'in', unitIds)
    .where('retired_at', 'is', null)
    .orderBy('code')
    .execute();
}

/** The units in force directly under these units. */
export async function childrenInForce(db: Kysely<Database>, tenantId: number, unitIds: readonly number[]) {
  if (unitIds.length === 0) return [];
  return db
    .selectFrom('units')
    .select(['id', 'code', 'name', 'kind', 'parent_id'])
    .where('tenant_id', '=', tenantId)
    .where('parent_id', 'in', unitIds)
    .where('valid_to', 'is', null)
    .orderBy('path')
    .execute();
}
