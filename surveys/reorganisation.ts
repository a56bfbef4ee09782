import type { LocalizedText } from './localized-text';
import { addDays } from './time';

/**
 * Reorganisation events (issue 16), the rules without I/O: what each kind must look like, how the
 * shares of a split add up, which counter of a split predecessor goes where, and which day a
 * predecessor ends. The routes (server/units/reorganisation-plan.ts) look the units up and call these.
 *
 * - merge: two or more units in force → one successor (a new unit, or one of them that continues);
 *   each predecessor's whole past (share 1) goes to the successor.
 * - split: one unit → two or more new units; the shares say how its past is divided (they sum to 1),
 *   and each of its counters in service is sent to one successor.
 * - rename, move: in place (the unit is its own successor, share 1); a move takes its subtree along.
 * - recode: the unit ends and a new unit with the new code starts (share 1): identity is not the code.
 */
export const REORGANISATION_KINDS = ['merge', 'split', 'rename', 'recode', 'move'] as const;
export type ReorganisationKind = (typeof REORGANISATION_KINDS)[number];

/** Kinds whose predecessors end the day before the event and whose successors start on it. */
export const ENDS_PREDECESSORS: Record<ReorganisationKind, boolean> = {
  merge: true,
  split: true,
  recode: true,
  rename: false,
  move: false,
};

/** How far from 1 the shares of a split may add up to, for rounding. */
export const SHARE_TOLERANCE = 1e-9;

/** The last day a predecessor is in force: the day before the event. */
export const lastDayBefore = (effectiveOn: string) => addDays(effectiveOn, -1);

/** The shares of a split: each in (0, 1], summing to 1 within the tolerance. */
export function sharesProblem(shares: readonly number[]): LocalizedText | null {
  if (shares.some((s) => !Number.isFinite(s) || s <= 0 || s > 1)) {
    return { vi: 'Mỗi tỷ lệ phải lớn hơn 0 và không quá 1.', en: 'Each share must be more than 0 and at most 1.' };
  }
  const sum = shares.reduce((a, b) => a + b, 0);
  if (Math.abs(sum - 1) > SHARE_TOLERANCE) {
    const shown = Math.round(sum * 1e6) / 1e6;
    return {
      vi: `Tổng các tỷ lệ phải bằng 1 (hiện là ${shown}).`,
      en: `The shares must add up to 1 (they add up to ${shown}).`,
    };
  }
  return null;
}

/** How many units an event of this kind starts from and ends in. */
export function countsProblem(kind: ReorganisationKind, predecessors: number, successors: number): LocalizedText | null {
  if (kind === 'merge' && predecessors < 2) {
    return { vi: 'Sáp nhập cần ít nhất 2 đơn vị khác nhau.', en: 'A merge needs at least 2 different units.' };
  }
  if (kind === 'split' && successors < 2) {
    return { vi: 'Chia tách cần ít nhất 2 đơn vị mới.', en: 'A split needs at least 2 new units.' };
  }
  return null;
}

/** Units named twice in one event (the same predecessor twice, the same new code twice). */
export function repeated<T>(items: readonly T[]): T[] {
  const seen = new Set<T>();
  const twice = new Set<T>();
  for (const i of items) (seen.has(i) ? twice : seen).add(i);
  return [...twice];
}

/**
 * The event's day against a predecessor's first day: a predecessor that ends must have been in
 * force at least one day before (its last day is the day before the event); one changed in place
 * must not change before it started.
 */
export function effectiveOnProblem(
  effectiveOn: string,
  predecessor: { code: string; name: string; valid_from: string | null },
  ends: boolean,
): LocalizedText | null {
  const from = predecessor.valid_from;
  if (from === null) return null;
  if (ends ? effectiveOn > from : effectiveOn >= from) return null;
  return {
    vi: `Ngày hiệu lực ${effectiveOn} phải sau ngày bắt đầu của ${predecessor.name} (${predecessor.code}) là ${from}.`,
    en: `The effective date ${effectiveOn} must be after ${predecessor.name} (${predecessor.code}) started, on ${from}.`,
  };
}

/**
 * A split's counter mapping: each counter in service of the predecessor sent to exactly one of
 * the successors (by position), nothing else. Required as soon as the predecessor has such a counter.
 */
export function counterMappingProblem(
  inService: readonly { id: number; code: string }[],
  mapping: readonly { counterId: number; to: number }[] | undefined,
  successors: number,
): LocalizedText | null {
  if (inService.length === 0 && (mapping === undefined || mapping.length === 0)) return null;
  if (mapping === undefined || mapping.length === 0) {
    const codes = inService.map((c) => c.code).join(', ');
    return {
      vi: `Đơn vị bị chia tách còn quầy đang phục vụ (${codes}): xin cho biết mỗi quầy chuyển sang đơn vị mới nào (counters).`,
      en: `The unit being split still has counters in service (${codes}): say which new unit each one goes to (counters).`,
    };
  }
  const known = new Map(inService.map((c) => [c.id, c.code]));
  const unknown = mapping.filter((m) => !known.has(m.counterId)).map((m) => m.counterId);
  if (unknown.length > 0) {
    return {
      vi: `Quầy ${unknown.join(', ')} không phải quầy đang phục vụ của đơn vị bị chia tách.`,
      en: `Counter(s) ${unknown.join(', ')} are not counters in service of the unit being split.`,
    };
  }
  const twice = repeated(mapping.map((m) => m.counterId));
  if (twice.length > 0) {
    const codes = twice.map((id) => known.get(id)).join(', ');
    return { vi: `Quầy ${codes} được chỉ định hai lần.`, en: `Counter(s) ${codes} are mapped twice.` };
  }
  const outside = mapping.filter((m) => !Number.isInteger(m.to) || m.to < 0 || m.to >= successors);
  if (outside.length > 0) {
    return {
      vi: `Mỗi quầy phải chuyển sang một trong ${successors} đơn vị mới (số thứ tự từ 0 đến ${successors - 1}).`,
      en: `Each counter must go to one of the ${successors} new units (position 0 to ${successors - 1}).`,
    };
  }
  const mapped = new Set(mapping.map((m) => m.counterId));
  const missing = inService.filter((c) => !mapped.has(c.id)).map((c) => c.code);
  if (missing.length > 0) {
    return {
      vi: `Chưa cho biết quầy ${missing.join(', ')} chuyển sang đơn vị mới nào.`,
      en: `Say which new unit counter(s) ${missing.join(', ')} go to.`,
    };
  }
  return null;
}
