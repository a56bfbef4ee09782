import type { Kysely } from 'kysely';
import type { StatsFilter } from '../../db/stats';
import type { Database } from '../../db/types';
import { standingReorganisationsBetween } from '../../db/unit-lineage';
import { listUnits } from '../../db/units';
import type { ReorganisationKind } from '../../surveys/reorganisation';
import type { ReorganisationRecord } from '../units/reorganisation-undo';

export interface ReorganisationBreak {
  day: string;
  month: string;
  kind: ReorganisationKind;
  from: { code: string; name: string }[];
  to: { code: string; name: string }[];
}

/**
 * The reorganisations standing within the filter's period that touch its units (one of the
 * event's units counts, in the view, inside the chosen subtree): a trend marks them as breaks,
 * since the units behind a line changed on that day.
 */
export async function reorganisationBreaks(db: Kysely<Database>, filter: StatsFilter): Promise<ReorganisationBreak[]> {
  const events = await standingReorganisationsBetween(db, filter.tenantId, filter.from, filter.to);
  if (events.length === 0) return [];
  const within = await subtreeTest(db, filter);
  return events
    .map((e) => ({ e, r: e.details as unknown as ReorganisationRecord }))
    .filter(({ r }) => [...r.predecessors, ...r.successors].some((u) => within(u.id)))
    .map(({ e, r }) => ({
      day: e.effective_on,
      month: e.effective_on.slice(0, 7),
      kind: e.kind as ReorganisationKind,
      from: r.predecessors.map(({ code, name }) => ({ code, name })),
      to: r.successors.map(({ code, name }) => ({ code, name })),
    }));
}

/** Whether a unit's answers count, in the filter's view, for a unit of its subtree. */
async function subtreeTest(db: Kysely<Database>, filter: StatsFilter): Promise<(unitId: number) => boolean> {
  const prefix = filter.unitPath;
  if (prefix === undefined) return () => true;
  const lineage = filter.view?.lineage ?? [];
  const paths = new Map<number, string[]>();
  for (const u of await listUnits(db, filter.tenantId)) paths.set(u.id, [u.path]);
  const viewed = new Map<number, string[]>();
  for (const l of lineage) viewed.set(l.from_unit_id, [...(viewed.get(l.from_unit_id) ?? []), l.to_path]);
  return (id) => (viewed.get(id) ?? paths.get(id) ?? []).some((p) => p.startsWith(prefix));
}
