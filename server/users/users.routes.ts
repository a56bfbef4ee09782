import { Hono } from 'hono';
import { z } from 'zod';
import { deleteUserSessions } from '../../db/sessions';
import { findUser, listUsers, updateUser } from '../../db/users';
import { ROLES } from '../../surveys/roles';
import { USERNAME_PATTERN, USERNAME_RULE } from '../../surveys/username';
import { hashPassword, randomPassword } from '../auth/password';
import { recordAudit } from '../audit/record-audit';
import type { AppDeps, AppEnv } from '../http/context';
import { RequestError } from '../http/errors';
import { parseJsonBody } from '../http/json-body';
import { accountChangeAction, accountChangeColumns } from './account-change';
import { assertAccountUnit } from './account-unit';
import { createAccount } from './create-account';
import { demotesSelf, SELF_DEMOTION } from './self-demotion';

const password = z.string().min(10, 'a password needs at least 10 characters').max(200);

const newUser = z.object({
  username: z.string().trim().regex(USERNAME_PATTERN, USERNAME_RULE),
  role: z.enum(ROLES),
  unitId: z.number().int().positive().nullable().default(null),
  password: password.optional(),
});

const change = z
  .object({ role: z.enum(ROLES).optional(), unitId: z.number().int().positive().nullable().optional(), disabled: z.boolean().optional() })
  .refine((c) => Object.keys(c).length > 0, { message: 'say what to change: role, unitId or disabled', path: ['role'] });

const NOT_FOUND = { vi: 'Không tìm thấy tài khoản.', en: 'Account not found.' };

/**
 * Administrators manage the tenant's accounts. Any change of role, scope, state or password ends
 * the account's sessions, so it takes effect at once; a generated password is shown once.
 */
export function userRoutes({ db }: AppDeps) {
  const idOf = (raw: string) => {
    const id = Number(raw);
    if (!Number.isInteger(id) || id <= 0) throw new RequestError(404, NOT_FOUND);
    return id;
  };
  const view = (u: { id: number; username: string; role: string; unit_id: number | null; disabled_at: Date | null }) => ({
    id: u.id,
    username: u.username,
    role: u.role,
    unitId: u.unit_id,
    disabled: u.disabled_at !== null,
  });

  return new Hono<AppEnv>()
    .get('/users', async (c) => c.json({ users: (await listUsers(db.dbRead, c.get('user').tenant_id)).map(view) }))
    .post('/users', async (c) => {
      const me = c.get('user');
      const body = await parseJsonBody(c, newUser);
      const { user, secret } = await createAccount(db, me, body);
      return c.json({ ...view({ ...user, unit_id: body.unitId, disabled_at: null }), ...(body.password ? {} : { password: secret }) }, 201);
    })
    .patch('/users/:id', async (c) => {
      const me = c.get('user');
      const id = idOf(c.req.param('id'));
      const body = await parseJsonBody(c, change);
      await assertAccountUnit(db.dbRead, me.tenant_id, body.unitId);
      if (demotesSelf(me.id, id, body)) throw new RequestError(409, SELF_DEMOTION);
      const updated = await updateUser(db.dbWrite, me.tenant_id, id, accountChangeColumns(body, new Date()));
      if (!updated) throw new RequestError(404, NOT_FOUND);
      await deleteUserSessions(db.dbWrite, id);
      await recordAudit(db.dbWrite, me, accountChangeAction(body), `user:${id}`, body);
      return c.json(view(updated));
    })
    .post('/users/:id/reset-password', async (c) => {
      const me = c.get('user');
      const id = idOf(c.req.param('id'));
      if (!(await findUser(db.dbRead, me.tenant_id, id))) throw new RequestError(404, NOT_FOUND);
      const secret = randomPassword();
      await updateUser(db.dbWrite, me.tenant_id, id, { password_hash: await hashPassword(secret) });
      await deleteUserSessions(db.dbWrite, id);
      await recordAudit(db.dbWrite, me, 'password_reset', `user:${id}`, {});
      return c.json({ id, password: secret });
    });
}
