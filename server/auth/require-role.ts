import type { MiddlewareHandler } from 'hono';
import type { Role } from '../../db/types';
import type { AppEnv } from '../context';
import { RequestError } from '../errors';

const ROLE_NAMES: Record<Role, { vi: string; en: string }> = {
  admin: { vi: 'quản trị viên', en: 'administrator' },
  analyst: { vi: 'chuyên viên phân tích', en: 'analyst' },
  officer: { vi: 'cán bộ quầy', en: 'counter officer' },
  interviewer: { vi: 'điều tra viên', en: 'interviewer' },
};

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
