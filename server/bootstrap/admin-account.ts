import type { Kysely } from 'kysely';
import type { Database } from '../../db/types';
import { countUsers, createUser } from '../../db/users';
import { hashPassword, randomPassword } from '../auth/password';

export const ADMIN_USERNAME = 'admin';

/**
 * Creates the first administrator on a tenant without users. Returns the password only when it
 * was generated here, so it can be shown once; it is never stored in clear.
 */
export async function ensureAdminAccount(
  db: Kysely<Database>,
  tenantId: number,
  configuredPassword: string | undefined,
): Promise<{ created: boolean; generatedPassword?: string }> {
  if ((await countUsers(db, tenantId)) > 0) return { created: false };
  const password = configuredPassword ?? randomPassword();
  await createUser(db, { tenant_id: tenantId, username: ADMIN_USERNAME, password_hash: await hashPassword(password), role: 'admin' });
  return configuredPassword ? { created: true } : { created: true, generatedPassword: password };
}
