import { sql, type Kysely } from 'kysely';

// National scale: responses partitioned by Vietnam-local month, so a period's queries touch only
// its months and old months can be archived whole. A partitioned table can only enforce unique
// keys that contain the partition key, so the keys that make a submission count once (client
// key, form token, dossier code) move to response_keys, one small row per response. And monthly
// rollups, so a year's dashboard sums twelve rows per counter instead of 365.
//
// Partitions and their bounds are repeated here (not imported from db/) so this migration stays
// frozen in time.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create sequence response_ids as bigint`.execute(db);
  await sql`select setval('response_ids', coalesce((select max(id) from responses), 0) + 1, false)`.execute(db);

  await sql`
    create table responses_by_month (
      id bigint not null default nextval('response_ids'),
      tenant_id integer not null references tenants (id),
      survey_version_id integer not null references survey_versions (id),
      counter_id integer references counters (id),
      wave_id integer references waves (id),
      unit_id integer not null references units (id),
      sector_code text not null,
      channel text not null check (channel in ('qr', 'kiosk', 'interviewer', 'web')),
      submitted_at timestamptz not null,
      answers jsonb not null,
      comment text,
      dossier_code text,
      client_key text not null,
      token_id text,
      satisfied boolean,
      weight double precision not null default 1 check (weight >= 0),
      flags text[] not null default '{}',
      origin_hash text,
      device_hash text,
      created_at timestamptz not null default now(),
      constraint responses_origin_check check (counter_id is not null or wave_id is not null),
      primary key (id, submitted_at)
    ) partition by range (submitted_at)`.execute(db);
  await sql`create table responses_default partition of responses_by_month default`.execute(db);

  const span = await sql<{ first: string | null; last: string | null }>`
    select to_char(min(submitted_at) at time zone 'Asia/Ho_Chi_Minh', 'YYYY-MM') as first,
           to_char(max(submitted_at) at time zone 'Asia/Ho_Chi_Minh', 'YYYY-MM') as last
    from responses`.execute(db);
  const now = await sql<{ month: string }>`select to_char(now() at time zone 'Asia/Ho_Chi_Minh', 'YYYY-MM') as month`.execute(db);
  const current = now.rows[0]!.month;
  const first = span.rows[0]?.first ?? current;
  const last = [span.rows[0]?.last ?? current, current].sort()[1]!;
  for (let month = first; month <= nextMonth(nextMonth(last)); month = nextMonth(month)) {
    await sql`create table ${sql.id(`responses_p${month.replace('-', '')}`)} partition of responses_by_month
      for values from (${sql.lit(`${month}-01 00:00:00+07`)}) to (${sql.lit(`${nextMonth(month)}-01 00:00:00+07`)})`.execute(db);
  }

  const columns = sql`id, tenant_id, survey_version_id, counter_id, wave_id, unit_id, sector_code, channel, submitted_at,
    answers, comment, dossier_code, client_key, token_id, satisfied, weight, flags, origin_hash, device_hash, created_at`;
  await sql`insert into responses_by_month (${columns}) select ${columns} from responses`.execute(db);

  await sql`
    create table response_keys (
      tenant_id integer not null references tenants (id),
      client_key text not null,
      response_id bigint not null unique,
      submitted_at timestamptz not null,
      token_id text,
      dossier_code text,
      primary key (tenant_id, client_key)
    )`.execute(db);
  await sql`create unique index response_keys_token_idx on response_keys (tenant_id, token_id) where token_id is not null`.execute(db);
  await sql`create unique index response_keys_dossier_idx on response_keys (tenant_id, dossier_code) where dossier_code is not null`.execute(
    db,
  );
  await sql`insert into response_keys (tenant_id, client_key, response_id, submitted_at, token_id, dossier_code)
    select tenant_id, client_key, id, submitted_at, token_id, dossier_code from responses`.execute(db);

  // A case follows its response through the key registry, which can hold a plain unique id.
  await sql`alter table cases drop constraint cases_response_id_fkey`.execute(db);
  await sql`alter table cases add constraint cases_response_id_fkey foreign key (response_id) references response_keys (response_id)`.execute(
    db,
  );

  await sql`drop table responses`.execute(db);
  await sql`alter table responses_by_month rename to responses`.execute(db);
  await sql`alter table responses rename constraint responses_by_month_pkey to responses_pkey`.execute(db);
  await sql`create index responses_submitted_idx on responses (tenant_id, submitted_at, id)`.execute(db);
  await sql`create index responses_origin_idx on responses (counter_id, origin_hash, submitted_at) where origin_hash is not null`.execute(
    db,
  );
  await sql`create index responses_device_idx on responses (counter_id, device_hash, submitted_at) where device_hash is not null`.execute(
    db,
  );
  await sql`create index responses_flagged_idx on responses (tenant_id, submitted_at) where cardinality(flags) > 0`.execute(db);
  await sql`create index responses_wave_idx on responses (wave_id, unit_id) where wave_id is not null`.execute(db);

  await sql`
    create table monthly_rollups (
      tenant_id integer not null references tenants (id),
      month date not null,
      unit_id integer not null,
      counter_id integer not null,
      sector_code text not null,
      survey_version_id integer not null,
      channel text not null,
      responses integer not null,
      valid integer not null,
      satisfied integer not null,
      primary key (tenant_id, month, unit_id, counter_id, sector_code, survey_version_id, channel)
    )`.execute(db);
  await sql`
    insert into monthly_rollups
    select tenant_id, date_trunc('month', submitted_at at time zone 'Asia/Ho_Chi_Minh')::date, unit_id, counter_id,
           sector_code, survey_version_id, channel, count(*)::int, count(satisfied)::int,
           (count(*) filter (where satisfied))::int
    from responses
    where cardinality(flags) = 0 and wave_id is null and counter_id is not null
    group by 1, 2, 3, 4, 5, 6, 7`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('0008 cannot be undone in place: restore the backup taken before upgrading');
}

function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}
