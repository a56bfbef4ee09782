import { sql, type Kysely } from 'kysely';

// A case is handled by a unit and, within it, by a person: the only one who may read the
// citizen's phone number in clear to call back (each reveal is an audit entry). The case page lists
// a case's reveals from the audit log, so they are found by subject without reading the whole log.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table cases add column assigned_user_id integer references users (id)`.execute(db);
  await sql`create index audit_log_contact_reveals_idx on audit_log (tenant_id, subject, id) where action = 'contact_revealed'`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index audit_log_contact_reveals_idx`.execute(db);
  await sql`alter table cases drop column assigned_user_id`.execute(db);
}
