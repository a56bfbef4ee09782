import { sql, type Kysely } from 'kysely';

// What a tenant's Word reports say about their issuer (issue 19, Decree 30/2020/NĐ-CP): the agency
// and the one above it, the number's suffix (Số: …/BC-UBND), the place on the date line, who signs
// and for whom, and the recipients. No row: defaults from the tenant's name (surveys/report-settings.ts).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table report_settings (
      tenant_id integer primary key references tenants (id),
      agency text not null,
      superior_agency text not null default '',
      number_suffix text not null,
      place text not null,
      signer_authority text not null default '',
      signer_title text not null,
      signer_name text not null default '',
      recipients text[] not null,
      updated_at timestamptz not null default now()
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table report_settings`.execute(db);
}
