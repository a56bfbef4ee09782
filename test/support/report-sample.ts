import type { DbHandle } from '../../db/create-db';
import { storeRandomResponses } from './random-responses';

/** The answers the Word report's tests read back: three sectors over five months, the same every run. */
export function storeReportSample(db: DbHandle) {
  return storeRandomResponses(db, {
    count: 600,
    seed: 19,
    codes: ['demo-land', 'demo-health', 'demo-civil'],
    from: new Date('2025-12-20T00:00:00Z'),
    days: 150,
  });
}
