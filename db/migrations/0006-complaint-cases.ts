import { sql, type Kysely } from 'kysely';

// Complaints (phản ánh, kiến nghị) followed to the end: a case per low rating or comment, its
// notes, and — apart from the answers, so it can be deleted without touching them — the phone
// number a citizen left with explicit consent.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('cases')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('tenant_id', 'integer', (c) => c.notNull().references('tenants.id'))
    // One case per response at most: a replayed submission can never open a second one.
    .addColumn('response_id', 'bigint', (c) => c.unique().references('responses.id'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('assigned_unit_id', 'integer', (c) => c.references('units.id'))
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('received')
        .check(sql`status in ('received','assigned','answered','closed')`),
    )
    .addColumn('opened_by', 'text', (c) => c.notNull().check(sql`opened_by in ('auto','analyst')`))
    .addColumn('reason', 'text', (c) => c.notNull().check(sql`reason in ('low_rating','contact_request','comment')`))
    .addColumn('due_at', 'timestamptz', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('assigned_at', 'timestamptz')
    .addColumn('answered_at', 'timestamptz')
    .addColumn('closed_at', 'timestamptz')
    .addColumn('answer_text', 'text')
    // Why a case was closed without an answer (a duplicate, not a complaint, …).
    .addColumn('close_reason', 'text')
    .addCheckConstraint('cases_answered_check', sql`(answered_at is null) = (answer_text is null)`)
    .execute();
  await sql`create index cases_status_idx on cases (tenant_id, status, due_at)`.execute(db);
  await sql`create index cases_created_idx on cases (tenant_id, created_at, id)`.execute(db);

  await db.schema
    .createTable('case_notes')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('case_id', 'integer', (c) => c.notNull().references('cases.id'))
    .addColumn('tenant_id', 'integer', (c) => c.notNull().references('tenants.id'))
    .addColumn('author_user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`create index case_notes_case_idx on case_notes (case_id, at)`.execute(db);

  await db.schema
    .createTable('case_contacts')
    .addColumn('case_id', 'integer', (c) => c.primaryKey().references('cases.id'))
    .addColumn('tenant_id', 'integer', (c) => c.notNull().references('tenants.id'))
    .addColumn('phone', 'text', (c) => c.notNull())
    .addColumn('consent_at', 'timestamptz', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('case_contacts').execute();
  await db.schema.dropTable('case_notes').execute();
  await db.schema.dropTable('cases').execute();
}
