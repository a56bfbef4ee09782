import { Hono } from 'hono';
import { z } from 'zod';
import { importedFollowUp } from '../cases/imported-case-opening';
import type { AppDeps, AppEnv } from '../http/context';
import { parseQuery } from '../http/parse-query';
import { uploadedTable } from './import-file';
import { importRows } from './import-rows';
import { importTarget } from './import-target';
import { storeImport } from './store-import';

export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

const importQuery = z
  .object({
    counter: z.string().max(63).optional(),
    wave: z.coerce.number().int().positive().optional(),
    dryRun: z.enum(['0', '1']).default('0'),
  })
  .refine((q) => (q.counter === undefined) !== (q.wave === undefined), {
    message: 'say where the answers go: counter=<code> or wave=<id>',
    path: ['counter'],
  });

/**
 * Imports earlier paper-survey results (CSV or XLSX, columns named as in hailong's exports),
 * checked row by row: every row is stored, through the one writer path, or none is, with the list
 * of what is wrong where. The same file imported twice is stored once.
 */
export function importRoutes({ db, config }: AppDeps) {
  return new Hono<AppEnv>().post('/imports', async (c) => {
    const user = c.get('user');
    const q = parseQuery(importQuery, c.req.query());
    const { table, fileKey } = await uploadedTable(c);
    const target = await importTarget(db.dbWrite, user, q);
    const { responses, problems } = importRows(table, { ...target, fileKey });
    if (problems.length > 0) {
      return c.json(
        {
          error: 'Nothing was imported: some rows are not valid.',
          message: {
            vi: 'Chưa nhập dòng nào: có dòng chưa hợp lệ. Xin sửa và gửi lại cả tệp.',
            en: 'Nothing was imported: some rows are not valid. Fix them and send the whole file again.',
          },
          rows: table.rows.length,
          problems,
        },
        422,
      );
    }
    if (q.dryRun === '1') return c.json({ rows: table.rows.length, valid: responses.length, stored: 0, alreadyImported: 0, dryRun: true });
    const subject = q.counter !== undefined ? `counter:${q.counter}` : `wave:${q.wave}`;
    const now = new Date();
    const definition = target.surveyVersion.definition;
    const pending = responses.map((item) => ({
      item,
      followUp: importedFollowUp(
        {
          tenantId: item.tenant_id,
          unitId: item.unit_id,
          waveId: item.wave_id ?? null,
          definition,
          answers: item.answers,
          submittedAt: item.submitted_at,
        },
        now,
        config.caseDueDays,
      ),
    }));
    const { stored, alreadyImported, casesOpened } = await storeImport(db, user, subject, { fileKey, rows: table.rows.length }, pending);
    return c.json({ rows: table.rows.length, valid: responses.length, stored, alreadyImported, casesOpened }, stored > 0 ? 201 : 200);
  });
}
