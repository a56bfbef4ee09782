import { Hono } from 'hono';
import { z } from 'zod';
import { listStaffCounterCodes, removeStaffCounters } from '../../db/counter-staff';
import { deleteUserSessions } from '../../db/sessions';
import { updateUser, usersWithScope } from '../../db/users';
import { ROLES } from '../../surveys/roles';
import { USERNAME_PATTERN, USERNAME_RULE } from '../../surveys/username';
import { hashPassword, randomPassword } from '../auth/password';
import { recordAudit } from '../audit/record-audit';
import type { AppDeps, AppEnv } from '../http/context';
import { RequestError } from '../http/errors';
import { parseJsonBody } from '../http/json-body';
import { accountChangeAction, accountChangeColumns } from './account-change';
import { ACCOUNT_NOT_FOUND, accountsInScope, assertUnitManaged, managedAccount, managerScope } from './account-scope';
import { createAccount } from './create-account';
import { demotesSelf, SELF_DEMOTION } from './self-demotion';
import { setStaffCounters } from './staff-counters';

const password = z.string().min(10, 'a password needs at least 10 characters').max(200);

// An account's own address, where mail about the tenant reaches an administrator; null removes it.
const email = z
  .email('an e-mail address looks like ten@donvi.gov.vn')
  .max(200, 'an e-mail address has at most 200 characters')
  .transform((e) => e.toLowerCase())
  .nullable();

const newUser = z.object({
  username: z.string().trim().regex(USERNAME_PATTERN, USERNAME_RULE),
  role: z.enum(ROLES),
  unitId: z.number().int().positive().nullable().default(null),
  password: password.optional(),
  email: email.default(null),
});

const change = z
  .object({
    role: z.enum(ROLES).optional(),
    unitId: z.number().int().positive().nullable().optional(),
    disabled: z.boolean().optional(),
    email: email.optional(),
  })
  .refine((c) => Object.keys(c).length > 0, { message: 'say what to change: role, unitId, disabled or email', path: ['role'] });

const staffCounters = z.object({ counters: z.array(z.string().trim().min(1).max(64)).max(500) });

/**
 * Administrators manage the accounts of their scope (server/users/account-scope.ts): a
 * tenant-wide administrator every account of the tenant, a commune administrator those of their
 * unit's subtree. Any change of role, scope, state or password ends the account's sessions, so it
 * takes effect at once (a new e-mail address does not); a generated password is shown once.
 */
export function userRoutes({ db }: AppDeps) {
  const idOf = (raw: string) => {
    const id = Number(raw);
    if (!Number.isInteger(id) || id <= 0) throw new RequestError(404, ACCOUNT_NOT_FOUND);
    return id;
  };
  const view = (u: {
    id: number;
    username: string;
    role: string;
    unit_id: number | null;
    disabled_at: Date | null;
    email: string | null;
  }) => ({
    id: u.id,
    username: u.username,
    role: u.role,
    unitId: u.unit_id,
    disabled: u.disabled_at !== null,
    email: u.email,
  });

  return new Hono<AppEnv>()
    .get('/users', async (c) => {
      const me = c.get('user');
      const [scope, accounts, staff] = await Promise.all([
        managerScope(db.dbWrite, me),
        usersWithScope(db.dbWrite, me.tenant_id).execute(),
        listStaffCounterCodes(db.dbWrite, me.tenant_id),
      ]);
      const users = accountsInScope(scope, accounts).map((u) => ({
        ...view(u),
        ...(u.role === 'officer' ? { counters: staff.get(u.id) ?? [] } : {}),
      }));
      return c.json({ users });
    })
    .post('/users', async (c) => {
      const me = c.get('user');
      const body = await parseJsonBody(c, newUser);
      const { user, secret } = await createAccount(db, me, await managerScope(db.dbWrite, me), body);
      return c.json(
        {
          ...view({ ...user, unit_id: body.unitId, disabled_at: null, email: body.email }),
          ...(body.password ? {} : { password: secret }),
        },
        201,
      );
    })
    .patch('/users/:id', async (c) => {
      const me = c.get('user');
      const id = idOf(c.req.param('id'));
      const body = await parseJsonBody(c, change);
      const scope = await managerScope(db.dbWrite, me);
      await managedAccount(db.dbWrite, me, scope, id);
      await assertUnitManaged(db.dbWrite, me, scope, body.unitId);
      if (demotesSelf(me.id, id, body)) throw new RequestError(409, SELF_DEMOTION);
      const updated = await updateUser(db.dbWrite, me.tenant_id, id, accountChangeColumns(body, new Date()));
      if (!updated) throw new RequestError(404, ACCOUNT_NOT_FOUND);
      // A new address alone changes nothing the account may do: its sessions go on.
      if (body.role !== undefined || body.unitId !== undefined || body.disabled !== undefined) await deleteUserSessions(db.dbWrite, id);
      // Only an officer staffs counters: an account given another role keeps no links.
      const unlinked = updated.role === 'officer' ? [] : await removeStaffCounters(db.dbWrite, me.tenant_id, id);
      await recordAudit(db.dbWrite, me, accountChangeAction(body), `user:${id}`, {
        ...body,
        ...(unlinked.length > 0 ? { countersUnlinked: unlinked } : {}),
      });
      return c.json(view(updated));
    })
    .put('/users/:id/counters', async (c) => {
      const me = c.get('user');
      const id = idOf(c.req.param('id'));
      const scope = await managerScope(db.dbWrite, me);
      const officer = await managedAccount(db.dbWrite, me, scope, id);
      const body = await parseJsonBody(c, staffCounters);
      const { after } = await setStaffCounters(db, me, scope, officer, body.counters);
      return c.json({ id, counters: after });
    })
    .post('/users/:id/reset-password', async (c) => {
      const me = c.get('user');
      const id = idOf(c.req.param('id'));
      await managedAccount(db.dbWrite, me, await managerScope(db.dbWrite, me), id);
      const secret = randomPassword();
      await updateUser(db.dbWrite, me.tenant_id, id, { password_hash: await hashPassword(secret) });
      await deleteUserSessions(db.dbWrite, id);
      await recordAudit(db.dbWrite, me, 'password_reset', `user:${id}`, {});
      return c.json({ id, password: secret });
    });
}
