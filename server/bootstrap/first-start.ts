import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { getOrCreateSetting } from '../../db/instance-settings';
import { countTenants, createTenant, firstTenant, listTenantsWithAdmins } from '../../db/tenants';
import type { Database } from '../../db/types';
import type { Env } from '../config/env';
import { ensureAdminAccount } from './admin-account';
import { createDemoTenant } from './demo-tenant';
import { createFullDemoTenant } from './full-demo';
import { DEMO_FIRST_DAY } from './demo-responses';
import { seedTenant } from './seed-tenant';

export interface StartState {
  secret: string;
  tenantId: number;
  isDemo: boolean;
  generatedAdminPassword?: string | undefined;
  demoResponses?: number;
  /** Every tenant and its administrators' usernames, for the start banner (never a password). */
  tenants: { code: string; name: string; isDemo: boolean; admins: string[] }[];
}

/**
 * Everything an empty database needs before the first visitor: a tenant (the demo province unless
 * HAILONG_DEMO=0), its sectors, targets and surveys, the first admin, and the token secret. A
 * database that already has a tenant (a restart, or an operator who ran `npm run tenant:create`
 * before the first start) gets no new one: its tenants keep the administrators they have.
 */
export async function firstStart(db: Kysely<Database>, env: Env, log: (line: string) => void): Promise<StartState> {
  const secret = env.HAILONG_SECRET ?? (await getOrCreateSetting(db, 'form_token_secret', () => randomBytes(32).toString('base64url')));
  const planYear = new Date().getFullYear();
  let demoResponses: number | undefined;
  if ((await countTenants(db)) === 0) {
    if (env.HAILONG_DEMO === '0') {
      const tenant = await createTenant(db, { code: 'main', name: 'hailong' });
      await seedTenant(db, tenant.id, planYear);
    } else {
      if (env.HAILONG_DEMO === 'full') {
        log(`Đang tạo dữ liệu minh họa từ ${DEMO_FIRST_DAY}… / Generating demo answers from ${DEMO_FIRST_DAY}…`);
        demoResponses = (await createFullDemoTenant(db, planYear, new Date(), log)).stored;
      } else await createDemoTenant(db, planYear);
    }
  }
  const tenant = (await firstTenant(db))!;
  // Only the first tenant gets the instance's `admin` (and only while it has no account at all);
  // a tenant made with tenant:create came with its own administrator.
  const admin = await ensureAdminAccount(db, tenant.id, env.HAILONG_ADMIN_PASSWORD);
  const tenants = (await listTenantsWithAdmins(db)).map(({ code, name, isDemo, admins }) => ({ code, name, isDemo, admins }));
  return {
    secret,
    tenantId: tenant.id,
    isDemo: tenant.is_demo,
    generatedAdminPassword: admin.generatedPassword,
    ...(demoResponses === undefined ? {} : { demoResponses }),
    tenants,
  };
}
