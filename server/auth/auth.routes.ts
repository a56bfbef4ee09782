import { Hono } from 'hono';
import { z } from 'zod';
import { findUserByUsername } from '../../db/users';
import type { AppDeps, AppEnv } from '../context';
import { RequestError } from '../errors';
import { parseJsonBody } from '../json-body';
import { deleteUserSessions } from '../../db/sessions';
import { localDay } from '../../surveys/time';
import { sourceHash } from '../citizen/source-hash';
import { clientAddress } from '../client-address';
import { assertLoginAllowed, noteLoginFailure, noteLoginSuccess } from './login-throttle';
import { recordAudit } from '../audit/record-audit';
import { verifyPassword } from './password';
import { endSession, sessionUser, startSession } from './session';

const loginSchema = z.object({
  username: z.string().trim().min(1).max(100),
  password: z.string().min(1).max(200),
});

const WRONG_LOGIN = {
  vi: 'Tên đăng nhập hoặc mật khẩu không đúng.',
  en: 'Wrong username or password.',
};

// Compared against when the user does not exist, so a wrong name costs as long as a wrong password.
const DUMMY_HASH = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

export function authRoutes({ db, config }: AppDeps) {
  return new Hono<AppEnv>()
    .post('/login', async (c) => {
      const { username, password } = await parseJsonBody(c, loginSchema);
      const origin = sourceHash(config.secret, localDay(new Date()), 'origin', clientAddress(c, config.trustProxy));
      await assertLoginAllowed(db.dbWrite, username, origin);
      const user = await findUserByUsername(db.dbWrite, username);
      const ok = await verifyPassword(password, user?.password_hash ?? DUMMY_HASH);
      if (!user || !ok || user.disabled_at) {
        await noteLoginFailure(db.dbWrite, username, origin);
        await recordAudit(db, { id: user?.id ?? null, username, tenant_id: user?.tenant_id ?? null }, 'login_failed', null, { reason: !user ? 'unknown_user' : !ok ? 'wrong_password' : 'disabled' });
        throw new RequestError(401, WRONG_LOGIN);
      }
      await noteLoginSuccess(db.dbWrite, username);
      await startSession(c, db.dbWrite, user);
      await recordAudit(db, user, 'login', null);
      return c.json({ username: user.username, role: user.role });
    })
    .post('/logout', async (c) => {
      const user = await sessionUser(c, db.dbRead);
      await endSession(c, db.dbWrite);
      if (user) await recordAudit(db, user, 'logout', null);
      return c.body(null, 204);
    })
    .post('/logout-all', async (c) => {
      await deleteUserSessions(db.dbWrite, c.get('user').id);
      await endSession(c, db.dbWrite);
      await recordAudit(db, c.get('user'), 'sessions_ended', null, {});
      return c.body(null, 204);
    })
    .get('/me', (c) => {
      const u = c.get('user');
      return c.json({
        username: u.username,
        role: u.role,
        unitId: u.unit_id,
        tenant: { id: u.tenant_id, name: u.tenant_name, isDemo: u.tenant_is_demo },
      });
    });
}
