import { sql, type Kysely } from 'kysely';

// Reorganisation events (issue 16): a merge, split, rename, recode or move of units effective on
// a day, and the links from the units that ended (predecessors) to the units that took their area
// (successors), each with the share of the predecessor's past that goes to it. An event's links
// are the mapping later views of the past read; undoing the event removes them (the event row and
// its audit entries stay, with the full record in details).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('unit_reorganisations')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('tenant_id', 'integer', (c) => c.notNull().references('tenants.id'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('merge', 'split', 'rename', 'recode', 'move')`))
    .addColumn('effective_on', 'date', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('details', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('undone_at', 'timestamptz')
    .addColumn('undone_by', 'integer', (c) => c.references('users.id'))
    .execute();
  await sql`create index unit_reorganisations_tenant_idx on unit_reorganisations (tenant_id, effective_on)`.execute(db);

  await db.schema
    .createTable('unit_links')
    .addColumn('tenant_id', 'integer', (c) => c.notNull().references('tenants.id'))
    .addColumn('reorganisation_id', 'integer', (c) => c.notNull().references('unit_reorganisations.id'))
    .addColumn('from_unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('to_unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('share', sql`double precision`, (c) => c.notNull().check(sql`share > 0 and share <= 1`))
    .addPrimaryKeyConstraint('unit_links_pkey', ['reorganisation_id', 'from_unit_id', 'to_unit_id'])
    .execute();
  // A unit's successors (from) and predecessors (to).
  await sql`create index unit_links_from_idx on unit_links (tenant_id, from_unit_id)`.execute(db);
  await sql`create index unit_links_to_idx on unit_links (tenant_id, to_unit_id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('unit_links').execute();
  await db.schema.dropTable('unit_reorganisations').execute();
}
