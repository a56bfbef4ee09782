import type { Kysely } from 'kysely';
import { sectorCountsFromRollups } from '../../db/stats';
import type { Database } from '../../db/types';
import { listUnitsInForce } from '../../db/units';
import { suppressCells, type DisclosureCell, type HiddenReason, type SumRule } from '../../surveys/disclosure-control';
import type { Period } from '../../surveys/periods';
import type { PublicPeriods } from '../../surveys/public-periods';
import { applyView } from '../http/stats-view';

export const ALL_SECTORS = '*';
export const cellId = (unitId: number, period: Period, sector: string) => `${unitId}|${period.from}|${sector}`;

type Unit = { id: number; parent_id: number | null; path: string };
type Counts = { n: number; satisfied: number };

/**
 * Which published cells of a tenant are hidden: decided once over every unit, period and sector
 * the public pages show, so that no combination of pages gives a small cell away.
 */
export async function hiddenCells(
  db: Kysely<Database>,
  tenantId: number,
  periods: PublicPeriods,
  today: string,
  threshold: number,
): Promise<Map<string, HiddenReason>> {
  const units: Unit[] = await listUnitsInForce(db, tenantId);
  const all = [...periods.quarters, periods.latestYear];
  const counts = await Promise.all(
    all.map(async (p) => sectorCountsFromRollups(db, await applyView(db, { tenantId, from: p.from, to: p.to }, today), 'unit')),
  );
  const sectors = [...new Set(counts.flat().map((c) => c.sector))];
  const cells: DisclosureCell[] = [];
  const sums: SumRule[] = [];
  all.forEach((period, i) => {
    const own = new Map<string, Counts>();
    for (const c of counts[i]!) own.set(`${c.key}|${c.sector}`, { n: c.valid, satisfied: c.satisfied });
    const add = (cells: (Counts | undefined)[]) =>
      cells.reduce<Counts>((sum, k) => ({ n: sum.n + (k?.n ?? 0), satisfied: sum.satisfied + (k?.satisfied ?? 0) }), {
        n: 0,
        satisfied: 0,
      });
    const ownOf = (unit: Unit, sector: string) => add((sector === ALL_SECTORS ? sectors : [sector]).map((s) => own.get(`${unit.id}|${s}`)));
    const subtree = (unit: Unit, sector: string) => add(units.filter((u) => u.path.startsWith(unit.path)).map((u) => ownOf(u, sector)));
    for (const unit of units) {
      const children = units.filter((u) => u.parent_id === unit.id);
      for (const sector of [ALL_SECTORS, ...sectors]) {
        const id = cellId(unit.id, period, sector);
        // Every cell is on some page: the quarter and the year by sector, and the trend by sector and quarter.
        cells.push({ id, ...subtree(unit, sector), shown: true });
        if (children.length === 0) continue;
        // The unit's own counters, never published: a member of the sum while it has answers.
        const direct = ownOf(unit, sector);
        const parts = children.map((c) => cellId(c.id, period, sector));
        if (direct.n > 0) {
          cells.push({ id: `${id}|own`, ...direct, shown: false });
          parts.push(`${id}|own`);
        }
        sums.push({ total: id, parts });
      }
      sums.push({ total: cellId(unit.id, period, ALL_SECTORS), parts: sectors.map((s) => cellId(unit.id, period, s)) });
    }
  });
  // When the trend's four quarters make up the year shown, the year is their sum.
  const yearQuarters = periods.quarters.filter((q) => q.from.slice(0, 4) === periods.latestYear.from.slice(0, 4));
  if (yearQuarters.length === 4) {
    for (const unit of units) {
      for (const sector of [ALL_SECTORS, ...sectors]) {
        sums.push({ total: cellId(unit.id, periods.latestYear, sector), parts: yearQuarters.map((q) => cellId(unit.id, q, sector)) });
      }
    }
  }
  return suppressCells(cells, sums, threshold);
}
