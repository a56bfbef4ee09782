import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, type DbHandle } from '../../db/create-db';
import { migrateToLatest } from '../../db/migrate';
import { createApp } from '../../server/app';
import { appConfigFromEnv } from '../../server/config/app-config';
import { parseEnv } from '../../server/config/env';

// HAILONG_READ_DATABASE_URL pointed at another schema standing in for a replica: dbRead (and so
// the routes on it) reads there, dbWrite the primary. A real PostgreSQL only; CI's PostgreSQL pass.
const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl)
  console.warn('read-replica.test.ts: not run — needs a real PostgreSQL; set DATABASE_URL (CI runs it in its PostgreSQL pass).');

describe.skipIf(!databaseUrl)('a read database of its own', () => {
  const primary = `prim_${randomBytes(4).toString('hex')}`;
  const copy = `copy_${randomBytes(4).toString('hex')}`;
  let handle: DbHandle;

  beforeAll(async () => {
    const plain = await createDb({ databaseUrl, schema: copy, poolSize: 2 });
    await migrateToLatest(plain.dbWrite, copy);
    await plain.close();
    handle = await createDb({ databaseUrl, schema: primary, readDatabaseUrl: databaseUrl, readSchema: copy, poolSize: 2 });
    await migrateToLatest(handle.dbWrite, primary);
  }, 120_000);

  afterAll(async () => {
    for (const s of [primary, copy]) await sql`drop schema if exists ${sql.id(s)} cascade`.execute(handle.dbWrite);
    await handle.close();
  });

  it('reads dbRead from the read database and writes (and reads back) on the primary', async () => {
    expect(handle.readReplica).toBe(true);
    await handle.dbWrite.withSchema(copy).insertInto('tenants').values({ code: 'only-in-copy', name: 'Copy' }).execute();
    await handle.dbWrite.insertInto('tenants').values({ code: 'only-in-primary', name: 'Primary' }).execute();
    const read = await handle.dbRead.selectFrom('tenants').select('code').execute();
    const written = await handle.dbWrite.selectFrom('tenants').select('code').execute();
    expect(read.map((r) => r.code)).toEqual(['only-in-copy']);
    expect(written.map((r) => r.code)).toEqual(['only-in-primary']);
  });

  it('reports the read database on /healthz; a copy that is no standby has no lag to give', async () => {
    const app = createApp({ db: handle, config: appConfigFromEnv(parseEnv({}), randomBytes(32).toString('base64url')) });
    const res = await app.request('/healthz');
    expect(res.status).toBe(200);
    expect(((await res.json()) as { readReplica?: { lagSeconds: number | null } }).readReplica).toEqual({ lagSeconds: null });
  });
});
