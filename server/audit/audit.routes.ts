import { Hono } from 'hono';
import { z } from 'zod';
import { listAudit, verifyAuditChain } from '../../db/audit-log';
import type { AppDeps, AppEnv } from '../http/context';
import { parseQuery } from '../http/parse-query';

const auditQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  before: z.coerce.number().int().positive().optional(),
  action: z
    .string()
    .regex(/^[a-z_]{1,50}$/)
    .optional(),
  actor: z.string().trim().min(1).max(200).optional(),
});

/** The audit log, for administrators: `GET /audit` newest first, `GET /audit/verify` the chain's check. */
export function auditRoutes({ db }: AppDeps) {
  return new Hono<AppEnv>()
    .get('/audit', async (c) => {
      const q = parseQuery(auditQuery, c.req.query());
      const rows = await listAudit(db.dbRead, c.get('user').tenant_id, q);
      return c.json({
        items: rows.map((r) => ({
          id: r.id,
          at: r.at,
          tenantId: r.tenant_id,
          actor: { userId: r.actor_user_id, username: r.actor_username },
          action: r.action,
          subject: r.subject,
          details: r.details,
          hash: r.hash,
        })),
        nextBefore: rows.length === q.limit ? rows[rows.length - 1]!.id : null,
      });
    })
    .get('/audit/verify', async (c) => c.json(await verifyAuditChain(db.dbRead)));
}
