import { sql, type Kysely } from 'kysely';

// Paper forms typed in by an import get a channel of their own, `paper`, instead of passing as an
// interviewer's answers. The list is repeated here (not imported from surveys/channels.ts) so this
// migration stays frozen in time. Adding the constraint checks every stored response once.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table responses drop constraint responses_by_month_channel_check`.execute(db);
  await sql`alter table responses add constraint responses_channel_check
    check (channel in ('qr', 'kiosk', 'interviewer', 'web', 'paper'))`.execute(db);
}

/** Back to the four channels; refused while paper answers are stored (they would break the check). */
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table responses drop constraint responses_channel_check`.execute(db);
  await sql`alter table responses add constraint responses_by_month_channel_check
    check (channel in ('qr', 'kiosk', 'interviewer', 'web'))`.execute(db);
}
