import { Hono } from 'hono';
import { z } from 'zod';
import { findUserByUsername } from '../../db/users';
import type { AppDeps, AppEnv } from '../context';
import { RequestError } from '../errors';
import { parseJsonBody } from '../json-body';
import { verifyPassword } from './password';
import { endSession, requireSession, startSession } from './session';

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

export function authRoutes({ db }: AppDeps) {
  return new Hono<AppEnv>()
    .post('/login', async (c) => {
      const { username, password } = await parseJsonBody(c, loginSchema);
      const user = await findUserByUsername(db.dbWrite, username);
      const ok = await verifyPassword(password, user?.password_hash ?? DUMMY_HASH);
      if (!user || !ok || user.disabled_at) throw new RequestError(401, WRONG_LOGIN);
      await startSession(c, db.dbWrite, user);
      return c.json({ username: user.username, role: user.role });
    })
    .post('/logout', async (c) => {
      await endSession(c, db.dbWrite);
      return c.body(null, 204);
    })
    .get('/me', requireSession(db.dbRead), (c) => {
      const u = c.get('user');
      return c.json({
        username: u.username,
        role: u.role,
        unitId: u.unit_id,
        tenant: { id: u.tenant_id, name: u.tenant_name, isDemo: u.tenant_is_demo },
      });
    });
}
