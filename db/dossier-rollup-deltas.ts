import { localDay } from '../surveys/time';
import { addCounts, DOSSIER_COUNTS, dossierOutcome, zeroCounts, type DossierCounts, type DossierFacts } from '../surveys/dossier-outcome';

/** Where a dossier's outcome is summed: its day (or month), receiving unit, sector and channel. */
export interface DossierCell {
  day: string;
  unit_id: number;
  sector_code: string;
  channel: string;
  counts: DossierCounts;
}

export interface DossierPlace extends DossierFacts {
  unitId: number;
  sectorCode: string;
}

/**
 * The change to rollup cells when dossiers move from their earlier state (or none) to a new one:
 * the old outcome taken away, the new one added; cells that net to zero are dropped. Sorted, so
 * writers lock cells in one order.
 */
export function dossierCellDeltas(changes: readonly { before: DossierPlace | null; after: DossierPlace }[]): DossierCell[] {
  const cells = new Map<string, DossierCell>();
  const apply = (d: DossierPlace, sign: 1 | -1) => {
    const outcome = dossierOutcome(d);
    if (!outcome) return;
    const id = [outcome.day, d.unitId, d.sectorCode, d.channel].join('|');
    let cell = cells.get(id);
    if (!cell) {
      cell = { day: outcome.day, unit_id: d.unitId, sector_code: d.sectorCode, channel: d.channel, counts: zeroCounts() };
      cells.set(id, cell);
    }
    addCounts(cell.counts, outcome.counts, sign);
  };
  for (const { before, after } of changes) {
    if (before) apply(before, -1);
    apply(after, 1);
  }
  return [...cells.entries()]
    .filter(([, c]) => DOSSIER_COUNTS.some((k) => c.counts[k] !== 0))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, c]) => c);
}

/** An open-dossier cell: the dossiers of a due day, unit, sector and channel still unfinished. */
export interface OpenCell {
  due_day: string;
  unit_id: number;
  sector_code: string;
  channel: string;
  open: number;
}

/** How the open counts move: a dossier is open while it has no finish time. */
export function openCellDeltas(changes: readonly { before: DossierPlace | null; after: DossierPlace }[]): OpenCell[] {
  const cells = new Map<string, OpenCell>();
  const apply = (d: DossierPlace, sign: 1 | -1) => {
    if (d.finishedAt) return;
    const due_day = localDay(d.dueAt);
    const id = [due_day, d.unitId, d.sectorCode, d.channel].join('|');
    const cell = cells.get(id) ?? { due_day, unit_id: d.unitId, sector_code: d.sectorCode, channel: d.channel, open: 0 };
    cell.open += sign;
    cells.set(id, cell);
  };
  for (const { before, after } of changes) {
    if (before) apply(before, -1);
    apply(after, 1);
  }
  return [...cells.entries()]
    .filter(([, c]) => c.open !== 0)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, c]) => c);
}
