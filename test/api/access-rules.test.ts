import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RouterRoute } from 'hono/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../db/users';
import { hashPassword } from '../../server/auth/password';
import { roleRefusal } from '../../server/auth/access-policy';
import { ACCESS_RULES, accessRuleOf, endpointOf, isMachineRule, rolesOf } from '../../surveys/access-rules';
import { ROLES, type Role } from '../../surveys/roles';
import { createTestApp, login, type TestApp } from '../support/test-app';

let t: TestApp;
let clientDir: string;
const cookies = {} as Record<Role, string>;

beforeAll(async () => {
  // A client folder, so the routes that serve the analyst app and the citizen scripts are mounted too.
  clientDir = mkdtempSync(join(tmpdir(), 'hailong-client-'));
  mkdirSync(join(clientDir, 'q-assets'));
  writeFileSync(join(clientDir, 'index.html'), '<!doctype html><title>hailong</title>');
  t = await createTestApp({}, { clientDir });
  const hash = await hashPassword('rule-book-password');
  for (const role of ROLES.filter((r) => r !== 'admin')) {
    await createUser(t.db.dbWrite, { tenant_id: t.state.tenantId, username: `rules-${role}`, password_hash: hash, role, unit_id: null });
  }
  for (const role of ROLES)
    cookies[role] = role === 'admin' ? await login(t.app) : await login(t.app, `rules-${role}`, 'rule-book-password');
});
afterAll(async () => {
  await t.close();
  rmSync(clientDir, { recursive: true, force: true });
});

/** `app.use('*', …)` middleware, which every request passes through: not a route of its own. */
const isEveryPath = (r: RouterRoute) => r.path === '/*';

const mounted = () => [...new Set(t.app.routes.filter((r) => !isEveryPath(r)).map((r) => endpointOf(r.method, r.path)))];

/** A concrete address a route pattern answers: `/api/cases/:id{[0-9]+}/close` → `/api/cases/1/close`. */
function sampleAddress(pattern: string): string {
  return pattern
    .split('/')
    .map((segment) => {
      if (segment === '*') return 'x1';
      const param = /^:\w+(?:\{(.+)\})?$/.exec(segment);
      if (!param) return segment;
      return ['1', 'x1'].find((value) => !param[1] || new RegExp(`^(?:${param[1]})$`).test(value)) ?? 'x1';
    })
    .join('/');
}

/** The routes (method and pattern) Hono's router takes an address to, as the access policy sees them. */
function routesReached(method: string, address: string): string[] {
  const [matches] = t.app.router.match(method, address);
  const routes = matches.map(([[, route]]) => route).filter((r) => !isEveryPath(r));
  return [...new Set(routes.map((r) => endpointOf(r.method, r.path)))];
}

const split = (endpoint: string) => {
  const at = endpoint.indexOf(' ');
  return { method: endpoint.slice(0, at), pattern: endpoint.slice(at + 1) };
};

describe('the rule book (surveys/access-rules.ts) against the mounted routes', () => {
  it('walks at least every kind of route: API, pages, the citizen side and the app’s files', () => {
    const all = mounted();
    for (const endpoint of [
      'GET /healthz',
      'POST /q/:code',
      'GET /api/stats',
      'DELETE /api/cases/:id{[0-9]+}/contact',
      'GET /app/*',
      'GET /reports/print',
    ]) {
      expect(all).toContain(endpoint);
    }
  });

  it('has exactly one rule for every mounted route', () => {
    expect(mounted().filter((endpoint) => !accessRuleOf(endpoint))).toEqual([]);
  });

  it('names no route that is not mounted', () => {
    const all = new Set(mounted());
    expect(Object.keys(ACCESS_RULES).filter((endpoint) => !all.has(endpoint))).toEqual([]);
  });

  it('leaves no address to two routes, so no request falls under two rules', () => {
    const ambiguous = mounted().flatMap((endpoint) => {
      const { method, pattern } = split(endpoint);
      const address = sampleAddress(pattern);
      const reached = routesReached(method, address);
      return reached.length === 1 && reached[0] === endpoint ? [] : [`${method} ${address} reaches ${reached.join(' and ') || 'nothing'}`];
    });
    expect(ambiguous).toEqual([]);
  });
});

describe('the access policy applies every rule', () => {
  // Routes for people with a session; the machine routes (an API key, never a session) are walked on their own.
  const guarded = Object.entries(ACCESS_RULES).filter(([, rule]) => rule.allow !== 'anyone' && !isMachineRule(rule));
  const machine = Object.entries(ACCESS_RULES).filter(([, rule]) => isMachineRule(rule));

  const call = (endpoint: string, cookie?: string) => {
    const { method, pattern } = split(endpoint);
    return t.app.request(sampleAddress(pattern), { method, headers: cookie ? { cookie } : {} });
  };
  // Pages a person opens in a browser (printable reports, the codebook) refuse with a page; the message is in it.
  const messageOf = async (res: Response): Promise<{ vi: string; en: string } | undefined> => {
    if (!(res.headers.get('content-type') ?? '').includes('text/html'))
      return ((await res.json()) as { message?: { vi: string; en: string } }).message;
    const text = (await res.text())
      .replace(/<[^>]*>/g, ' ')
      .replace(/&#39;|&#x27;/g, "'")
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, '&');
    return { vi: text, en: text };
  };

  it('answers 401 to a caller without a session on every route that is not public, before the route runs', async () => {
    const wrong: string[] = [];
    for (const [endpoint] of guarded) {
      const res = await call(endpoint);
      const message = await messageOf(res);
      if (res.status !== 401 || !/đăng nhập/.test(message?.vi ?? '')) wrong.push(`${endpoint}: ${res.status}`);
    }
    expect(wrong).toEqual([]);
  });

  it('refuses every role a rule leaves out with 403 and a message naming the roles it lets through', async () => {
    const wrong: string[] = [];
    let refusals = 0;
    for (const [endpoint, rule] of guarded) {
      const allowed = rolesOf(rule);
      for (const role of ROLES.filter((r) => !allowed.includes(r))) {
        refusals++;
        const res = await call(endpoint, cookies[role]);
        const html = (res.headers.get('content-type') ?? '').includes('text/html');
        const message = await messageOf(res);
        const expected = roleRefusal(allowed).text;
        const said = html
          ? message!.vi.includes(expected.vi) && message!.en.includes(expected.en)
          : JSON.stringify(message) === JSON.stringify(expected);
        if (res.status !== 403 || !said) wrong.push(`${endpoint} as ${role}: ${res.status} ${JSON.stringify(message)}`);
      }
    }
    expect(wrong).toEqual([]);
    // Every role but the administrator is refused somewhere; the walk is not empty.
    expect(refusals).toBeGreaterThan(60);
  });

  it('answers 401 with WWW-Authenticate: Bearer on every machine route, to no key and to any role’s session alike', async () => {
    const wrong: string[] = [];
    for (const [endpoint] of machine) {
      for (const cookie of [undefined, ...ROLES.map((r) => cookies[r])]) {
        const res = await call(endpoint, cookie);
        const message = await messageOf(res);
        if (res.status !== 401 || !/^Bearer\b/.test(res.headers.get('www-authenticate') ?? '') || !/khóa API/i.test(message?.vi ?? ''))
          wrong.push(`${endpoint}${cookie ? ' with a session' : ''}: ${res.status}`);
      }
    }
    expect(machine.length).toBeGreaterThan(0);
    expect(wrong).toEqual([]);
  });

  it('says who may do it in both languages, roles in their usual order', () => {
    expect(roleRefusal(rolesOf(ACCESS_RULES['POST /api/imports'])).text).toEqual({
      vi: 'Việc này dành cho: quản trị viên, chuyên viên phân tích, điều tra viên.',
      en: 'Only for: administrator, analyst, interviewer.',
    });
  });
});
