import type { LocalizedText } from './localized-text';
import { inPlanOrder, OVERALL_KEY, OVERALL_TARGET, SECTORS } from './sectors';
import { localDay } from './time';

/**
 * Which target is in force for a plan year (docs/domain.md §2), and the checks an administrator's
 * change of a plan year goes through. Pure: the plan's rows come from db/sectors.ts.
 */

/** One row of a tenant's plan: the target a plan year set for a sector (or OVERALL_KEY). */
export interface PlanRow {
  sector_code: string;
  year: number;
  target: number;
}

/** Where a target in force comes from. */
export type TargetSource =
  /** A plan year's own row for this sector (that year or the latest earlier one). */
  | 'plan'
  /** No plan row for this sector: the built-in default of surveys/sectors.ts. */
  | 'default'
  /** A sector the tenant added, with no target of its own: the overall target in force. */
  | 'overall';

export interface TargetInForce {
  target: number;
  /** The plan year whose row set it; null for a built-in default. */
  fromYear: number | null;
  source: TargetSource;
}

/** First and last plan year an administrator may name. */
export const PLAN_YEAR_MIN = 2000;
export const PLAN_YEAR_MAX = 2100;

/** The plan year now: the calendar year in Vietnam (1 January 00:00 in Hà Nội, not UTC). */
export function currentPlanYear(now: Date = new Date()): number {
  return Number(localDay(now).slice(0, 4));
}

/**
 * The rule, once: for a year, a sector's target is the one its latest plan year up to that year set
 * (a year without its own row keeps the earlier plan's); with no such row, the built-in default of a
 * plan sector, or for a sector the tenant added the overall target in force. `rows` may hold any
 * years; later years are ignored.
 */
export function targetInForce(rows: readonly PlanRow[], sector: string, year: number): TargetInForce {
  const own = latestRow(rows, sector, year);
  if (own) return { target: own.target, fromYear: own.year, source: 'plan' };
  if (sector === OVERALL_KEY) return { target: OVERALL_TARGET, fromYear: null, source: 'default' };
  const builtIn = SECTORS.find((s) => s.code === sector);
  if (builtIn) return { target: builtIn.defaultTarget, fromYear: null, source: 'default' };
  const overall = targetInForce(rows, OVERALL_KEY, year);
  return { ...overall, source: overall.source === 'plan' ? 'overall' : 'default' };
}

function latestRow(rows: readonly PlanRow[], sector: string, year: number): PlanRow | undefined {
  let best: PlanRow | undefined;
  for (const row of rows) {
    if (row.sector_code !== sector || row.year > year) continue;
    if (!best || row.year > best.year) best = row;
  }
  return best;
}

/** A sector as the tenant lists it. */
export interface TenantSector {
  code: string;
  name: LocalizedText;
  isLocal: boolean;
}

export interface TargetLine extends TargetInForce {
  /** A sector code, or OVERALL_KEY for all sectors together (listed first). */
  sector: string;
  name: LocalizedText;
  isLocal: boolean;
}

const OVERALL_NAME: LocalizedText = { vi: 'Tổng thể (tất cả lĩnh vực)', en: 'Overall (all sectors)' };

/** What GET /api/targets shows for a year: overall first, then every sector in plan order, the tenant's own after. */
export function targetLines(rows: readonly PlanRow[], sectors: readonly TenantSector[], year: number): TargetLine[] {
  const ordered = inPlanOrder(
    sectors,
    (s) => s.code,
    sectors.filter((s) => s.isLocal).map((s) => s.code),
  );
  return [
    { sector: OVERALL_KEY, name: OVERALL_NAME, isLocal: false, ...targetInForce(rows, OVERALL_KEY, year) },
    ...ordered.map((s) => ({ sector: s.code, name: s.name, isLocal: s.isLocal, ...targetInForce(rows, s.code, year) })),
  ];
}

/** Plan years that have rows of their own, oldest first. */
export function planYears(rows: readonly PlanRow[]): number[] {
  return [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b);
}

/** A target an administrator may set: above 0, at most 100, with at most one decimal (85 or 87.5). */
export function targetProblem(value: unknown): LocalizedText | undefined {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    return { vi: 'Chỉ tiêu phải là một số, ví dụ 85 hoặc 87,5.', en: 'The target must be a number, e.g. 85 or 87.5.' };
  }
  if (value <= 0 || value > 100) {
    return { vi: 'Chỉ tiêu phải lớn hơn 0 và không quá 100 (%).', en: 'The target must be above 0 and at most 100 (%).' };
  }
  if (Math.abs(Math.round(value * 10) - value * 10) > 1e-9) {
    return { vi: 'Chỉ tiêu có nhiều nhất một chữ số thập phân, ví dụ 87,5.', en: 'The target has at most one decimal, e.g. 87.5.' };
  }
  return undefined;
}

/** Shortest reason accepted for changing a past plan year. */
export const MIN_REASON_LENGTH = 10;

/**
 * A past plan year's results were already judged against its targets: changing one needs a reason
 * (at least MIN_REASON_LENGTH characters), kept in the audit log. The current and later years need none.
 */
export function reasonProblem(year: number, currentYear: number, reason: string | undefined): LocalizedText | undefined {
  if (year >= currentYear) return undefined;
  if ((reason ?? '').trim().length >= MIN_REASON_LENGTH) return undefined;
  return {
    vi: `Năm ${year} đã qua: cần ghi lý do thay đổi chỉ tiêu (ít nhất ${MIN_REASON_LENGTH} ký tự), lý do được lưu vào nhật ký.`,
    en: `${year} is past: give a reason for changing its targets (at least ${MIN_REASON_LENGTH} characters); it is kept in the audit log.`,
  };
}

export interface TargetChange {
  sector: string;
  from: number;
  to: number;
}

/** The requested targets that differ from those in force that year: only these are written. */
export function targetChanges(
  rows: readonly PlanRow[],
  year: number,
  requested: readonly { sector: string; target: number }[],
): TargetChange[] {
  const changes = new Map<string, TargetChange>();
  for (const { sector, target } of requested) {
    const from = targetInForce(rows, sector, year).target;
    if (from === target) changes.delete(sector);
    else changes.set(sector, { sector, from, to: target });
  }
  return [...changes.values()];
}
