import { Hono } from 'hono';
import { z } from 'zod';
import { deleteSubscription, insertSubscription, listSubscriptions } from '../../db/notifications';
import { recordAudit } from '../audit/record-audit';
import type { AppDeps, AppEnv } from '../http/context';
import { RequestError } from '../http/errors';
import { parseJsonBody } from '../http/json-body';
import { inScope, scopePath, unitInScope } from '../http/unit-scope';

const hour = z.number().int().min(0).max(23);
const newSubscription = z
  .object({
    unitId: z.number().int().positive(),
    email: z.email().max(200),
    /** Whose address it is; omitted: the caller's own. Only an administrator names someone else. */
    userId: z.number().int().positive().optional(),
    mode: z.enum(['immediate', 'digest']).default('immediate'),
    quietFrom: hour.nullable().default(null),
    quietTo: hour.nullable().default(null),
  })
  .refine((s) => (s.quietFrom === null) === (s.quietTo === null), { message: 'quietFrom and quietTo go together', path: ['quietTo'] });

const NOT_FOUND = { vi: 'Không tìm thấy đăng ký nhận cảnh báo.', en: 'Alert subscription not found.' };
const ONLY_SELF = {
  vi: 'Bạn chỉ có thể đăng ký địa chỉ e-mail của chính mình.',
  en: 'You may subscribe only your own e-mail address.',
};

const idOf = (raw: string) => {
  const id = Number(raw);
  if (!Number.isSafeInteger(id) || id <= 0 || id > 2 ** 31 - 1) throw new RequestError(404, NOT_FOUND);
  return id;
};

/**
 * Who hears of a unit's alerts by e-mail: an administrator subscribes anyone within their subtree,
 * any other user only themself; each sees the subscriptions they may manage.
 */
export function subscriptionRoutes({ db }: AppDeps) {
  const visible = async (me: AppEnv['Variables']['user']) => {
    const scope = await scopePath(db.dbWrite, me);
    const all = await listSubscriptions(db.dbWrite, me.tenant_id);
    return all.filter((s) => (me.role === 'admin' ? inScope(scope, s.unit_path) : s.user_id === me.id));
  };
  return new Hono<AppEnv>()
    .get('/alert-subscriptions', async (c) => {
      const subs = await visible(c.get('user'));
      return c.json({
        subscriptions: subs.map((s) => ({
          id: s.id,
          unit: { id: s.unit_id, name: s.unit_name },
          userId: s.user_id,
          username: s.username,
          email: s.email,
          mode: s.mode,
          quietFrom: s.quiet_from,
          quietTo: s.quiet_to,
          createdAt: s.created_at,
        })),
      });
    })
    .post('/alert-subscriptions', async (c) => {
      const me = c.get('user');
      const body = await parseJsonBody(c, newSubscription);
      if (me.role !== 'admin' && body.userId !== undefined && body.userId !== me.id) throw new RequestError(403, ONLY_SELF);
      await unitInScope(db.dbWrite, me, await scopePath(db.dbWrite, me), body.unitId);
      const row = await db.dbWrite.transaction().execute(async (trx) => {
        const created = await insertSubscription(trx, {
          tenant_id: me.tenant_id,
          unit_id: body.unitId,
          user_id: body.userId ?? me.id,
          email: body.email.toLowerCase(),
          mode: body.mode,
          quiet_from: body.quietFrom,
          quiet_to: body.quietTo,
        });
        await recordAudit(trx, me, 'alert_subscription_created', `alert_subscription:${created.id}`, {
          unitId: body.unitId,
          mode: body.mode,
        });
        return created;
      });
      return c.json({ id: row.id }, 201);
    })
    .delete('/alert-subscriptions/:id{[0-9]+}', async (c) => {
      const me = c.get('user');
      const id = idOf(c.req.param('id'));
      if (!(await visible(me)).some((s) => s.id === id)) throw new RequestError(404, NOT_FOUND);
      await db.dbWrite.transaction().execute(async (trx) => {
        if (!(await deleteSubscription(trx, me.tenant_id, id))) throw new RequestError(404, NOT_FOUND);
        await recordAudit(trx, me, 'alert_subscription_deleted', `alert_subscription:${id}`, {});
      });
      return c.json({ id, deleted: true });
    });
}
