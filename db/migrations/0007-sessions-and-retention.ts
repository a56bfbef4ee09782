import { sql, type Kysely } from 'kysely';

// Idle session timeouts, a record of failed logins to slow down guessing, and how long free text
// and contact data are kept before they are removed (personal data law, Decree 13/2023).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('sessions')
    .addColumn('last_seen_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createTable('login_failures')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('username', 'text', (c) => c.notNull())
    .addColumn('origin_hash', 'text')
    .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`create index login_failures_username_idx on login_failures (username, at)`.execute(db);
  await sql`create index login_failures_origin_idx on login_failures (origin_hash, at)`.execute(db);
  await db.schema
    .alterTable('tenants')
    .addColumn('retention_months', 'integer', (c) =>
      c
        .notNull()
        .defaultTo(24)
        .check(sql`retention_months between 1 and 120`),
    )
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('tenants').dropColumn('retention_months').execute();
  await db.schema.dropTable('login_failures').execute();
  await db.schema.alterTable('sessions').dropColumn('last_seen_at').execute();
}
