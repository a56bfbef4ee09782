import type { Kysely } from 'kysely';
import { listOverdueCases } from '../../db/notifications';
import { satisfiedCountsFromRollups, type StatsFilter } from '../../db/stats';
import type { Database } from '../../db/types';
import { listUnits } from '../../db/units';
import { addDays, localDay } from '../../surveys/time';
import { alertList } from '../alerts/alert-list';
import { targetLookup } from '../stats/target-lookup';
import type { AlertSummary } from './alert-mail';

const WINDOW_DAYS = 30;

export interface FoundAlert {
  /** The alert's identity: the same alert found again has the same key, so it is sent once. */
  key: string;
  unitId: number;
  unitPath: string;
  summary: AlertSummary;
  webhook: { event: 'case.overdue' | 'alert.raised'; data: Record<string, unknown> };
}

/**
 * Every alert of a tenant at `now`: overdue complaint cases (one identity per case), and the
 * dashboard's alerts (below target, a sharp drop) over the 30 days to `now`, one identity per
 * kind, sector, unit and Vietnam-local month, so a lasting problem is told once a month.
 */
export async function findAlerts(db: Kysely<Database>, tenantId: number, now: Date): Promise<FoundAlert[]> {
  const overdue = (await listOverdueCases(db, tenantId, now)).map((c): FoundAlert => ({
    key: `case_overdue|${c.id}`,
    unitId: c.unit_id,
    unitPath: c.unit_path,
    summary: { kind: 'case_overdue', unitName: c.unit_name, caseId: c.id, dueAt: new Date(c.due_at).toISOString() },
    webhook: {
      event: 'case.overdue',
      data: { caseId: c.id, unitId: c.unit_id, unitName: c.unit_name, state: c.status, openedAt: c.created_at, dueAt: c.due_at },
    },
  }));
  const asOf = localDay(now);
  const current: StatsFilter = { tenantId, from: addDays(asOf, -(WINDOW_DAYS - 1)), to: asOf };
  const previous: StatsFilter = { tenantId, from: addDays(asOf, -(2 * WINDOW_DAYS - 1)), to: addDays(asOf, -WINDOW_DAYS) };
  const [nowCounts, before, units, targets] = await Promise.all([
    satisfiedCountsFromRollups(db, current, 'sector_unit'),
    satisfiedCountsFromRollups(db, previous, 'sector_unit'),
    listUnits(db, tenantId),
    targetLookup(db, current),
  ]);
  const unitById = new Map(units.map((u) => [u.id, u]));
  const unitName = new Map(units.map((u) => [u.id, u.name]));
  const dashboard = alertList({ now: nowCounts, before, unitName, targets, year: Number(asOf.slice(0, 4)) }).flatMap((a) =>
    a.kinds.map((kind): FoundAlert => {
      const k = kind === 'below_target' ? 'below_target' : 'sharp_drop';
      return {
        key: `${k}|${a.sector}|${a.unitId}|${asOf.slice(0, 7)}`,
        unitId: a.unitId,
        unitPath: unitById.get(a.unitId)?.path ?? `/${a.unitId}/`,
        summary: { kind: k, unitName: a.unitName, sectorLabel: a.sectorLabel, rate: a.current.rate, target: a.current.target },
        webhook: {
          event: 'alert.raised',
          data: { kind: k, unitId: a.unitId, unitName: a.unitName, sector: a.sector, rate: a.current.rate, target: a.current.target, asOf },
        },
      };
    }),
  );
  return [...overdue, ...dashboard];
}
