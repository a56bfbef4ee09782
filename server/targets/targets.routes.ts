import { Hono } from 'hono';
import { listSectors, planRows } from '../../db/sectors';
import { OVERALL_KEY } from '../../surveys/sectors';
import { currentPlanYear, PLAN_YEAR_MAX, PLAN_YEAR_MIN, planYears, targetLines } from '../../surveys/plan-targets';
import type { AppDeps, AppEnv } from '../http/context';
import { RequestError } from '../http/errors';
import { parseJsonBody } from '../http/json-body';
import { changeTargets, targetsBody } from './change-targets';
import { createSector, sectorBody } from './create-sector';
import { assertProvinceAdmin } from './province-admin';

const YEAR_HELP = {
  vi: `Năm kế hoạch phải là số nguyên từ ${PLAN_YEAR_MIN} đến ${PLAN_YEAR_MAX}, ví dụ ?year=2026.`,
  en: `The plan year must be a whole number from ${PLAN_YEAR_MIN} to ${PLAN_YEAR_MAX}, e.g. ?year=2026.`,
};

/** ?year=YYYY, this year in Vietnam when absent. */
function planYearOf(raw: string | undefined): number {
  if (raw === undefined || raw === '') return currentPlanYear();
  const year = /^\d{4}$/.test(raw) ? Number(raw) : NaN;
  if (!(year >= PLAN_YEAR_MIN && year <= PLAN_YEAR_MAX)) throw new RequestError(400, YEAR_HELP, { year: YEAR_HELP });
  return year;
}

const tenantSectors = async (db: AppDeps['db']['dbWrite'], tenantId: number) =>
  (await listSectors(db, tenantId)).map((s) => ({ code: s.code, name: { vi: s.name_vi, en: s.name_en }, isLocal: s.is_local }));

/**
 * The province's plan: targets per plan year and sector (docs/domain.md §2), and the sectors it
 * adds of its own. Reading is for analysts and administrators; changing is for province-wide
 * administrators, each change in the audit log.
 */
export function targetRoutes({ db }: AppDeps) {
  const view = async (tenantId: number, year: number) => {
    const [sectors, rows] = await Promise.all([tenantSectors(db.dbWrite, tenantId), planRows(db.dbWrite, tenantId)]);
    return { year, currentYear: currentPlanYear(), targets: targetLines(rows, sectors, year), planYears: planYears(rows) };
  };
  return new Hono<AppEnv>()
    .get('/targets', async (c) => c.json(await view(c.get('user').tenant_id, planYearOf(c.req.query('year')))))
    .put('/targets', async (c) => {
      const user = c.get('user');
      assertProvinceAdmin(user);
      const year = planYearOf(c.req.query('year'));
      const body = await parseJsonBody(c, targetsBody);
      const changes = await changeTargets(db.dbWrite, user, year, currentPlanYear(), body);
      return c.json({ ...(await view(user.tenant_id, year)), changed: changes });
    })
    .get('/sectors', async (c) => {
      const user = c.get('user');
      const year = currentPlanYear();
      const [sectors, rows] = await Promise.all([tenantSectors(db.dbWrite, user.tenant_id), planRows(db.dbWrite, user.tenant_id, year)]);
      const lines = targetLines(rows, sectors, year).filter((l) => l.sector !== OVERALL_KEY);
      return c.json({ year, sectors: lines });
    })
    .post('/sectors', async (c) => {
      const user = c.get('user');
      assertProvinceAdmin(user);
      const body = await parseJsonBody(c, sectorBody);
      return c.json(await createSector(db.dbWrite, user, currentPlanYear(), body), 201);
    });
}
