import { sql, type Kysely } from 'kysely';

// Several server processes on one database (issue 21): the daily upkeep is run by one of them,
// once per Vietnam-local day. The row is written in the transaction that holds the upkeep's
// advisory lock, when the work is done: a process that died part-way leaves no row, and the next
// check (hourly) runs it again. An instance-wide table, like instance_settings: no tenant.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table upkeep_runs (
      day date primary key,
      started_at timestamptz not null,
      finished_at timestamptz not null default now(),
      ran_by text not null
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table upkeep_runs`.execute(db);
}
