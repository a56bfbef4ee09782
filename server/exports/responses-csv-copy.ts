import type { StreamingApi } from 'hono/utils/stream';
import type { DbHandle } from '../../db/create-db';
import { responsesCsvCopyStatement } from '../../db/response-export-copy';
import type { StatsFilter } from '../../db/stats';
import type { CodebookVariable } from '../../surveys/codebook';
import { auditFilter } from '../audit/audited-export';
import { recordAudit } from '../audit/record-audit';
import type { SessionUser } from '../http/context';
import { csvRecordCounter } from './csv-record-counter';
import type { CsvOptions } from './responses-csv';

/**
 * The CSV's rows straight from PostgreSQL's COPY into the response, chunk by chunk: the next chunk
 * is read from the connection only once the client has taken the last, so memory stays flat and
 * PostgreSQL waits for a slow client. Audited like the paged export: who, the filter, the rows
 * that went out (COPY's own count when whole; the records counted in the bytes when cut off).
 */
export async function streamCsvByCopy(
  out: StreamingApi,
  db: DbHandle & Required<Pick<DbHandle, 'copyOut'>>,
  user: SessionUser,
  filter: StatsFilter,
  codebook: readonly CodebookVariable[],
  options: CsvOptions,
): Promise<void> {
  const copy = await db.copyOut(responsesCsvCopyStatement(db.dbRead, filter, codebook, options));
  const counter = csvRecordCounter();
  let complete = false;
  out.onAbort(() => {
    copy.destroy();
  });
  try {
    for await (const chunk of copy as AsyncIterable<Buffer>) {
      counter.add(chunk);
      await out.write(chunk);
      if (out.aborted) break;
    }
    complete = !out.aborted;
  } finally {
    if (!complete) copy.destroy();
    const rows = complete ? copy.rowCount : counter.records;
    await recordAudit(db, user, 'export', 'responses.csv', { format: 'csv', filter: auditFilter(filter), rows, complete });
  }
}
