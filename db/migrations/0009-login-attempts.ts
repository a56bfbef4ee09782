import { sql, type Kysely } from 'kysely';

// Failed logins become login attempts: a login now reserves its row before the password is
// hashed (db/login-attempts.ts), and a successful one takes it back, so what the table counts is
// still the failures, plus the attempts being checked at this moment. Renamed rather than
// recreated, so the failures of the last minutes still count across the upgrade.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table login_failures rename to login_attempts`.execute(db);
  await sql`alter index login_failures_pkey rename to login_attempts_pkey`.execute(db);
  await sql`alter index login_failures_username_idx rename to login_attempts_username_idx`.execute(db);
  await sql`alter index login_failures_origin_idx rename to login_attempts_origin_idx`.execute(db);
  // Purged by age (daily upkeep), whatever the name or address.
  await sql`create index login_attempts_at_idx on login_attempts (at)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index login_attempts_at_idx`.execute(db);
  await sql`alter index login_attempts_origin_idx rename to login_failures_origin_idx`.execute(db);
  await sql`alter index login_attempts_username_idx rename to login_failures_username_idx`.execute(db);
  await sql`alter index login_attempts_pkey rename to login_failures_pkey`.execute(db);
  await sql`alter table login_attempts rename to login_failures`.execute(db);
}
