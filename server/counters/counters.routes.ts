import { Hono } from 'hono';
import { z } from 'zod';
import { listCounterSettings, setCounterKiosk } from '../../db/counters';
import { recordAudit } from '../audit/record-audit';
import type { AppDeps, AppEnv } from '../http/context';
import { RequestError } from '../http/errors';
import { parseJsonBody } from '../http/json-body';

const counterSettings = z.object({ kiosk: z.boolean() });

/** Counter settings an administrator reads and changes: for now, whether the counter's form runs as a kiosk. */
export function counterRoutes({ db }: AppDeps) {
  return new Hono<AppEnv>()
    .get('/counters', async (c) => {
      const rows = await listCounterSettings(db.dbRead, c.get('user').tenant_id);
      return c.json({
        counters: rows.map((r) => ({
          code: r.code,
          name: r.name,
          unit: { id: r.unit_id, name: r.unit_name },
          kiosk: r.kiosk,
          retired: r.retired_at !== null,
        })),
      });
    })
    .patch('/counters/:code', async (c) => {
      const user = c.get('user');
      const { kiosk } = await parseJsonBody(c, counterSettings);
      const counter = await setCounterKiosk(db.dbWrite, user.tenant_id, c.req.param('code'), kiosk);
      if (!counter) throw new RequestError(404, { vi: 'Không tìm thấy quầy.', en: 'Counter not found.' });
      await recordAudit(db, user, 'counter_changed', `counter:${counter.code}`, { kiosk });
      return c.json(counter);
    });
}
