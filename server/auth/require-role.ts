import type { MiddlewareHandler } from 'hono';
import { ROLE_NAMES, type Role } from '../../surveys/roles';
import type { AppEnv } from '../context';
import { RequestError } from '../errors';

/** The refusal that says who may do this. */
export function roleRefusal(roles: readonly Role[]): RequestError {
  return new RequestError(403, {
    vi: `Việc này dành cho: ${roles.map((r) => ROLE_NAMES[r].vi).join(', ')}.`,
    en: `Only for: ${roles.map((r) => ROLE_NAMES[r].en).join(', ')}.`,
  });
}

/** Lets through only the given roles (after requireSession), saying who may do this. */
export function requireRole(...roles: Role[]): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (!roles.includes(c.get('user').role)) throw roleRefusal(roles);
    await next();
  };
}
