import type { DbHandle } from '../../db/create-db';
import type { LoginHashingOption } from '../../server/auth/login-hashing';
import { createApp } from '../../server/app';
import { firstStart, type StartState } from '../../server/bootstrap/first-start';
import { parseEnv } from '../../server/config/env';
import { appConfigFromEnv } from '../../server/config/app-config';
import { createTestDb } from './test-db';

export const ADMIN_PASSWORD = 'test-admin-password';

export interface TestApp {
  app: ReturnType<typeof createApp>;
  db: DbHandle;
  state: StartState;
  close(): Promise<void>;
}

/**
 * The real app over a fresh database with the demo tenant (no demo answers) and an admin; with a
 * client folder, it also serves the analyst app's files from there.
 */
export async function createTestApp(
  env: Record<string, string> = {},
  options: LoginHashingOption & { clientDir?: string } = {},
): Promise<TestApp> {
  const db = await createTestDb();
  // Tests say who is sending with X-Forwarded-For.
  const parsed = parseEnv({ HAILONG_DEMO: '1', HAILONG_ADMIN_PASSWORD: ADMIN_PASSWORD, HAILONG_TRUST_PROXY: '1', ...env });
  const state = await firstStart(db.dbWrite, parsed, () => {});
  const { clientDir, ...deps } = options;
  const app = createApp({ db, config: appConfigFromEnv(parsed, state.secret, clientDir), ...deps });
  return { app, db, state, close: () => db.close() };
}

/** Logs in and returns the Cookie header value for later requests. */
export async function login(app: TestApp['app'], username = 'admin', password = ADMIN_PASSWORD): Promise<string> {
  const res = await app.request('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers.get('set-cookie') ?? '';
  return cookie.split(';')[0]!;
}

export async function formToken(app: TestApp['app'], code: string): Promise<string> {
  const res = await app.request(`/q/${code}`, { headers: { accept: 'application/json' } });
  if (res.status !== 200) throw new Error(`GET /q/${code} gave ${res.status}`);
  return ((await res.json()) as { token: string }).token;
}

let keySeq = 0;
export const newClientKey = () => `test-key-${process.pid}-${++keySeq}-${Date.now()}`;

/** Submits answers as a phone would (JSON), with a fresh token and client key unless given. */
export async function submitJson(
  app: TestApp['app'],
  code: string,
  body: { answers: Record<string, unknown>; clientKey?: string; token?: string; [k: string]: unknown },
) {
  const payload = { clientKey: newClientKey(), token: await formToken(app, code), ...body };
  return app.request(`/q/${code}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(payload),
  });
}
