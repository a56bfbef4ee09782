import { sql, type Kysely } from 'kysely';
import { addMonths, dayStartUtc } from '../surveys/time';
import { underTryLock } from './once-across-processes';
import type { Database } from './types';

/**
 * Responses live in one partition per Vietnam-local month (responses_pYYYYMM), so a period's
 * queries touch only its months and old months can be archived whole. A default partition
 * catches any month not created yet, so an insert never fails for want of one.
 */
export function partitionName(month: string): string {
  if (!/^\d{4}-\d{2}$/.test(month)) throw new RangeError(`not a YYYY-MM month: ${month}`);
  return `responses_p${month.replace('-', '')}`;
}

const known = new WeakMap<object, Set<string>>();

/** Creates the partitions of these 'YYYY-MM' months unless this process already saw them. */
export async function ensureResponsePartitions(db: Kysely<Database>, months: Iterable<string>): Promise<void> {
  let seen = known.get(db);
  if (!seen) known.set(db, (seen = new Set()));
  for (const month of new Set(months)) {
    if (seen.has(month)) continue;
    // Another process making it right now: this one goes on (the default partition takes any row).
    if (await createMonthPartition(db, month)) seen.add(month);
  }
}

/**
 * One month's partition, made by one process at a time: the month's transaction-scoped try-lock
 * first, so processes starting together (or their first submissions of a new month) do not all
 * queue for the table lock creating a partition takes. False: another process holds it now.
 */
async function createMonthPartition(db: Kysely<Database>, month: string): Promise<boolean> {
  const from = dayStartUtc(`${month}-01`);
  const to = dayStartUtc(`${addMonths(month, 1)}-01`);
  const make = async (trx: Kysely<Database>) => {
    if (!(await underTryLock(trx, `partition:${month}`))) return false;
    await sql`create table if not exists ${sql.id(partitionName(month))} partition of responses
      for values from (${sql.lit(from.toISOString())}) to (${sql.lit(to.toISOString())})`.execute(trx);
    return true;
  };
  try {
    return await (db.isTransaction ? make(db) : db.transaction().execute(make));
  } catch (error) {
    const code = (error as { code?: string }).code;
    // 42P07: another process created it first. 23514: rows for that month already sit in the
    // default partition; they stay there (still found by every query) rather than fail the write.
    if (code !== '42P07' && code !== '23514') throw error;
    return true;
  }
}
