import { Hono } from 'hono';
import { listCounters } from '../../db/counters';
import { listSectors, targetsInForce } from '../../db/sectors';
import { listSurveyVersions } from '../../db/surveys';
import { listUnits } from '../../db/units';
import type { AppDeps, AppEnv } from '../http/context';
import { metaView } from './meta-view';

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
    return c.json(metaView({ units, counters, sectors, targets, versions }));
  });
}
