import { DEFAULT_MIN_SAMPLE, rate } from './statistics';

export type AlertKind = 'below_target' | 'dropped';

export interface WindowCounts {
  satisfied: number;
  valid: number;
}

/** How many points a rolling rate may fall against the window before it before an alert is raised. */
export const DROP_ALERT_POINTS = 5;

/**
 * Why a sector at a unit needs attention, judged on rolling windows (domain: 30 days against the
 * 30 before): its rate is below target with enough answers to say so, or it fell by more than
 * `dropPoints` with enough answers in both windows. Empty when all is well or too few answered.
 */
export function alertKinds(args: {
  current: WindowCounts;
  previous: WindowCounts;
  target: number;
  minSample?: number;
  dropPoints?: number;
}): AlertKind[] {
  const min = args.minSample ?? DEFAULT_MIN_SAMPLE;
  const drop = args.dropPoints ?? DROP_ALERT_POINTS;
  if (args.current.valid < min) return [];
  const kinds: AlertKind[] = [];
  // Integer comparison: satisfied × 100 < target × valid, so a rate exactly at the target is met.
  if (args.current.satisfied * 100 < args.target * args.current.valid) kinds.push('below_target');
  if (args.previous.valid >= min) {
    const fell = rate(args.previous.satisfied, args.previous.valid)! - rate(args.current.satisfied, args.current.valid)!;
    if (fell > drop + 1e-9) kinds.push('dropped');
  }
  return kinds;
}
