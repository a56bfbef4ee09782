import type { DbHandle } from '../../db/create-db';
import { deleteLoginAttemptsBefore } from '../../db/login-attempts';
import { refreshPlannerStatistics } from '../../db/planner-statistics';
import { ensureResponsePartitions } from '../../db/response-partitions';
import { addMonths, localMonth } from '../../surveys/time';
import { LONGEST_LOGIN_WINDOW_MINUTES } from '../auth/login-throttle';
import { applyAllRetention } from '../privacy/retention';
import { emitReportReady } from './report-ready';

/**
 * Once a day (and at start): the coming months' response partitions, created ahead of the month
 * turn rather than by the first submission of a busy morning; free text past the retention
 * period removed; login attempts older than the longest login limit's window removed; and, on the
 * embedded database, which runs no autovacuum, fresh planner statistics so dashboards and exports
 * keep good plans as the data grows. The month just ended is announced to webhooks (report.ready), once. Run on the long-work handle: the first retention pass over
 * years of answers may take minutes.
 */
export async function dailyUpkeep(handle: DbHandle, now = new Date()): Promise<void> {
  const month = localMonth(now);
  await ensureResponsePartitions(handle.dbLong, [month, addMonths(month, 1), addMonths(month, 2)]);
  await applyAllRetention(handle.dbLong);
  await deleteLoginAttemptsBefore(handle.dbLong, new Date(now.getTime() - LONGEST_LOGIN_WINDOW_MINUTES * 60_000));
  if (handle.kind === 'pglite') await refreshPlannerStatistics(handle.dbLong);
  await emitReportReady(handle.dbLong, now);
}
