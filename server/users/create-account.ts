import type { DbHandle } from '../../db/create-db';
import { createUser, findUserByUsername } from '../../db/users';
import type { Role } from '../../surveys/roles';
import { recordAudit } from '../audit/record-audit';
import { hashPassword, randomPassword } from '../auth/password';
import type { SessionUser } from '../http/context';
import { RequestError } from '../http/errors';
import { assertUnitManaged } from './account-scope';

/**
 * A new account of the administrator's tenant, with a unit inside their scope (account-scope.ts);
 * its password is the one given, or a generated one.
 */
export async function createAccount(
  db: DbHandle,
  me: SessionUser,
  scope: string | undefined,
  body: { username: string; role: Role; unitId: number | null; password?: string | undefined; email?: string | null | undefined },
) {
  await assertUnitManaged(db.dbWrite, me, scope, body.unitId);
  if (await findUserByUsername(db.dbWrite, body.username)) {
    const text = { vi: 'Tên đăng nhập đã có người dùng.', en: 'That username is taken.' };
    throw new RequestError(409, text, { username: text });
  }
  const secret = body.password ?? randomPassword();
  const user = await createUser(db.dbWrite, {
    tenant_id: me.tenant_id,
    username: body.username,
    password_hash: await hashPassword(secret),
    role: body.role,
    unit_id: body.unitId,
    email: body.email ?? null,
  });
  await recordAudit(db.dbWrite, me, 'user_created', `user:${user.id}`, { username: body.username, role: body.role, unitId: body.unitId });
  return { user, secret };
}
