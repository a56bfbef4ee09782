import { Hono } from 'hono';
import type { Kysely } from 'kysely';
import { deletePortalFigure, findPortalFigure, savePortalFigures, type PortalFigureInput, type SavedFigure } from '../../db/portal-figures';
import type { Database } from '../../db/types';
import { findUnit } from '../../db/units';
import type { LocalizedText } from '../../surveys/localized-text';
import { recordAudit } from '../audit/record-audit';
import type { AppDeps, AppEnv, SessionUser } from '../http/context';
import { RequestError } from '../http/errors';
import { readJson } from '../http/json-body';
import { assertNoNul } from '../http/nul-bytes';
import { assertInScope, scopePath, UNIT_NOT_FOUND } from '../http/unit-scope';
import { uploadedTable } from '../imports/import-file';
import { checkFigure } from './portal-figure-check';
import { planFigureSheet } from './portal-figure-sheet';
import { PF } from './portal-figure-texts';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The audit entries of entered figures, last in their transaction: the old value beside the new. */
function auditEntered(trx: Kysely<Database>, user: SessionUser, saved: SavedFigure[], codes: Map<number, string>, source: object) {
  return saved.reduce(
    (prev, { figure, before }) =>
      prev.then(() =>
        recordAudit(trx, user, 'portal_figure_entered', `portal_figure:${figure.id}`, {
          unit: codes.get(figure.unit_id),
          indicator: figure.indicator,
          from: figure.period_from,
          to: figure.period_to,
          value: { from: before?.value ?? null, to: figure.value },
          ...(before && before.note !== figure.note ? { note: { from: before.note, to: figure.note } } : {}),
          ...source,
        }),
      ),
    Promise.resolve(),
  );
}

/** An analyst's copy of the national portal's figures: entered one by one, replaced, removed, or imported from a sheet. */
export function portalFigureRoutes({ db }: AppDeps) {
  return new Hono<AppEnv>()
    .put('/indices/766/portal-figures', async (c) => {
      const user = c.get('user');
      const raw = await readJson(c);
      const body = isRecord(raw) ? raw : {};
      assertNoNul(body);
      const fields: Record<string, LocalizedText> = {};
      const unitId = body.unitId;
      if (typeof unitId !== 'number' || !Number.isInteger(unitId) || unitId <= 0) fields.unitId = PF.unit;
      const checked = checkFigure({ indicator: body.indicator, from: body.from, to: body.to, value: body.value, note: body.note });
      if ('problems' in checked) Object.assign(fields, checked.problems);
      if (Object.keys(fields).length > 0 || 'problems' in checked) throw new RequestError(422, PF.invalid, fields);
      const unit = await findUnit(db.dbWrite, user.tenant_id, unitId as number);
      if (!unit) throw new RequestError(404, UNIT_NOT_FOUND);
      assertInScope(await scopePath(db.dbWrite, user), unit.path);
      const input: PortalFigureInput = { unitId: unit.id, ...checked.figure };
      const [saved] = await savePortalFigures(db.dbWrite, user.tenant_id, user.id, [input], (trx, s) =>
        auditEntered(trx, user, s, new Map([[unit.id, unit.code]]), { source: 'form' }),
      );
      const { figure, before } = saved!;
      return c.json(
        {
          id: figure.id,
          unit: { id: unit.id, code: unit.code, name: unit.name },
          indicator: figure.indicator,
          from: figure.period_from,
          to: figure.period_to,
          value: figure.value,
          note: figure.note,
          replaced: before ? { value: before.value, note: before.note } : null,
        },
        before ? 200 : 201,
      );
    })
    .delete('/indices/766/portal-figures/:id{[0-9]+}', async (c) => {
      const user = c.get('user');
      const figure = await findPortalFigure(db.dbWrite, user.tenant_id, Number(c.req.param('id')));
      if (!figure) throw new RequestError(404, PF.notFound);
      assertInScope(await scopePath(db.dbWrite, user), figure.unit_path);
      await deletePortalFigure(db.dbWrite, user.tenant_id, figure.id, (trx) =>
        recordAudit(trx, user, 'portal_figure_deleted', `portal_figure:${figure.id}`, {
          unit: figure.unit_code,
          indicator: figure.indicator,
          from: figure.period_from,
          to: figure.period_to,
          value: figure.value,
          note: figure.note,
        }),
      );
      return c.json({ id: figure.id, deleted: true });
    })
    .post('/indices/766/portal-figures/import', async (c) => {
      const user = c.get('user');
      const { table, file, fileKey } = await uploadedTable(c);
      const scope = await scopePath(db.dbWrite, user);
      const plan = await planFigureSheet(db.dbWrite, user.tenant_id, scope, table);
      const rows = table.rows.length;
      if (plan.problems.length > 0) {
        return c.json({ error: PF.refused.en, message: PF.refused, rows, problems: plan.problems }, 422);
      }
      const codes = new Map(plan.figures.map((f) => [f.unitId, f.unitCode]));
      const saved = await savePortalFigures(db.dbWrite, user.tenant_id, user.id, plan.figures, (trx, s) =>
        auditEntered(trx, user, s, codes, { source: 'import', file: file.name, fileKey }),
      );
      const replaced = saved.filter((s) => s.before !== null).length;
      return c.json({ rows, created: saved.length - replaced, replaced, ids: saved.map((s) => s.figure.id) });
    });
}
