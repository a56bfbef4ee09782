import type { Kysely } from 'kysely';
import { lineageOn, type LineageEvent, type LineageRow } from '../surveys/unit-lineage';
import type { Database } from './types';

interface RecordedChanges {
  kind?: string;
  unitId?: number;
  before?: { parentId?: number | null };
  children?: { id: number; fromParentId: number | null }[];
}

/** The tenant's standing reorganisations (not undone), with their links and the parents they changed. */
export async function standingReorganisations(db: Kysely<Database>, tenantId: number): Promise<LineageEvent[]> {
  const [events, links] = await Promise.all([
    db
      .selectFrom('unit_reorganisations')
      .select(['id', 'effective_on', 'details'])
      .where('tenant_id', '=', tenantId)
      .where('undone_at', 'is', null)
      .execute(),
    db
      .selectFrom('unit_links')
      .select(['reorganisation_id', 'from_unit_id', 'to_unit_id', 'share'])
      .where('tenant_id', '=', tenantId)
      .execute(),
  ]);
  return events.map((e) => {
    const record = e.details as RecordedChanges;
    const parentChanges = (record.children ?? []).map((c) => ({ unitId: c.id, fromParentId: c.fromParentId }));
    if (record.kind === 'move' && record.unitId !== undefined && record.before && 'parentId' in record.before) {
      parentChanges.push({ unitId: record.unitId, fromParentId: record.before.parentId ?? null });
    }
    return {
      id: e.id,
      effective_on: e.effective_on,
      links: links.filter((l) => l.reorganisation_id === e.id).map((l) => ({ from: l.from_unit_id, to: l.to_unit_id, share: l.share })),
      parentChanges,
    };
  });
}

/** Where each unit's answers count in the tree in force on `day` (surveys/unit-lineage.ts). */
export async function unitLineageOn(db: Kysely<Database>, tenantId: number, day: string): Promise<LineageRow[]> {
  const [units, events] = await Promise.all([
    db.selectFrom('units').select(['id', 'parent_id', 'path']).where('tenant_id', '=', tenantId).execute(),
    standingReorganisations(db, tenantId),
  ]);
  return events.length === 0 ? [] : lineageOn(day, units, events);
}

/** The standing reorganisations effective within [from, to], oldest first, with their records. */
export async function standingReorganisationsBetween(db: Kysely<Database>, tenantId: number, from: string, to: string) {
  return db
    .selectFrom('unit_reorganisations')
    .select(['effective_on', 'kind', 'details'])
    .where('tenant_id', '=', tenantId)
    .where('undone_at', 'is', null)
    .where('effective_on', '>=', from)
    .where('effective_on', '<=', to)
    .orderBy('effective_on')
    .orderBy('id')
    .execute();
}
