import { sql, type Kysely } from 'kysely';

// One visit, one answer, without tracking people: keyed hashes (rotating daily) of the sender's
// address and of the browser's own random key, to see bursts; and one rating per dossier.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('responses').addColumn('origin_hash', 'text').addColumn('device_hash', 'text').execute();
  await sql`create index responses_origin_idx on responses (counter_id, origin_hash, submitted_at)
    where origin_hash is not null`.execute(db);
  await sql`create index responses_device_idx on responses (counter_id, device_hash, submitted_at)
    where device_hash is not null`.execute(db);
  await sql`create unique index responses_dossier_idx on responses (tenant_id, dossier_code)
    where dossier_code is not null`.execute(db);
  await sql`create index responses_flagged_idx on responses (tenant_id, submitted_at)
    where cardinality(flags) > 0`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index responses_flagged_idx, responses_dossier_idx, responses_device_idx, responses_origin_idx`.execute(db);
  await db.schema.alterTable('responses').dropColumn('origin_hash').dropColumn('device_hash').execute();
}
