import { Hono } from 'hono';
import { z } from 'zod';
import { findUnit, importUnits, insertUnit, listSubtree, updateUnit } from '../../db/units';
import { daySchema } from '../../surveys/day-schema';
import { localDay } from '../../surveys/time';
import { CURRENT_UNIT_KINDS } from '../../surveys/unit-kinds';
import { recordAudit } from '../audit/record-audit';
import type { AppDeps, AppEnv } from '../http/context';
import { RequestError } from '../http/errors';
import { parseJsonBody } from '../http/json-body';
import { uploadedTable } from '../imports/import-file';
import { scopePath, unitInScope, UNIT_NOT_FOUND } from '../http/unit-scope';
import { checkNewUnit, planUnitChange, refusalOf } from './unit-change';
import { planUnitImport } from './unit-import';
import type { UnitFacts } from './unit-rules';
import { unitTree, unitView } from './unit-tree';

const code = z.string().trim().min(1).max(40);
const name = z.string().trim().min(1).max(200);
const kind = z.enum(CURRENT_UNIT_KINDS);

const newUnit = z.object({
  code,
  name,
  kind,
  parentId: z.number().int().positive().nullable(),
  validFrom: daySchema.optional(),
});

const change = z
  .object({
    name: name.optional(),
    code: code.optional(),
    kind: kind.optional(),
    parentId: z.number().int().positive().nullable().optional(),
    validFrom: daySchema.nullable().optional(),
    validTo: daySchema.nullable().optional(),
    retired: z.boolean().optional(),
  })
  .refine((c) => Object.keys(c).length > 0, {
    message: 'say what to change: name, code, kind, parentId, validFrom, validTo or retired',
    path: ['name'],
  })
  .refine((c) => c.validTo === undefined || c.retired === undefined, { message: 'send validTo or retired, not both', path: ['retired'] });

const listQuery = z.object({ retired: z.enum(['0', '1']).default('0') });

/** Whatever the database refuses despite the checks (a race) as the same 4xx the checks give. */
const refused = (error: unknown): never => {
  throw refusalOf(error) ?? error;
};

/**
 * The tenant's units: the tree within the caller's subtree, and the administrator's changes to it
 * (add, rename, recode, move with the whole subtree, retire, bring back) and a whole unit list
 * imported at once. Each change and its audit entry commit together.
 */
export function unitRoutes({ db }: AppDeps) {
  const shown = async (u: UnitFacts) =>
    unitView(u, u.parent_id === null ? null : ((await findUnit(db.dbWrite, u.tenant_id, u.parent_id))?.code ?? null));
  return new Hono<AppEnv>()
    .get('/units', async (c) => {
      const user = c.get('user');
      const q = listQuery.safeParse(c.req.query());
      const retired = q.success && q.data.retired === '1';
      const scope = await scopePath(db.dbWrite, user);
      const units = await listSubtree(db.dbWrite, user.tenant_id, scope);
      return c.json({ units: unitTree(units, { retired }) });
    })
    .post('/units', async (c) => {
      const user = c.get('user');
      const body = await parseJsonBody(c, newUnit);
      const scope = await scopePath(db.dbWrite, user);
      const { row, parentCode } = await checkNewUnit(db.dbWrite, user, scope, body);
      const created = await insertUnit(db.dbWrite, row, (trx, u) =>
        recordAudit(trx, user, 'unit_created', `unit:${u.id}`, {
          code: u.code,
          name: u.name,
          kind: u.kind,
          parentId: u.parent_id,
          parentCode,
          validFrom: u.valid_from,
        }),
      ).catch(refused);
      return c.json(await shown(created), 201);
    })
    .patch('/units/:id{[0-9]+}', async (c) => {
      const user = c.get('user');
      const id = Number(c.req.param('id'));
      if (!Number.isSafeInteger(id) || id <= 0) throw new RequestError(404, UNIT_NOT_FOUND);
      const body = await parseJsonBody(c, change);
      const scope = await scopePath(db.dbWrite, user);
      const unit = await unitInScope(db.dbWrite, user, scope, id);
      const today = localDay(new Date());
      const plan = await planUnitChange(db.dbWrite, user, scope, unit, body, today);
      if (Object.keys(plan.changes).length === 0) return c.json(await shown(unit));
      const updated = await updateUnit(db.dbWrite, user.tenant_id, id, plan.changes, (trx) =>
        recordAudit(trx, user, 'unit_changed', `unit:${id}`, { code: unit.code, before: plan.before, after: plan.after }),
      ).catch(refused);
      if (!updated) throw new RequestError(404, UNIT_NOT_FOUND);
      return c.json(await shown(updated));
    })
    .post('/units/import', async (c) => {
      const user = c.get('user');
      const { table, file } = await uploadedTable(c);
      const scope = await scopePath(db.dbWrite, user);
      const units = await listSubtree(db.dbWrite, user.tenant_id);
      const plan = planUnitImport(table, units, { path: scope, ownUnitId: user.unit_id });
      if (plan.problems.length > 0) {
        return c.json(
          {
            error: 'Nothing was imported: some lines are not valid.',
            message: {
              vi: 'Chưa nhập đơn vị nào: có dòng chưa hợp lệ. Xin sửa và gửi lại cả tệp.',
              en: 'Nothing was imported: some lines are not valid. Fix them and send the whole file again.',
            },
            rows: table.rows.length,
            problems: plan.problems,
          },
          422,
        );
      }
      const counts = await importUnits(db.dbWrite, user.tenant_id, plan, (trx, done) =>
        recordAudit(trx, user, 'units_imported', file.name ? `file:${file.name}` : null, { ...done, unchanged: plan.unchanged, file }),
      ).catch(refused);
      const result = { rows: table.rows.length, ...counts, unchanged: plan.unchanged };
      return c.json(result, counts.created > 0 ? 201 : 200);
    });
}
