import { stringify } from 'csv-stringify/sync';
import { Hono } from 'hono';
import { z } from 'zod';
import { storeDossiers } from '../../db/dossiers';
import { recordAudit } from '../audit/record-audit';
import type { AppDeps, AppEnv } from '../http/context';
import { parseQuery } from '../http/parse-query';
import { scopePath } from '../http/unit-scope';
import { uploadedTable } from '../imports/import-file';
import { dossierTemplateRows } from './dossier-columns';
import { readDossierSheet, sheetProblemsOf } from './dossier-sheet';
import { resolveDossiers } from './resolve-dossiers';

const importQuery = z.object({ dryRun: z.enum(['0', '1']).default('0'), name: z.string().optional() });

/**
 * One-stop dossiers from a sheet (CSV or XLSX, a province's export or the template): every row is
 * stored, as the dossier's latest state, or none is, with the list of what is wrong where. Units
 * outside the importer's subtree are problems too. The same file twice changes nothing.
 */
export function dossierImportRoutes({ db }: AppDeps) {
  return new Hono<AppEnv>()
    .post('/dossiers/import', async (c) => {
      const user = c.get('user');
      const q = parseQuery(importQuery, c.req.query());
      const { table, file } = await uploadedTable(c);
      const sheet = readDossierSheet(table);
      const scope = await scopePath(db.dbWrite, user);
      const resolved = sheet.items.length > 0 ? await resolveDossiers(db.dbWrite, user.tenant_id, scope, sheet.items) : null;
      const problems = [...sheet.problems, ...(resolved ? sheetProblemsOf(sheet, resolved.problems) : [])].sort((a, b) => a.line - b.line);
      if (problems.length > 0 || !resolved) {
        return c.json(
          {
            error: 'Nothing was imported: some rows are not valid.',
            message: {
              vi: 'Chưa nhập hồ sơ nào: có dòng chưa hợp lệ. Xin sửa và gửi lại cả tệp.',
              en: 'Nothing was imported: some rows are not valid. Fix them and send the whole file again.',
            },
            rows: table.rows.length,
            problems,
          },
          422,
        );
      }
      const dryRun = q.dryRun === '1';
      const counts = await storeDossiers(db.dbWrite, user.tenant_id, resolved.records, 'import', {
        dryRun,
        inside: (trx, done) =>
          recordAudit(trx, user, 'dossiers_imported', file.name ? `file:${file.name}` : null, { file, rows: table.rows.length, ...done }),
      });
      const result = { rows: table.rows.length, ...counts };
      if (dryRun) return c.json({ ...result, dryRun: true });
      return c.json(result, counts.created > 0 ? 201 : 200);
    })
    .get('/dossiers/template.csv', (c) => {
      // A BOM so Excel opens the Vietnamese headers as UTF-8.
      const body = '\uFEFF' + stringify(dossierTemplateRows());
      return c.body(body, 200, {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': 'attachment; filename="ho-so-mot-cua-mau.csv"',
      });
    });
}
