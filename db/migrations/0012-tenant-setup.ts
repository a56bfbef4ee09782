import { sql, type Kysely } from 'kysely';

// What a province needs to set itself up without SQL (issue: tenant set-up):
// - units get the kinds of the two-tier local government (special zone: đặc khu) and validity
//   dates; a unit's code is unique among the units in force only, because official codes were
//   reused in 2025 (11980 was xã Quảng Châu's, now phường Hồng Châu's);
// - a unit can move: its path and its whole subtree's follow the new parent, and a move into its
//   own subtree is refused by the database as well as by the app;
// - officers are linked to the counters they staff; sectors a tenant adds are marked local;
// - a tenant says what it is (a province or a ministry).
// Lists are repeated here, not imported, so this migration stays frozen in time.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table units drop constraint units_kind_check`.execute(db);
  await sql`alter table units add constraint units_kind_check
    check (kind in ('province', 'city', 'district', 'commune', 'ward', 'special_zone', 'service_body'))`.execute(db);
  await sql`alter table units add column valid_from date`.execute(db);
  await sql`alter table units add column valid_to date`.execute(db);
  await sql`alter table units add constraint units_validity_check
    check (valid_to is null or valid_from is null or valid_to >= valid_from)`.execute(db);
  await sql`alter table units drop constraint units_tenant_code_key`.execute(db);
  await sql`create unique index units_tenant_code_in_force_key on units (tenant_id, code) where valid_to is null`.execute(db);
  await sql`create index units_tenant_code_idx on units (tenant_id, code)`.execute(db);

  await sql`
    create function units_move() returns trigger language plpgsql as $$
    declare
      parent_path text;
    begin
      if new.parent_id is not distinct from old.parent_id then
        new.path := old.path;
        return new;
      end if;
      if new.parent_id is null then
        new.path := '/' || new.id || '/';
      else
        select path into parent_path from units where id = new.parent_id;
        if parent_path like old.path || '%' then
          raise exception 'a unit cannot move under itself or its own subtree (unit %)', new.id
            using errcode = 'check_violation';
        end if;
        new.path := parent_path || new.id || '/';
      end if;
      update units set path = new.path || substr(path, length(old.path) + 1)
        where tenant_id = old.tenant_id and path like old.path || '_%';
      return new;
    end $$`.execute(db);
  await sql`create trigger units_move before update of parent_id on units
    for each row execute function units_move()`.execute(db);

  await sql`alter table sectors add column is_local boolean not null default false`.execute(db);

  await sql`alter table tenants add column kind text not null default 'province'
    check (kind in ('province', 'ministry', 'other'))`.execute(db);

  await db.schema
    .createTable('counter_staff')
    .addColumn('tenant_id', 'integer', (c) => c.notNull().references('tenants.id'))
    .addColumn('counter_id', 'integer', (c) => c.notNull().references('counters.id'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('counter_staff_pkey', ['counter_id', 'user_id'])
    .execute();
  await sql`create index counter_staff_user_idx on counter_staff (user_id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('counter_staff').execute();
  await sql`alter table tenants drop column kind`.execute(db);
  await sql`alter table sectors drop column is_local`.execute(db);
  await sql`drop trigger units_move on units`.execute(db);
  await sql`drop function units_move()`.execute(db);
  await sql`drop index units_tenant_code_idx`.execute(db);
  await sql`drop index units_tenant_code_in_force_key`.execute(db);
  await sql`alter table units add constraint units_tenant_code_key unique (tenant_id, code)`.execute(db);
  await sql`alter table units drop constraint units_validity_check`.execute(db);
  await sql`alter table units drop column valid_to`.execute(db);
  await sql`alter table units drop column valid_from`.execute(db);
  await sql`alter table units drop constraint units_kind_check`.execute(db);
  await sql`alter table units add constraint units_kind_check
    check (kind in ('province', 'city', 'district', 'ward', 'commune', 'service_body'))`.execute(db);
}
