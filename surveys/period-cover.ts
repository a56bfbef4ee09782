import { addDays, addMonths, monthsBetween } from './time';

export interface DayRange {
  from: string;
  to: string;
}

/**
 * How to read a period [from, to] from monthly and daily rollups touching the fewest daily rows:
 * each month wholly inside is read whole; a month cut by the period's edge is read whole less the
 * days outside it when those are fewer than the days inside, else by its days inside. Returns the
 * months to add (first days), and the day ranges to add (inside the period) or take away (outside
 * it, in a month that is added). `from` ≤ `to`.
 */
export function periodCover(from: string, to: string): { months: string[]; days: DayRange[] } {
  const months: string[] = [];
  const days: DayRange[] = [];
  for (const month of monthsBetween(from.slice(0, 7), to.slice(0, 7))) {
    const first = `${month}-01`;
    const last = addDays(`${addMonths(month, 1)}-01`, -1);
    const inFrom = from > first ? from : first;
    const inTo = to < last ? to : last;
    const length = (a: string, b: string) => Math.round((Date.parse(b) - Date.parse(a)) / 86_400_000) + 1;
    const inside = length(inFrom, inTo);
    const outside = length(first, last) - inside;
    if (outside === 0) months.push(first);
    else if (outside < inside) {
      months.push(first);
      if (inFrom > first) days.push({ from: first, to: addDays(inFrom, -1) });
      if (inTo < last) days.push({ from: addDays(inTo, 1), to: last });
    } else days.push({ from: inFrom, to: inTo });
  }
  return { months, days };
}
