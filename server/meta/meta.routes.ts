import { Hono } from 'hono';
import { listCounters } from '../../db/counters';
import { listSectors, targetsInForce } from '../../db/sectors';
import { listSurveyVersions } from '../../db/surveys';
import { listUnits } from '../../db/units';
import { OVERALL_KEY, OVERALL_TARGET, SECTORS } from '../../surveys/sectors';
import type { AppDeps, AppEnv } from '../context';

/** What the analyst app needs to draw its choices: the tenant's units, counters, surveys, sectors and targets. */
export function metaRoutes({ db }: AppDeps) {
  return new Hono<AppEnv>().get('/meta', async (c) => {
    const user = c.get('user');
    const [units, counters, sectors, targets, versions] = await Promise.all([
      listUnits(db.dbRead, user.tenant_id),
      listCounters(db.dbRead, user.tenant_id),
      listSectors(db.dbRead, user.tenant_id),
      targetsInForce(db.dbRead, user.tenant_id, new Date().getFullYear()),
      listSurveyVersions(db.dbRead, user.tenant_id),
    ]);
    // Each survey once, named by its newest version (versions come oldest first).
    const surveys = new Map(versions.map((v) => [v.key, { key: v.key, title: v.definition.title, version: v.version }]));
    return c.json({
      units: units.map((u) => ({ id: u.id, parentId: u.parent_id, code: u.code, name: u.name, kind: u.kind })),
      counters: counters.filter((k) => !k.retired_at).map((k) => ({ id: k.id, code: k.code, name: k.name, unitId: k.unit_id })),
      surveys: [...surveys.values()],
      sectors: sectors.sort(bySectorOrder).map((s) => ({ code: s.code, name: { vi: s.name_vi, en: s.name_en }, target: targets.get(s.code) ?? null })),
      overallTarget: targets.get(OVERALL_KEY) ?? OVERALL_TARGET,
    });
  });
}

// The plan's order (the 85 % sectors first), not the alphabet of codes.
const SECTOR_ORDER = new Map<string, number>(SECTORS.map((s, i) => [s.code, i]));
const bySectorOrder = (a: { code: string }, b: { code: string }) =>
  (SECTOR_ORDER.get(a.code) ?? SECTORS.length) - (SECTOR_ORDER.get(b.code) ?? SECTORS.length);
