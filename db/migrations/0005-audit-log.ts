import { sql, type Kysely } from 'kysely';

// Who did what, kept so it cannot be quietly rewritten: rows are only ever added. The trigger stops
// the application (and a careless UPDATE) from changing or removing them; the table's owner or a
// superuser could still disable it, which is why every entry also carries a hash chained to the one
// before (db/audit-hash.ts), so an edit made behind the trigger's back is found by `npm run audit:verify`.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    // Null for events of the instance itself, such as a failed login with an unknown name.
    .addColumn('tenant_id', 'integer', (c) => c.references('tenants.id'))
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    // No foreign key: the entry keeps who it was even if the account is later removed.
    .addColumn('actor_user_id', 'integer')
    .addColumn('actor_username', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('subject', 'text')
    .addColumn('details', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    // Unique: two writers can never chain to the same previous entry, even if the lock were bypassed.
    .addColumn('prev_hash', 'text', (c) => c.notNull().unique())
    .addColumn('hash', 'text', (c) => c.notNull().unique())
    .execute();
  await sql`create index audit_log_tenant_idx on audit_log (tenant_id, id)`.execute(db);
  await sql`
    create function audit_log_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'audit_log is append-only: % refused', tg_op;
    end $$`.execute(db);
  await sql`create trigger audit_log_no_update_delete before update or delete on audit_log
    for each row execute function audit_log_append_only()`.execute(db);
  await sql`create trigger audit_log_no_truncate before truncate on audit_log
    for each statement execute function audit_log_append_only()`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('audit_log').execute();
  await sql`drop function audit_log_append_only()`.execute(db);
}
