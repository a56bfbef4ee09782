import { createHash } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { findActiveCounter } from '../../db/counters';
import { DossierAlreadyRatedError, storeResponses } from '../../db/responses';
import { findWave, latestSurveyVersion, stratumProgress } from '../../db/waves';
import { listUnits } from '../../db/units';
import { recordAudit } from '../audit/record-audit';
import { inScope, scopePath } from '../auth/unit-scope';
import type { AppDeps, AppEnv } from '../context';
import { RequestError } from '../errors';
import { OUT_OF_SCOPE, parseQuery } from '../stats/stats-filter';
import { importRows, type ImportTarget } from './import-rows';
import { readTable } from './read-table';

export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
const MAX_ROWS = 100_000;

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
export function importRoutes({ db }: AppDeps) {
  return new Hono<AppEnv>().post('/imports', async (c) => {
    const user = c.get('user');
    const q = parseQuery(importQuery, c.req.query());
    const { bytes, type } = await fileOf(c);
    const table = await readTable(bytes, type).catch(() => {
      throw new RequestError(400, {
        vi: 'Không đọc được tệp. Xin gửi tệp CSV (UTF-8) hoặc Excel (.xlsx).',
        en: 'The file could not be read. Send a CSV (UTF-8) or an Excel (.xlsx) file.',
      });
    });
    if (table.rows.length > MAX_ROWS) {
      throw new RequestError(413, { vi: `Tệp có quá ${MAX_ROWS} dòng; xin chia nhỏ.`, en: `More than ${MAX_ROWS} rows; please split the file.` });
    }
    const fileKey = createHash('sha256').update(bytes).digest('hex').slice(0, 24);
    const target = q.counter !== undefined ? await counterTarget(q.counter) : await waveTarget(q.wave!);
    const { responses, problems } = importRows(table, { ...target, fileKey });
    if (problems.length > 0) {
      return c.json(
        {
          error: 'Nothing was imported: some rows are not valid.',
          message: { vi: 'Chưa nhập dòng nào: có dòng chưa hợp lệ. Xin sửa và gửi lại cả tệp.', en: 'Nothing was imported: some rows are not valid. Fix them and send the whole file again.' },
          rows: table.rows.length,
          problems,
        },
        422,
      );
    }
    if (q.dryRun === '1') return c.json({ rows: table.rows.length, valid: responses.length, stored: 0, alreadyImported: 0, dryRun: true });
    try {
      // Up to 100,000 rows in one transaction (a minute on a busy two-core machine): long work,
      // not held to a request's statement timeout.
      const results = await storeResponses(db.dbLong, responses);
      const stored = results.filter((r) => !r.replay).length;
      await recordAudit(db, user, 'import', q.counter !== undefined ? `counter:${q.counter}` : `wave:${q.wave}`, { file: fileKey, rows: table.rows.length, stored, alreadyImported: results.length - stored });
      return c.json({ rows: table.rows.length, valid: responses.length, stored, alreadyImported: results.length - stored }, stored > 0 ? 201 : 200);
    } catch (error) {
      if (error instanceof DossierAlreadyRatedError) {
        throw new RequestError(409, {
          vi: `Chưa nhập dòng nào: hồ sơ ${error.dossierCode} đã được đánh giá trước đó.`,
          en: `Nothing was imported: dossier ${error.dossierCode} has already been rated.`,
        });
      }
      throw error;
    }

    async function counterTarget(code: string): Promise<Omit<ImportTarget, 'fileKey'>> {
      const counter = await findActiveCounter(db.dbRead, code);
      if (!counter || counter.tenant_id !== user.tenant_id) throw new RequestError(404, { vi: 'Không tìm thấy quầy.', en: 'Counter not found.' });
      const unit = (await listUnits(db.dbRead, user.tenant_id)).find((u) => u.id === counter.unit_id)!;
      if (!inScope(await scopePath(db.dbRead, user), unit.path)) throw new RequestError(403, OUT_OF_SCOPE);
      return {
        tenantId: user.tenant_id,
        surveyVersion: counter.surveyVersion,
        sectors: counter.sectors,
        counterId: counter.id,
        waveId: null,
        unitId: counter.unit_id,
        strata: new Map(),
      };
    }

    async function waveTarget(id: number): Promise<Omit<ImportTarget, 'fileKey'>> {
      const wave = await findWave(db.dbRead, user.tenant_id, id);
      if (!wave) throw new RequestError(404, { vi: 'Không tìm thấy đợt khảo sát.', en: 'Survey wave not found.' });
      const [version, strata, units] = await Promise.all([
        latestSurveyVersion(db.dbRead, wave.survey_id),
        stratumProgress(db.dbRead, wave.id),
        listUnits(db.dbRead, user.tenant_id),
      ]);
      const scope = await scopePath(db.dbRead, user);
      const codeOf = new Map(units.map((u) => [u.id, u.code]));
      return {
        tenantId: user.tenant_id,
        surveyVersion: version,
        sectors: [wave.sector_code],
        counterId: null,
        waveId: wave.id,
        unitId: null,
        strata: new Map(strata.filter((s) => inScope(scope, s.unit_path)).map((s) => [codeOf.get(s.unit_id)!, s.unit_id])),
      };
    }
  });
}

/** The uploaded file: a multipart form's `file` field, or the raw body. */
async function fileOf(c: Context<AppEnv>): Promise<{ bytes: Uint8Array; type: string }> {
  const type = c.req.header('content-type') ?? '';
  if (type.startsWith('multipart/form-data')) {
    const form = await c.req.parseBody();
    const file = form.file;
    if (!(file instanceof File)) {
      throw new RequestError(400, { vi: 'Thiếu tệp (trường "file").', en: 'The file is missing (field "file").' });
    }
    return { bytes: new Uint8Array(await file.arrayBuffer()), type: file.type };
  }
  const bytes = new Uint8Array(await c.req.arrayBuffer());
  if (bytes.length === 0) throw new RequestError(400, { vi: 'Tệp rỗng.', en: 'The file is empty.' });
  return { bytes, type };
}
