import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { getOrCreateSetting } from '../../db/instance-settings';
import { countTenants, createTenant, firstTenant } from '../../db/tenants';
import type { Database } from '../../db/types';
import type { Env } from '../config/env';
import { ensureAdminAccount } from './admin-account';
import { createDemoTenant } from './demo-tenant';
import { generateDemoResponses } from './demo-responses';
import { seedTenant } from './seed-tenant';

export interface StartState {
  secret: string;
  tenantId: number;
  isDemo: boolean;
  generatedAdminPassword?: string | undefined;
  demoResponses?: number;
}

/**
 * Everything an empty database needs before the first visitor: a tenant (the demo city unless
 * HAILONG_DEMO=0), its sectors, targets and surveys, the first admin, and the token secret.
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
      await createDemoTenant(db, planYear);
      if (env.HAILONG_DEMO === 'full') {
        log('Đang tạo một năm dữ liệu minh họa… / Generating a year of demo answers…');
        demoResponses = await generateDemoResponses(db, undefined, undefined, log);
      }
    }
  }
  const tenant = (await firstTenant(db))!;
  const admin = await ensureAdminAccount(db, tenant.id, env.HAILONG_ADMIN_PASSWORD);
  return {
    secret,
    tenantId: tenant.id,
    isDemo: tenant.is_demo,
    generatedAdminPassword: admin.generatedPassword,
    ...(demoResponses === undefined ? {} : { demoResponses }),
  };
}
