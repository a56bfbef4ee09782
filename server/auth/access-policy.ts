import type { Context, MiddlewareHandler } from 'hono';
import { matchedRoutes } from 'hono/route';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/types';
import { accessRuleOf, endpointOf, isMachineRule, roleAllowed, rolesOf, type AccessRule } from '../../surveys/access-rules';
import type { LocalizedText } from '../../surveys/localized-text';
import type { Role } from '../../surveys/roles';
import { authenticateApiKey } from './api-key-auth';
import type { AppEnv } from '../http/context';
import { RequestError } from '../http/errors';
import { requireSession } from './session';

/** Where `app.use('*', …)` puts the middleware every request passes through: not a route of its own. */
const EVERY_PATH = '/*';

export interface AccessPolicyOptions {
  /** A page for a person in a browser without a session, where a route family shows one instead of JSON. */
  loginPage?: (c: Context<AppEnv>, text: LocalizedText) => Response | undefined;
}

/** A role as the refusal names it ("Việc này dành cho: quản trị viên"). */
const ROLE_NAMES: Record<Role, LocalizedText> = {
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

/** The rules of the routes this request reached; an address no route answers has none (and gets its 404). */
function rulesOf(c: Context<AppEnv>): AccessRule[] {
  const endpoints = new Set(
    matchedRoutes(c)
      .filter((r) => r.path !== EVERY_PATH)
      .map((r) => endpointOf(r.method, r.path)),
  );
  return [...endpoints].map((endpoint) => {
    const rule = accessRuleOf(endpoint);
    // A route mounted without a rule is refused to everyone; the route walk test names it first.
    if (!rule) throw new Error(`no access rule for ${endpoint} (surveys/access-rules.ts)`);
    return rule;
  });
}

/**
 * Applies the rule book (surveys/access-rules.ts) before any route runs: a session where one is
 * needed (401), then the role (403); on a machine route an API key with the route's scope instead
 * (401, 403), never a session. Routes still keep to the caller's unit subtree themselves.
 */
export function accessPolicy(db: Kysely<Database>, options: AccessPolicyOptions = {}): MiddlewareHandler<AppEnv> {
  const signIn = requireSession(db);
  return async (c, next) => {
    const rules = rulesOf(c);
    if (rules.every((rule) => rule.allow === 'anyone')) return next();
    const machine = rules.filter(isMachineRule);
    if (machine.length > 0) {
      if (machine.length < rules.length) throw new Error(`a route for people and one for machines share ${c.req.path}`);
      for (const rule of machine) await authenticateApiKey(c, db, rule.scope);
      return next();
    }
    try {
      await signIn(c, async () => {});
    } catch (error) {
      const page = error instanceof RequestError && error.status === 401 ? options.loginPage?.(c, error.text) : undefined;
      if (page) return page;
      throw error;
    }
    const { role } = c.get('user');
    const refused = rules.find((rule) => !roleAllowed(rule, role));
    if (refused) throw roleRefusal(rolesOf(refused));
    await next();
  };
}
