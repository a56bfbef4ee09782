import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { createDb, type DbHandle } from '../../db/create-db';
import { migrateToLatest } from '../../db/migrate';
import { dbTimeoutsFromEnv } from '../../server/config/db-options';
import { parseEnv } from '../../server/config/env';

/**
 * A migrated, empty database for one test file: in-memory PGlite by default, or a schema of its
 * own on the PostgreSQL named by DATABASE_URL (dropped again on close), so runs never meet. On
 * PostgreSQL it has the server's default timeouts, so the suite shows nothing legitimate is cut.
 */
export async function createTestDb(): Promise<DbHandle> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const handle = await createDb({});
    await migrateToLatest(handle.dbWrite);
    return handle;
  }
  const schema = `test_${randomBytes(6).toString('hex')}`;
  const handle = await createDb({ databaseUrl: url, schema, poolSize: 4, timeouts: dbTimeoutsFromEnv(parseEnv({})) });
  await migrateToLatest(handle.dbWrite, schema);
  return {
    ...handle,
    close: async () => {
      await sql`drop schema ${sql.id(schema)} cascade`.execute(handle.dbWrite);
      await handle.close();
    },
  };
}
