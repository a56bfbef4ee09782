import { Hono } from 'hono';
import { listCounters } from '../../db/counters';
import { listSectors, planRows } from '../../db/sectors';
import { listSurveyVersions } from '../../db/surveys';
import { standingReorganisations } from '../../db/unit-lineage';
import { listUnits } from '../../db/units';
import { currentPlanYear, targetLines } from '../../surveys/plan-targets';
import type { AppDeps, AppEnv } from '../http/context';
import { metaView } from './meta-view';

/** What the analyst app needs to draw its choices: the tenant's units, counters, surveys, sectors and targets. */
export function metaRoutes({ db }: AppDeps) {
  return new Hono<AppEnv>().get('/meta', async (c) => {
    const user = c.get('user');
    const year = currentPlanYear();
    const [units, counters, sectors, rows, versions, events] = await Promise.all([
      listUnits(db.dbWrite, user.tenant_id),
      listCounters(db.dbWrite, user.tenant_id),
      listSectors(db.dbWrite, user.tenant_id),
      planRows(db.dbWrite, user.tenant_id, year),
      listSurveyVersions(db.dbWrite, user.tenant_id),
      standingReorganisations(db.dbWrite, user.tenant_id),
    ]);
    const reorganisationDays = events.map((e) => e.effective_on).sort();
    // This year's target of every sector, as GET /api/targets shows it (a sector of the tenant's own without one: the overall target).
    const lines = targetLines(
      rows,
      sectors.map((s) => ({ code: s.code, name: { vi: s.name_vi, en: s.name_en }, isLocal: s.is_local })),
      year,
    );
    const targets = new Map(lines.map((l) => [l.sector, l.target]));
    return c.json(metaView({ units, counters, sectors, targets, versions, reorganisationDays }));
  });
}
