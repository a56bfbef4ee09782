import type { Kysely } from 'kysely';
import type { Database } from './types';

/** Returns the stored value, storing `make()` first if the key is new (first writer wins). */
export async function getOrCreateSetting(db: Kysely<Database>, key: string, make: () => string): Promise<string> {
  await db
    .insertInto('instance_settings')
    .values({ key, value: make() })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  const row = await db.selectFrom('instance_settings').select('value').where('key', '=', key).executeTakeFirstOrThrow();
  return row.value;
}
