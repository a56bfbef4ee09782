import type { Kysely } from 'kysely';
import type { Database } from './types';

export interface NewApiKey {
  tenant_id: number;
  name: string;
  prefix: string;
  secret_hash: string;
  unit_id: number | null;
  scopes: string[];
  created_by: number;
}

export async function insertApiKey(db: Kysely<Database>, key: NewApiKey) {
  return db.insertInto('api_keys').values(key).returning(['id', 'prefix', 'created_at']).executeTakeFirstOrThrow();
}

/** A tenant's keys with their unit (its path, for the administrator's scope) and creator: never the hash. */
export function apiKeysWithUnit(db: Kysely<Database>, tenantId: number) {
  return db
    .selectFrom('api_keys as k')
    .leftJoin('units as un', 'un.id', 'k.unit_id')
    .leftJoin('users as us', 'us.id', 'k.created_by')
    .select([
      'k.id',
      'k.name',
      'k.prefix',
      'k.unit_id',
      'un.name as unit_name',
      'un.code as unit_code',
      'un.path as unit_path',
      'k.scopes',
      'k.created_at',
      'us.username as created_by',
      'k.last_used_at',
      'k.revoked_at',
    ])
    .where('k.tenant_id', '=', tenantId)
    .orderBy('k.created_at', 'desc')
    .orderBy('k.id', 'desc');
}

export type ApiKeyView = Awaited<ReturnType<ReturnType<typeof apiKeysWithUnit>['executeTakeFirstOrThrow']>>;

export const listApiKeys = (db: Kysely<Database>, tenantId: number): Promise<ApiKeyView[]> => apiKeysWithUnit(db, tenantId).execute();

export const findApiKey = (db: Kysely<Database>, tenantId: number, id: number): Promise<ApiKeyView | undefined> =>
  apiKeysWithUnit(db, tenantId).where('k.id', '=', id).executeTakeFirst();

/** Revokes a key not yet revoked; false when it already was (or is not the tenant's). */
export async function revokeApiKey(db: Kysely<Database>, tenantId: number, id: number, by: number, now: Date): Promise<boolean> {
  const res = await db
    .updateTable('api_keys')
    .set({ revoked_at: now, revoked_by: by })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return res.numUpdatedRows > 0n;
}

/** A key as a request presents it: found by its public prefix, with its hash to compare and its unit's path. */
export async function findKeyByPrefix(db: Kysely<Database>, prefix: string) {
  return db
    .selectFrom('api_keys as k')
    .leftJoin('units as un', 'un.id', 'k.unit_id')
    .select([
      'k.id',
      'k.tenant_id',
      'k.name',
      'k.prefix',
      'k.secret_hash',
      'k.scopes',
      'k.last_used_at',
      'k.revoked_at',
      'k.unit_id',
      'un.path as unit_path',
    ])
    .where('k.prefix', '=', prefix)
    .executeTakeFirst();
}

export async function touchApiKey(db: Kysely<Database>, id: number, now: Date) {
  await db.updateTable('api_keys').set({ last_used_at: now }).where('id', '=', id).execute();
}
