import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CITUS_PLAN, type CitusPlacement } from '../../db/citus-plan';
import type { DbHandle } from '../../db/create-db';
import { createTestDb } from '../support/test-db';

// The Citus plan (db/citus-plan.ts, docs/scale-out.md) against the schema the migrations make:
// every table placed, and every key that breaks a rule of its placement listed with its change.

interface Catalog {
  tables: string[];
  /** Per table: whether it has tenant_id, and whether that is not null. */
  tenantColumn: Map<string, { notNull: boolean }>;
  unique: { table: string; name: string; columns: string[] }[];
  foreignKeys: { table: string; name: string; columns: string[]; target: string; targetColumns: string[] }[];
}

async function readCatalog(db: DbHandle): Promise<Catalog> {
  const run = async <T>(query: ReturnType<typeof sql<T>>) => (await query.execute(db.dbWrite)).rows;
  // Ordinary and partitioned tables of hailong's schema; a partition is its parent's.
  const tables = await run(sql<{ name: string }>`
    select c.relname as name from pg_class c
    where c.relnamespace = current_schema()::regnamespace and c.relkind in ('r', 'p') and not c.relispartition
    order by 1`);
  const tenant = await run(sql<{ table: string; not_null: boolean }>`
    select c.relname as table, a.attnotnull as not_null
    from pg_attribute a join pg_class c on c.oid = a.attrelid
    where c.relnamespace = current_schema()::regnamespace and c.relkind in ('r', 'p') and not c.relispartition
      and a.attname = 'tenant_id' and not a.attisdropped`);
  // Primary keys, unique constraints and unique indexes (partial ones too) alike.
  const unique = await run(sql<{ table: string; name: string; columns: string }>`
    select t.relname as table, i.relname as name,
           (select string_agg(coalesce(a.attname, '(expression)'), ',' order by k.n)
            from unnest(x.indkey::int2[]) with ordinality k(attnum, n)
            left join pg_attribute a on a.attrelid = x.indrelid and a.attnum = k.attnum) as columns
    from pg_index x join pg_class i on i.oid = x.indexrelid join pg_class t on t.oid = x.indrelid
    where t.relnamespace = current_schema()::regnamespace and not t.relispartition and x.indisunique`);
  const keys = (side: 'conkey' | 'confkey', rel: 'conrelid' | 'confrelid') =>
    sql.raw(`(select string_agg(a.attname, ',' order by k.n) from unnest(f.${side}) with ordinality k(attnum, n)
              join pg_attribute a on a.attrelid = f.${rel} and a.attnum = k.attnum)`);
  const foreignKeys = await run(sql<{ table: string; name: string; columns: string; target: string; target_columns: string }>`
    select s.relname as table, f.conname as name, ${keys('conkey', 'conrelid')} as columns,
           d.relname as target, ${keys('confkey', 'confrelid')} as target_columns
    from pg_constraint f join pg_class s on s.oid = f.conrelid join pg_class d on d.oid = f.confrelid
    where f.contype = 'f' and f.conparentid = 0 and s.relnamespace = current_schema()::regnamespace and not s.relispartition`);
  return {
    tables: tables.map((t) => t.name),
    tenantColumn: new Map(tenant.map((t) => [t.table, { notNull: t.not_null }])),
    unique: unique.map((u) => ({ ...u, columns: u.columns.split(',') })),
    foreignKeys: foreignKeys.map((f) => ({
      table: f.table,
      name: f.name,
      columns: f.columns.split(','),
      target: f.target,
      targetColumns: f.target_columns.split(','),
    })),
  };
}

const placementOf = (table: string): CitusPlacement | undefined =>
  (CITUS_PLAN as Record<string, { placement: CitusPlacement }>)[table]?.placement;

/** Where a foreign key may point, by the placement of the table it starts from (Citus's rules). */
const MAY_POINT_AT: Record<CitusPlacement, CitusPlacement[]> = {
  distributed: ['distributed', 'reference'],
  reference: ['reference'],
  local: ['local', 'reference'],
};

/** Every `table key` that breaks a rule of its table's placement today, with the rule. */
function violations(catalog: Catalog): Map<string, string> {
  const found = new Map<string, string>();
  for (const table of catalog.tables) {
    if (placementOf(table) !== 'distributed') continue;
    const column = catalog.tenantColumn.get(table);
    if (!column) found.set(`${table} tenant_id`, 'a distributed table needs tenant_id');
    else if (!column.notNull) found.set(`${table} tenant_id`, 'the distribution column must be not null');
  }
  for (const u of catalog.unique) {
    if (placementOf(u.table) === 'distributed' && !u.columns.includes('tenant_id')) {
      found.set(`${u.table} ${u.name}`, `unique (${u.columns.join(', ')}) of a distributed table lacks tenant_id`);
    }
  }
  for (const f of catalog.foreignKeys) {
    const from = placementOf(f.table);
    const to = placementOf(f.target);
    if (!from || !to) continue;
    if (!MAY_POINT_AT[from].includes(to)) {
      found.set(`${f.table} ${f.name}`, `a ${from} table may not point at a ${to} one (${f.target})`);
    } else if (from === 'distributed' && to === 'distributed') {
      const at = f.columns.indexOf('tenant_id');
      if (at < 0 || f.targetColumns[at] !== 'tenant_id') {
        found.set(`${f.table} ${f.name}`, `(${f.columns.join(', ')}) → ${f.target} (${f.targetColumns.join(', ')}) is not by tenant_id`);
      }
    }
  }
  return found;
}

const listed = () =>
  new Set(Object.entries(CITUS_PLAN).flatMap(([table, plan]) => Object.keys(plan.toChange ?? {}).map((key) => `${table} ${key}`)));

let db: DbHandle;
let catalog: Catalog;
beforeAll(async () => {
  db = await createTestDb();
  catalog = await readCatalog(db);
});
afterAll(async () => db.close());

describe('Citus plan against the schema', () => {
  it('places every table the migrations make, and only those', () => {
    expect(catalog.tables.length).toBeGreaterThan(40);
    expect(catalog.tables.filter((t) => !placementOf(t))).toEqual([]);
    expect(Object.keys(CITUS_PLAN).filter((t) => !catalog.tables.includes(t))).toEqual([]);
  });

  it('finds every key that breaks a rule listed with its change, and nothing listed that no longer does', () => {
    const found = violations(catalog);
    const plan = listed();
    const unlisted = [...found].filter(([key]) => !plan.has(key)).map(([key, rule]) => `${key}: ${rule}`);
    expect(unlisted, 'a key that breaks a Citus rule: change it, or list it in db/citus-plan.ts and docs/scale-out.md').toEqual([]);
    const stale = [...plan].filter((key) => !found.has(key));
    expect(stale, 'listed "to change" but already fine: remove it from db/citus-plan.ts and docs/scale-out.md').toEqual([]);
  });

  it('sees a distributed table with tenant_id in every key it does not list', () => {
    for (const [table, plan] of Object.entries(CITUS_PLAN)) {
      if (plan.placement !== 'distributed' || plan.toChange?.tenant_id) continue;
      expect(catalog.tenantColumn.get(table), table).toEqual({ notNull: true });
    }
  });

  it('is mirrored by the table and the list of changes in docs/scale-out.md', () => {
    const doc = readFileSync(new URL('../../docs/scale-out.md', import.meta.url), 'utf8');
    const rows = new Map(
      [...doc.matchAll(/^\|\s*`([a-z0-9_]+)`\s*\|\s*(distributed|reference|local)\s*\|/gm)].map((m) => [m[1]!, m[2] as CitusPlacement]),
    );
    expect(Object.fromEntries(rows)).toEqual(Object.fromEntries(Object.entries(CITUS_PLAN).map(([t, p]) => [t, p.placement])));
    const missing = [...listed()].filter((key) => {
      const [table, name] = key.split(' ') as [string, string];
      return !doc.includes(name === 'tenant_id' ? `\`${table}.tenant_id\`` : `\`${name}\``);
    });
    expect(missing, 'every change of db/citus-plan.ts named in docs/scale-out.md').toEqual([]);
  });
});
