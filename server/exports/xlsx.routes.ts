import { Hono } from 'hono';
import { stream } from 'hono/streaming';
import { streamResponses, surveyVersionsInFilter } from '../../db/response-export';
import { buildCodebook } from '../../surveys/codebook';
import { auditedExport } from '../audit/audited-export';
import type { AppDeps, AppEnv } from '../http/context';
import { filterQuery, resolveFilter } from '../http/stats-filter';
import { parseQuery } from '../http/parse-query';
import { streamExportWorkbook, XLSX_CONTENT_TYPE } from './xlsx/export-workbook';
import { rateRows } from './xlsx/rate-rows';
import { ExportAborted } from './xlsx/responses-sheet';

/** GET /responses.xlsx: responses, rates with verdicts and the codebook, for the filter the dashboard uses. */
export function xlsxExportRoute({ db }: Pick<AppDeps, 'db'>) {
  return new Hono<AppEnv>().get('/responses.xlsx', async (c) => {
    const q = parseQuery(filterQuery, c.req.query());
    const filter = await resolveFilter(db.dbRead, c.get('user'), q);
    // Everything that can refuse the request is done before the first byte, so a refusal is a proper status.
    const [versions, rates] = await Promise.all([surveyVersionsInFilter(db.dbRead, filter), rateRows(db.dbRead, filter)]);
    c.header('Content-Type', XLSX_CONTENT_TYPE);
    c.header('Content-Disposition', `attachment; filename="hailong-responses-${filter.from}-${filter.to}.xlsx"`);
    c.header('Cache-Control', 'no-store');
    return stream(
      c,
      (out) =>
        streamExportWorkbook(out, {
          title: `hailong: phiếu trả lời ${filter.from} – ${filter.to}`,
          description: `Bộ lọc / filter: ${JSON.stringify({ ...q, from: filter.from, to: filter.to })}`,
          codebook: buildCodebook(versions),
          pages: auditedExport(db, c.get('user'), 'xlsx', filter, streamResponses(db.dbRead, filter)),
          rates,
        }),
      async (error) => {
        // Headers are gone by now: the download ends without the zip's directory, so no program opens half a file as whole.
        if (!(error instanceof ExportAborted)) console.error('xlsx export failed', error);
      },
    );
  });
}
