import { Hono } from 'hono';
import { z } from 'zod';
import { insertApiKey, listApiKeys, revokeApiKey, type ApiKeyView } from '../../db/api-keys';
import { API_KEY_SCOPES } from '../../surveys/api-key-scopes';
import { recordAudit } from '../audit/record-audit';
import type { AppDeps, AppEnv } from '../http/context';
import { RequestError } from '../http/errors';
import { parseJsonBody } from '../http/json-body';
import { scopePath } from '../http/unit-scope';
import { newKeySecret } from '../auth/api-key-secret';
import { ALREADY_REVOKED, assertKeyUnit, KEY_NOT_FOUND, keyInScope, managedKey } from './api-key-rules';

const newKey = z.object({
  name: z.string().trim().min(1).max(100),
  unitId: z.number().int().positive().nullable().optional().default(null),
  scopes: z
    .array(z.enum(API_KEY_SCOPES))
    .min(1)
    .transform((s) => [...new Set(s)]),
});

const MAX_ID = 2 ** 31 - 1;
const idOf = (raw: string) => {
  const id = Number(raw);
  if (!Number.isSafeInteger(id) || id <= 0 || id > MAX_ID) throw new RequestError(404, KEY_NOT_FOUND);
  return id;
};

const view = (k: ApiKeyView) => ({
  id: k.id,
  name: k.name,
  prefix: k.prefix,
  unit: k.unit_id === null ? null : { id: k.unit_id, name: k.unit_name, code: k.unit_code },
  scopes: k.scopes,
  createdAt: k.created_at,
  createdBy: k.created_by,
  lastUsedAt: k.last_used_at,
  revokedAt: k.revoked_at,
});

/**
 * API keys for machine clients (the province's one-stop system): created by administrators within
 * their scope (api-key-rules.ts), the whole key shown in the creating answer only, revoked for good.
 */
export function apiKeyRoutes({ db }: AppDeps) {
  return new Hono<AppEnv>()
    .get('/api-keys', async (c) => {
      const me = c.get('user');
      const [scope, keys] = await Promise.all([scopePath(db.dbWrite, me), listApiKeys(db.dbWrite, me.tenant_id)]);
      return c.json({ keys: keys.filter((k) => keyInScope(scope, k.unit_path)).map(view) });
    })
    .post('/api-keys', async (c) => {
      const me = c.get('user');
      const body = await parseJsonBody(c, newKey);
      await assertKeyUnit(db.dbWrite, me, await scopePath(db.dbWrite, me), body.unitId);
      const { prefix, key, secretHash } = newKeySecret();
      const created = await db.dbWrite.transaction().execute(async (trx) => {
        const row = await insertApiKey(trx, {
          tenant_id: me.tenant_id,
          name: body.name,
          prefix,
          secret_hash: secretHash,
          unit_id: body.unitId,
          scopes: body.scopes,
          created_by: me.id,
        });
        // The prefix names the key; the secret never enters the log.
        await recordAudit(trx, me, 'api_key_created', `api_key:${row.id}`, {
          name: body.name,
          prefix,
          unitId: body.unitId,
          scopes: body.scopes,
        });
        return row;
      });
      return c.json({ id: created.id, prefix, key }, 201);
    })
    .post('/api-keys/:id{[0-9]+}/revoke', async (c) => {
      const me = c.get('user');
      const found = await managedKey(db.dbWrite, me, await scopePath(db.dbWrite, me), idOf(c.req.param('id')));
      if (found.revoked_at !== null) throw new RequestError(409, ALREADY_REVOKED);
      await db.dbWrite.transaction().execute(async (trx) => {
        if (!(await revokeApiKey(trx, me.tenant_id, found.id, me.id, new Date()))) throw new RequestError(409, ALREADY_REVOKED);
        await recordAudit(trx, me, 'api_key_revoked', `api_key:${found.id}`, { name: found.name, prefix: found.prefix });
      });
      return c.json({ id: found.id, revoked: true });
    });
}
