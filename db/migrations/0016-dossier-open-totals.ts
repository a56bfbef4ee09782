import { sql, type Kysely } from 'kysely';

// Open dossiers per unit, sector and channel whatever their due day. Reading "open now" from the
// per-due-day cells alone summed every cell ever due (100k cells at 10 M dossiers, 20 ms); with
// these totals, "past due" is the total less the few cells due from today on.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table dossier_open_totals (
      tenant_id integer not null references tenants (id),
      unit_id integer not null,
      sector_code text not null,
      channel text not null,
      open integer not null default 0,
      primary key (tenant_id, unit_id, sector_code, channel)
    )`.execute(db);
  await sql`
    insert into dossier_open_totals (tenant_id, unit_id, sector_code, channel, open)
    select tenant_id, unit_id, sector_code, channel, sum(open)::int
    from dossier_open_rollups
    group by 1, 2, 3, 4
    having sum(open) <> 0`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table dossier_open_totals`.execute(db);
}
