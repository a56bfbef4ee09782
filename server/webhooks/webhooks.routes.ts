import { Hono } from 'hono';
import { z } from 'zod';
import { deleteEndpoint, findEndpoint, insertEndpoint, listDeliveries, listEndpoints, redeliver, updateEndpoint } from '../../db/webhooks';
import { WEBHOOK_EVENTS } from '../../surveys/webhook-events';
import { recordAudit } from '../audit/record-audit';
import type { AppDeps, AppEnv } from '../http/context';
import { RequestError } from '../http/errors';
import { parseJsonBody } from '../http/json-body';
import { newWebhookSecret } from './webhook-signature';

const events = z
  .array(z.enum(WEBHOOK_EVENTS))
  .min(1)
  .transform((e) => [...new Set(e)]);
const url = z.url({ protocol: /^https?$/ }).max(2000);
const newEndpoint = z.object({ url, events, description: z.string().trim().max(200).default('') });
const endpointChange = z.object({
  url: url.optional(),
  events: events.optional(),
  description: z.string().trim().max(200).optional(),
  enabled: z.boolean().optional(),
});

const NOT_FOUND = { vi: 'Không tìm thấy webhook.', en: 'Webhook not found.' };
const DELIVERY_NOT_FOUND = { vi: 'Không tìm thấy lần gửi này, hoặc nó đang được gửi.', en: 'Delivery not found, or being sent right now.' };

const idOf = (raw: string, text = NOT_FOUND) => {
  const id = Number(raw);
  if (!Number.isSafeInteger(id) || id <= 0 || id > 2 ** 31 - 1) throw new RequestError(404, text);
  return id;
};

type Endpoint = NonNullable<Awaited<ReturnType<typeof findEndpoint>>>;
const view = (e: Endpoint) => ({
  id: e.id,
  url: e.url,
  events: e.events,
  description: e.description,
  enabled: e.disabled_at === null,
  disabledAt: e.disabled_at,
  disabledReason: e.disabled_reason,
  consecutiveFailures: e.consecutive_failures,
  createdAt: e.created_at,
});

/** A tenant's webhook endpoints (administrators of the whole tenant): the secret is shown in the creating answer only. */
export function webhookRoutes({ db }: AppDeps) {
  const endpointOf = async (tenantId: number, raw: string) => {
    const found = await findEndpoint(db.dbWrite, tenantId, idOf(raw));
    if (!found) throw new RequestError(404, NOT_FOUND);
    return found;
  };
  return new Hono<AppEnv>()
    .get('/webhooks', async (c) => c.json({ webhooks: (await listEndpoints(db.dbWrite, c.get('user').tenant_id)).map(view) }))
    .post('/webhooks', async (c) => {
      const me = c.get('user');
      const body = await parseJsonBody(c, newEndpoint);
      const secret = newWebhookSecret();
      const row = await db.dbWrite.transaction().execute(async (trx) => {
        const created = await insertEndpoint(trx, {
          tenant_id: me.tenant_id,
          url: body.url,
          events: body.events,
          secret,
          description: body.description,
          created_by: me.id,
        });
        await recordAudit(trx, me, 'webhook_created', `webhook:${created.id}`, { url: body.url, events: body.events });
        return created;
      });
      return c.json({ id: row.id, secret }, 201);
    })
    .patch('/webhooks/:id{[0-9]+}', async (c) => {
      const me = c.get('user');
      const found = await endpointOf(me.tenant_id, c.req.param('id'));
      const body = await parseJsonBody(c, endpointChange);
      await db.dbWrite.transaction().execute(async (trx) => {
        if (!(await updateEndpoint(trx, me.tenant_id, found.id, body))) throw new RequestError(404, NOT_FOUND);
        await recordAudit(trx, me, 'webhook_changed', `webhook:${found.id}`, body);
      });
      return c.json(view((await findEndpoint(db.dbWrite, me.tenant_id, found.id))!));
    })
    .delete('/webhooks/:id{[0-9]+}', async (c) => {
      const me = c.get('user');
      const found = await endpointOf(me.tenant_id, c.req.param('id'));
      await db.dbWrite.transaction().execute(async (trx) => {
        if (!(await deleteEndpoint(trx, me.tenant_id, found.id))) throw new RequestError(404, NOT_FOUND);
        await recordAudit(trx, me, 'webhook_deleted', `webhook:${found.id}`, { url: found.url });
      });
      return c.json({ id: found.id, deleted: true });
    })
    .get('/webhooks/:id{[0-9]+}/deliveries', async (c) => {
      const me = c.get('user');
      const found = await endpointOf(me.tenant_id, c.req.param('id'));
      return c.json(await listDeliveries(db.dbWrite, me.tenant_id, found.id));
    })
    .post('/webhooks/:id{[0-9]+}/deliveries/:deliveryId{[0-9]+}/redeliver', async (c) => {
      const me = c.get('user');
      const found = await endpointOf(me.tenant_id, c.req.param('id'));
      const deliveryId = idOf(c.req.param('deliveryId'), DELIVERY_NOT_FOUND);
      await db.dbWrite.transaction().execute(async (trx) => {
        if (!(await redeliver(trx, me.tenant_id, found.id, deliveryId, new Date()))) throw new RequestError(404, DELIVERY_NOT_FOUND);
        await recordAudit(trx, me, 'webhook_redelivered', `webhook:${found.id}`, { deliveryId });
      });
      return c.json({ id: deliveryId, queued: true });
    });
}
