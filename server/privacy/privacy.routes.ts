import { Hono } from 'hono';
import { z } from 'zod';
import { countPastRetention, eraseResponse, setTenantRetentionMonths, tenantRetentionMonths } from '../../db/retention';
import { recordAudit } from '../audit/record-audit';
import { scopePath } from '../http/unit-scope';
import type { AppDeps, AppEnv } from '../http/context';
import { RequestError } from '../http/errors';
import { parseJsonBody } from '../http/json-body';
import { parseQuery } from '../http/parse-query';
import { applyAllRetention, retentionCutoff } from './retention';

const MONTHS = z.number().int().min(1).max(120);
const retention = z.object({ months: MONTHS });
const preview = z.object({ months: z.coerce.number().pipe(MONTHS) });

/**
 * Personal data (Decree 13/2023/NĐ-CP): how long free text and contact data are kept, and the
 * deletion of one person's data on request.
 */
export function privacyRoutes({ db }: AppDeps) {
  return (
    new Hono<AppEnv>()
      .get('/privacy/retention', async (c) => c.json({ months: await tenantRetentionMonths(db.dbWrite, c.get('user').tenant_id) }))
      // What a period would remove if it were applied now, before an administrator confirms it: nothing changes.
      .get('/privacy/retention/preview', async (c) => {
        const { months } = parseQuery(preview, c.req.query());
        const cutoff = retentionCutoff(new Date(), months);
        return c.json({ months, cutoff, ...(await countPastRetention(db.dbWrite, c.get('user').tenant_id, cutoff)) });
      })
      .put('/privacy/retention', async (c) => {
        const user = c.get('user');
        const { months } = await parseJsonBody(c, retention);
        await setTenantRetentionMonths(db.dbWrite, user.tenant_id, months);
        await recordAudit(db, user, 'retention_changed', null, { months });
        const applied = await applyAllRetention(db.dbWrite);
        return c.json({ months, applied: applied.find((a) => a.tenantId === user.tenant_id) });
      })
      .post('/responses/:id/erase', async (c) => {
        const user = c.get('user');
        const id = Number(c.req.param('id'));
        if (!Number.isInteger(id) || id <= 0)
          throw new RequestError(400, { vi: 'Mã phiếu phải là số.', en: 'The answer id must be a number.' });
        const erased = await eraseResponse(db.dbWrite, user.tenant_id, id, await scopePath(db.dbWrite, user));
        if (!erased) throw new RequestError(404, { vi: 'Không tìm thấy phiếu.', en: 'Answer not found.' });
        await recordAudit(db, user, 'response_erased', `response:${id}`, {});
        return c.json({ id, erased: true });
      })
  );
}
