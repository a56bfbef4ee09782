import type { DbHandle } from '../../db/create-db';
import type { StatsFilter } from '../../db/stats';
import type { SessionUser } from '../http/context';
import { recordAudit } from './record-audit';

/**
 * Passes an export's pages through unchanged, counting rows, and records one 'export' entry when
 * the download ends: who, the filter, and how many rows actually went out. `complete: false` when
 * the download was cut off or failed part-way, so a partial copy is on the record too.
 */
export async function* auditedExport<T>(
  db: DbHandle,
  user: SessionUser,
  format: string,
  filter: StatsFilter,
  pages: AsyncIterable<T[]>,
): AsyncGenerator<T[]> {
  let rows = 0;
  let complete = false;
  try {
    for await (const page of pages) {
      rows += page.length;
      yield page;
    }
    complete = true;
  } finally {
    await recordAudit(db, user, 'export', `responses.${format}`, { format, filter: auditFilter(filter), rows, complete });
  }
}

/** The filter as an administrator reads it later; the tenant is already on the entry. */
export function auditFilter(filter: StatsFilter): Record<string, unknown> {
  const { tenantId: _tenant, ...rest } = filter;
  return rest;
}
