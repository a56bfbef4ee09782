import { Hono } from 'hono';
import { z } from 'zod';
import { findUnit } from '../../db/units';
import { findUserByUsername } from '../../db/users';
import type { AppDeps, AppEnv } from '../http/context';
import { RequestError } from '../http/errors';
import { parseJsonBody } from '../http/json-body';
import { forgiveLoginAttempt, reserveLoginAttempt } from '../../db/login-attempts';
import { deleteUserSessions } from '../../db/sessions';
import { localDay } from '../../surveys/time';
import { sourceHash } from '../http/source-hash';
import { clientAddress } from '../http/client-address';
import { loginFailure } from './login-failure';
import { defaultLoginHashing, type LoginHashingOption } from './login-hashing';
import { LOGIN_BUSY_SECONDS, LOGIN_BUSY_TEXT, LOGIN_LIMITS, loginPausedText, loginRefusal } from './login-throttle';
import { recordAudit } from '../audit/record-audit';
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

export function authRoutes({ db, config, loginHashing = defaultLoginHashing() }: AppDeps & LoginHashingOption) {
  return new Hono<AppEnv>()
    .post('/login', async (c) => {
      const { username, password } = await parseJsonBody(c, loginSchema);
      // A place for the password check first: a flood is refused here, before it costs the database anything.
      const place = loginHashing.slots.take();
      if (!place) return loginRefusal(c, 503, LOGIN_BUSY_TEXT, LOGIN_BUSY_SECONDS);
      try {
        const origin = sourceHash(config.secret, localDay(new Date()), 'origin', clientAddress(c, config.trustProxy));
        // Counted before the password is checked, so parallel guesses cannot all pass one count.
        const reservation = await reserveLoginAttempt(db.dbWrite, username, origin, LOGIN_LIMITS);
        if (!reservation.reserved) {
          return loginRefusal(c, 429, loginPausedText(reservation.limit, reservation.retryAfterSeconds), reservation.retryAfterSeconds);
        }
        const user = await findUserByUsername(db.dbWrite, username);
        // An unknown name costs a hash too, in the same line, so its answer takes as long.
        const ok = await place.run(() => loginHashing.verify(password, user?.password_hash ?? DUMMY_HASH));
        const failure = loginFailure(user, ok);
        if (!user || failure) {
          // The reservation stays: it now counts as a failure.
          await recordAudit(db, { id: user?.id ?? null, username, tenant_id: user?.tenant_id ?? null }, 'login_failed', null, {
            reason: failure,
          });
          throw new RequestError(401, WRONG_LOGIN);
        }
        await forgiveLoginAttempt(db.dbWrite, reservation.id);
        await startSession(c, db.dbWrite, user, config.trustProxy);
        await recordAudit(db, user, 'login', null);
        return c.json({ username: user.username, role: user.role });
      } finally {
        place.release();
      }
    })
    .post('/logout', async (c) => {
      const user = await sessionUser(c, db.dbWrite);
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
    .get('/me', async (c) => {
      const u = c.get('user');
      // The unit an account is scoped to names the screen it sees (a ward's analyst sees the ward, not the city).
      const unit = u.unit_id === null ? undefined : await findUnit(db.dbWrite, u.tenant_id, u.unit_id);
      return c.json({
        username: u.username,
        role: u.role,
        unitId: u.unit_id,
        unit: unit ? { id: unit.id, name: unit.name, kind: unit.kind } : null,
        tenant: { id: u.tenant_id, name: u.tenant_name, isDemo: u.tenant_is_demo },
      });
    });
}
