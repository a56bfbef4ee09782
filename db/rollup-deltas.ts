import type { Answers } from '../surveys/instrument-schema';
import { localDay, localMonth, VIETNAM_OFFSET_MS } from '../surveys/time';
import type { Insertable } from 'kysely';
import type { Channel } from '../surveys/channels';
import type { DailyRollupsTable, HourlyRollupsTable, MonthlyRollupsTable } from './types';

/** The rollup row that carries each response's satisfied (1) / not satisfied (0) verdict. */
export const SATISFIED_KEY = '_satisfied';

export interface RollupSource {
  tenant_id: number;
  submitted_at: Date;
  unit_id: number;
  counter_id: number;
  sector_code: string;
  survey_version_id: number;
  channel: Channel;
  answers: Answers;
  satisfied: boolean | null;
  weight: number;
}

/** One increment of a rollup cell: the row inserted, or added to the stored one. */
export type RollupDelta = Insertable<DailyRollupsTable>;

/**
 * Folds responses into per-cell increments. "No opinion" (null) is left out, as it is left out
 * of every denominator. Sorted so that concurrent writers lock rows in one order (no deadlocks).
 */
export function rollupDeltas(responses: readonly RollupSource[]): RollupDelta[] {
  const cells = new Map<string, RollupDelta>();
  const bump = (r: RollupSource, day: string, question_key: string, value: number) => {
    const id = [r.tenant_id, question_key, day, r.unit_id, r.counter_id, r.sector_code, r.survey_version_id, r.channel, value].join('|');
    const cell = cells.get(id);
    if (cell) {
      cell.count += 1;
      cell.weight_sum += r.weight;
      return;
    }
    cells.set(id, {
      tenant_id: r.tenant_id,
      day,
      unit_id: r.unit_id,
      counter_id: r.counter_id,
      sector_code: r.sector_code,
      survey_version_id: r.survey_version_id,
      channel: r.channel,
      question_key,
      value,
      count: 1,
      weight_sum: r.weight,
    });
  };
  for (const r of responses) {
    const day = localDay(r.submitted_at);
    for (const [key, value] of Object.entries(r.answers)) {
      // A multiple-choice answer counts once for each option ticked; short texts are not counted.
      if (typeof value === 'number') bump(r, day, key, value);
      else if (Array.isArray(value)) for (const code of value) bump(r, day, key, code);
    }
    if (r.satisfied !== null) bump(r, day, SATISFIED_KEY, r.satisfied ? 1 : 0);
  }
  return [...cells.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, cell]) => cell);
}

export type HourlyDelta = Insertable<HourlyRollupsTable>;

/** Folds responses into per-hour increments (Vietnam time), sorted like rollupDeltas. */
export function hourlyDeltas(responses: readonly RollupSource[]): HourlyDelta[] {
  return countCells(responses, (r) => {
    const day = localDay(r.submitted_at);
    const hour = new Date(r.submitted_at.getTime() + VIETNAM_OFFSET_MS).getUTCHours();
    return { id: `${day}|${String(hour).padStart(2, '0')}`, cell: { day, hour } };
  });
}

export type MonthlyDelta = Insertable<MonthlyRollupsTable>;

/** Folds responses into per-month increments (Vietnam time; month = its first day), sorted. */
export function monthlyDeltas(responses: readonly RollupSource[]): MonthlyDelta[] {
  return countCells(responses, (r) => {
    const month = `${localMonth(r.submitted_at)}-01`;
    return { id: month, cell: { month } };
  });
}

type CellCounts = { responses: number; valid: number; satisfied: number };
type CellKeys = Pick<RollupSource, 'tenant_id' | 'unit_id' | 'counter_id' | 'sector_code' | 'survey_version_id' | 'channel'>;

/** Answers, valid answers and satisfied answers per time slot and cell, sorted by cell. */
function countCells<Slot extends object>(
  responses: readonly RollupSource[],
  slotOf: (r: RollupSource) => { id: string; cell: Slot },
): (CellKeys & Slot & CellCounts)[] {
  const cells = new Map<string, CellKeys & Slot & CellCounts>();
  for (const r of responses) {
    const slot = slotOf(r);
    const id = [r.tenant_id, slot.id, r.unit_id, r.counter_id, r.sector_code, r.survey_version_id, r.channel].join('|');
    let cell = cells.get(id);
    if (!cell) {
      const { tenant_id, unit_id, counter_id, sector_code, survey_version_id, channel } = r;
      cell = {
        tenant_id,
        ...slot.cell,
        unit_id,
        counter_id,
        sector_code,
        survey_version_id,
        channel,
        responses: 0,
        valid: 0,
        satisfied: 0,
      };
      cells.set(id, cell);
    }
    cell.responses += 1;
    if (r.satisfied !== null) cell.valid += 1;
    if (r.satisfied === true) cell.satisfied += 1;
  }
  return [...cells.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, cell]) => cell);
}
