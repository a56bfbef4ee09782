import type { SatisfiedCount } from '../../db/stats';
import { alertKinds } from '../../surveys/alerts';
import { sectorName } from '../../surveys/sectors';
import { rate, summarize } from '../../surveys/statistics';

/** What the alert list is made of: each sector × unit pair's counts in the window and the one before. */
export interface AlertSources {
  /** Keyed 'sector|unitId'. */
  now: readonly SatisfiedCount[];
  before: readonly SatisfiedCount[];
  unitName: ReadonlyMap<number, string>;
  targets: (sector: string, year: number) => number;
  year: number;
}

/**
 * Every sector × unit pair that needs attention, once, with every reason why (below target, fallen
 * sharply, or both), furthest below target first.
 */
export function alertList({ now, before, unitName, targets, year }: AlertSources) {
  const earlier = new Map(before.map((r) => [r.key, r]));
  const alerts = now.flatMap((r) => {
    const [sector = '', unit = ''] = r.key.split('|');
    const prev = earlier.get(r.key) ?? { satisfied: 0, valid: 0 };
    const target = targets(sector, year);
    const kinds = alertKinds({ current: r, previous: prev, target });
    const summary = summarize({ satisfied: r.satisfied, valid: r.valid, target });
    const prevRate = rate(prev.satisfied, prev.valid);
    if (kinds.length === 0) return [];
    return [
      {
        kinds,
        sector,
        sectorLabel: sectorName(sector, 'vi'),
        unitId: Number(unit),
        unitName: unitName.get(Number(unit)) ?? unit,
        current: { n: summary.n, satisfied: summary.satisfied, rate: summary.rate, interval: summary.interval, target },
        previous: { n: prev.valid, rate: prevRate },
        drop: prevRate !== null && summary.rate !== null ? prevRate - summary.rate : null,
      },
    ];
  });
  // Furthest below target first.
  alerts.sort((a, b) => (a.current.rate ?? 0) - a.current.target - ((b.current.rate ?? 0) - b.current.target));
  return alerts;
}
