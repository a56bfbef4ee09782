import { Hono } from 'hono';
import { z } from 'zod';
import { listCounterDetails } from '../../db/counters';
import type { AppDeps, AppEnv } from '../http/context';
import { parseJsonBody } from '../http/json-body';
import { scopePath } from '../http/unit-scope';
import { uploadedTable } from '../imports/import-file';
import { changeCounterFor, createCounterFor } from './counter-edits';
import { importCounterSheet } from './counter-sheet-import';
import { CT } from './counter-texts';
import { counterView } from './counter-view';

const sectorList = z.array(z.string().trim().min(1).max(64)).max(50);
const surveyKey = z.string().trim().min(1).max(64);

const newCounter = z.object({
  code: z.string().trim().max(100).optional(),
  name: z.string().max(500),
  unitId: z.number().int().positive().max(2_147_483_647),
  sectors: sectorList,
  survey: surveyKey.optional(),
  kiosk: z.boolean().optional(),
});

const counterChange = z
  .object({
    name: z.string().max(500).optional(),
    unitId: z.number().int().positive().max(2_147_483_647).optional(),
    sectors: sectorList.optional(),
    survey: surveyKey.optional(),
    kiosk: z.boolean().optional(),
    retired: z.boolean().optional(),
  })
  .refine((c) => Object.keys(c).length > 0, {
    message: 'say what to change: name, unitId, sectors, survey, kiosk or retired',
    path: ['name'],
  });

/**
 * Administrators set up the counters of their units: create one (or a sheet of them), rename it,
 * give it other sectors, another survey, another unit, kiosk mode, retire it and take it back. An
 * administrator with a unit manages the counters of that unit's subtree only. Each change is in
 * the audit log, field by field, before → after.
 */
export function counterRoutes({ db }: AppDeps) {
  return new Hono<AppEnv>()
    .get('/counters', async (c) => {
      const user = c.get('user');
      const rows = await listCounterDetails(db.dbWrite, user.tenant_id, { unitPath: await scopePath(db.dbWrite, user) });
      return c.json({ counters: rows.map(counterView) });
    })
    .post('/counters', async (c) => {
      const body = await parseJsonBody(c, newCounter);
      const created = await createCounterFor(db, c.get('user'), body);
      return c.json(counterView(created), 201);
    })
    .post('/counters/import', async (c) => {
      const { table, fileKey } = await uploadedTable(c);
      const result = await importCounterSheet(db, c.get('user'), table, fileKey);
      if (!result.ok) {
        return c.json({ error: CT.sheetRefused.en, message: CT.sheetRefused, rows: result.rows, problems: result.problems }, 422);
      }
      const { ok: _ok, ...report } = result;
      return c.json(report, report.created > 0 ? 201 : 200);
    })
    .patch('/counters/:code', async (c) => {
      const body = await parseJsonBody(c, counterChange);
      const changed = await changeCounterFor(db, c.get('user'), c.req.param('code'), body);
      return c.json(counterView(changed));
    });
}
