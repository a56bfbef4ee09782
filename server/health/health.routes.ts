import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../http/context';
import { RETRY_AFTER_SECONDS } from '../http/errors';
import { createDatabaseProbe } from './database-probe';
import { replicaLagProbe } from './replica-lag-probe';

const NO_STORE = { 'Cache-Control': 'no-store' };

/**
 * `/livez`: the process answers (a supervisor restarts it when this fails); it never touches the
 * database, so a database outage does not get hailong restarted for nothing. `/healthz`: the
 * process answers and can reach its database (a load balancer or monitor acts on this); with a
 * read replica, also how many seconds its figures are behind (`readReplica.lagSeconds`), which the
 * dashboards show past a few seconds.
 */
export function healthRoutes({ db }: AppDeps) {
  const databaseReachable = createDatabaseProbe(db.dbWrite);
  const replicaLag = replicaLagProbe(db);
  return new Hono<AppEnv>()
    .get('/livez', (c) => c.json({ status: 'ok' }, 200, NO_STORE))
    .get('/healthz', async (c) => {
      const [reachable, lag] = await Promise.all([databaseReachable(), replicaLag()]);
      const body = {
        status: reachable ? 'ok' : 'degraded',
        database: db.kind,
        databaseReachable: reachable,
        ...(lag.configured ? { readReplica: { lagSeconds: lag.lagSeconds } } : {}),
      };
      return reachable ? c.json(body, 200, NO_STORE) : c.json(body, 503, { ...NO_STORE, 'Retry-After': String(RETRY_AFTER_SECONDS) });
    });
}
