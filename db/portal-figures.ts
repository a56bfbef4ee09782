import type { Kysely, Selectable } from 'kysely';
import type { PortalIndicator } from '../surveys/portal-figures';
import type { Database, PortalFiguresTable } from './types';
import { likePrefix } from './unit-view';

export type PortalFigureRow = Selectable<PortalFiguresTable>;

export interface PortalFigureInput {
  unitId: number;
  indicator: PortalIndicator;
  from: string;
  to: string;
  value: number;
  note: string;
}

export interface SavedFigure {
  figure: PortalFigureRow;
  /** The figure it replaced (same unit, indicator and period), or null when it is new. */
  before: PortalFigureRow | null;
}

const dayText = (d: unknown) => (d instanceof Date ? d.toISOString().slice(0, 10) : String(d));
const normal = (row: PortalFigureRow): PortalFigureRow => ({
  ...row,
  period_from: dayText(row.period_from),
  period_to: dayText(row.period_to),
});

/**
 * Enters figures, each replacing the one of its unit, indicator and period, in one transaction;
 * `along` runs last in it (the audit entries), so the figures and their record commit together.
 */
export async function savePortalFigures(
  db: Kysely<Database>,
  tenantId: number,
  userId: number | null,
  figures: readonly PortalFigureInput[],
  along: (trx: Kysely<Database>, saved: SavedFigure[]) => Promise<void>,
): Promise<SavedFigure[]> {
  return db.transaction().execute(async (trx) => {
    const saved: SavedFigure[] = [];
    for (const f of figures) {
      const before = await trx
        .selectFrom('portal_figures')
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .where('unit_id', '=', f.unitId)
        .where('indicator', '=', f.indicator)
        .where('period_from', '=', f.from)
        .where('period_to', '=', f.to)
        .forUpdate()
        .executeTakeFirst();
      const values = { value: f.value, note: f.note, entered_by: userId, entered_at: new Date() };
      const figure = before
        ? await trx.updateTable('portal_figures').set(values).where('id', '=', before.id).returningAll().executeTakeFirstOrThrow()
        : await trx
            .insertInto('portal_figures')
            .values({ tenant_id: tenantId, unit_id: f.unitId, indicator: f.indicator, period_from: f.from, period_to: f.to, ...values })
            .returningAll()
            .executeTakeFirstOrThrow();
      saved.push({ figure: normal(figure), before: before ? normal(before) : null });
    }
    await along(trx, saved);
    return saved;
  });
}

export async function findPortalFigure(db: Kysely<Database>, tenantId: number, id: number) {
  const row = await db
    .selectFrom('portal_figures as f')
    .innerJoin('units as u', 'u.id', 'f.unit_id')
    .selectAll('f')
    .select(['u.path as unit_path', 'u.code as unit_code'])
    .where('f.tenant_id', '=', tenantId)
    .where('f.id', '=', id)
    .executeTakeFirst();
  return row ? { ...row, period_from: dayText(row.period_from), period_to: dayText(row.period_to) } : undefined;
}

export async function deletePortalFigure(
  db: Kysely<Database>,
  tenantId: number,
  id: number,
  along: (trx: Kysely<Database>) => Promise<void>,
) {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('portal_figures').where('tenant_id', '=', tenantId).where('id', '=', id).execute();
    await along(trx);
  });
}

/**
 * The figures of units under `path` (the whole tenant when undefined) whose period lies within
 * [from, to] (either bound may be left open), with their unit, in unit and period order.
 */
export async function listPortalFigures(
  db: Kysely<Database>,
  filter: { tenantId: number; path?: string | undefined; from?: string | undefined; to?: string | undefined },
) {
  let q = db
    .selectFrom('portal_figures as f')
    .innerJoin('units as u', 'u.id', 'f.unit_id')
    .selectAll('f')
    .select(['u.code as unit_code', 'u.name as unit_name', 'u.path as unit_path'])
    .where('f.tenant_id', '=', filter.tenantId);
  if (filter.path !== undefined) q = q.where('u.path', 'like', likePrefix(filter.path));
  if (filter.from !== undefined) q = q.where('f.period_from', '>=', filter.from);
  if (filter.to !== undefined) q = q.where('f.period_to', '<=', filter.to);
  const rows = await q.orderBy('u.path').orderBy('f.period_from').orderBy('f.period_to').orderBy('f.indicator').execute();
  return rows.map((r) => ({ ...r, period_from: dayText(r.period_from), period_to: dayText(r.period_to) }));
}
