import { dayStartUtc, localDay } from '../../surveys/time';
import { EFFECTIVE_IN_PAST } from './survey-refusals';

/**
 * When a version published now takes over: at once when no day (or today) is given, else at
 * 00:00 Vietnam time of that day. Never in the past: answers already given keep their version.
 */
export function effectiveFromOf(day: string | undefined, now = new Date()): Date {
  if (day === undefined || day === localDay(now)) return now;
  if (day < localDay(now)) throw EFFECTIVE_IN_PAST;
  return dayStartUtc(day);
}
