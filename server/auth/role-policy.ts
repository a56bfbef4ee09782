import type { MiddlewareHandler } from 'hono';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/types';
import type { Role } from '../../surveys/roles';
import type { AppEnv } from '../context';
import { roleRefusal } from './require-role';
import { sessionUser } from './session';

interface Rule {
  method?: string;
  path: RegExp;
  roles: readonly Role[] | 'any';
}

const READERS: Role[] = ['admin', 'analyst'];

/**
 * Who may call what, in one table read top to bottom (first match wins), so the whole
 * authorization of the analyst side can be reviewed in one place. Routes still check the unit
 * scope of what they touch. Requests without a session pass through: the route answers 401.
 */
export const ROLE_RULES: readonly Rule[] = [
  { path: /^\/api\/auth\//, roles: 'any' },
  { path: /^\/api\/meta$/, roles: 'any' },
  { path: /^\/api\/(users|audit|privacy)(\/|$)/, roles: ['admin'] },
  { method: 'PATCH', path: /^\/api\/counters\//, roles: ['admin'] },
  { path: /^\/api\/officer\//, roles: ['admin', 'analyst', 'officer'] },
  { method: 'POST', path: /^\/api\/waves$/, roles: READERS },
  { path: /^\/api\/waves(\/|$)/, roles: ['admin', 'analyst', 'interviewer'] },
  { path: /^\/api\/imports$/, roles: ['admin', 'analyst', 'interviewer'] },
  { path: /^\/posters\/[^/]+\/receipt\.(svg|png)$/, roles: 'any' },
  { path: /^\/posters\//, roles: ['admin', 'analyst', 'officer'] },
  { path: /^\/(api|reports|exports)\//, roles: READERS },
];

export function rolePolicy(db: Kysely<Database>): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const rule = ROLE_RULES.find((r) => (!r.method || r.method === c.req.method) && r.path.test(c.req.path));
    if (rule && rule.roles !== 'any') {
      const user = await sessionUser(c, db);
      if (user && !rule.roles.includes(user.role)) throw roleRefusal(rule.roles);
    }
    await next();
  };
}
