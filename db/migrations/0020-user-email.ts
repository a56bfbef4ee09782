import { sql, type Kysely } from 'kysely';

// An account's own e-mail address (issue 20): where hailong writes to an administrator about the
// tenant itself, such as a webhook endpoint it switched off. Optional; an alert subscription keeps
// its own address, since a unit's alerts may go to a shared mailbox.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table users add column email text`.execute(db);
  await sql`alter table users add constraint users_email_shape check (email is null or (length(email) <= 200 and email like '%_@_%'))`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table users drop constraint users_email_shape`.execute(db);
  await sql`alter table users drop column email`.execute(db);
}
