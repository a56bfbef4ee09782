import { quarterPeriod, yearPeriod, type Period } from './periods';

export interface PublicPeriods {
  /** The latest quarter that has ended, then the three before it, oldest first (the trend). */
  quarters: Period[];
  latestQuarter: Period;
  latestYear: Period;
}

/** The periods a public results page shows on `today` (a Vietnam-local day): only whole ones. */
export function publicPeriods(today: string): PublicPeriods {
  const year = Number(today.slice(0, 4));
  const quarterNow = Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1;
  const quarters: Period[] = [];
  for (let back = 4; back >= 1; back--) {
    const index = year * 4 + (quarterNow - 1) - back;
    quarters.push(quarterPeriod(Math.floor(index / 4), ((index % 4) + 1) as 1 | 2 | 3 | 4));
  }
  return { quarters, latestQuarter: quarters[3]!, latestYear: yearPeriod(year - 1) };
}
