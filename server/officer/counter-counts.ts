import type { SatisfiedCount } from '../../db/stats';
import { inScope } from '../http/unit-scope';

/** The first days of the three periods an officer sees counted up to today: today, this month, this year. */
export function countingStarts(today: string): { day: string; month: string; year: string } {
  return { day: today, month: `${today.slice(0, 7)}-01`, year: `${today.slice(0, 4)}-01-01` };
}

/**
 * Each counter in service within the officer's units, with how many answers it received in each
 * period (counts keyed by counter id): numbers only, never the answers. An officer linked to
 * counters (`staffed`, counter ids from counter_staff) sees those of them that are in service and
 * in scope; one linked to none of those sees every counter of their units, as before links existed.
 */
export function counterCounts(
  counters: readonly { id: number; code: string; name: string; unit_id: number; retired_at: Date | null }[],
  units: readonly { id: number; path: string }[],
  scope: string | undefined,
  counts: { day: readonly SatisfiedCount[]; month: readonly SatisfiedCount[]; year: readonly SatisfiedCount[] },
  staffed: ReadonlySet<number> = new Set(),
) {
  const pathOf = new Map(units.map((u) => [u.id, u.path]));
  const count = (rows: readonly SatisfiedCount[], id: number) => rows.find((r) => r.key === String(id))?.valid ?? 0;
  const open = counters.filter((k) => !k.retired_at && inScope(scope, pathOf.get(k.unit_id) ?? ''));
  const linked = open.filter((k) => staffed.has(k.id));
  return (linked.length > 0 ? linked : open).map((k) => ({
    code: k.code,
    name: k.name,
    today: count(counts.day, k.id),
    month: count(counts.month, k.id),
    year: count(counts.year, k.id),
  }));
}
