import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { discardingTimedOut } from '../../db/pg-pools';
import { prepared, preparedName } from '../../db/prepared-statements';

// A statement marked `prepared` is parsed and planned once per connection, directly connected;
// through a transaction-mode pooler it is sent unprepared. A real PostgreSQL only.
const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) console.warn('prepared-statements.test.ts: not run — needs a real PostgreSQL; set DATABASE_URL.');

describe('prepared statement names', () => {
  it('name only marked statements, the same text always under the same name', () => {
    const text = (b: ReturnType<typeof sql>) => b.compile(new Kysely<never>({ dialect: new PostgresDialect({ pool: {} as never }) })).sql;
    const marked = text(prepared(sql`select ${1}::int`));
    expect(preparedName(text(sql`select ${1}::int`))).toBeUndefined();
    expect(preparedName(marked)).toMatch(/^hl_[0-9a-f]{24}$/);
    expect(preparedName(marked)).toBe(preparedName(text(prepared(sql`select ${2}::int`))));
    expect(preparedName(marked)).not.toBe(preparedName(text(prepared(sql`select ${1}::bigint`))));
  });
});

describe.skipIf(!databaseUrl)('prepared statements on PostgreSQL', () => {
  const pools: pg.Pool[] = [];
  const kyselyOver = (inTransaction?: Record<string, string>) => {
    const pool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
    pools.push(pool);
    return new Kysely<never>({ dialect: new PostgresDialect({ pool: discardingTimedOut(pool, inTransaction) }) });
  };
  const preparedHere = async (db: Kysely<never>) =>
    Number(
      (await sql<{ n: string }>`select count(*) as n from pg_prepared_statements where statement like '/* prepared */%'`.execute(db))
        .rows[0]!.n,
    );

  afterAll(async () => {
    for (const pool of pools) await pool.end();
  });

  it('are prepared once on a direct connection and give the same results', async () => {
    const db = kyselyOver();
    for (const n of [1, 2, 3]) {
      const { rows } = await prepared(sql<{ m: number }>`select ${n}::int * 10 as m`).execute(db);
      expect(rows).toEqual([{ m: n * 10 }]);
    }
    expect(await preparedHere(db)).toBe(1);
    await sql`select 1`.execute(db);
    expect(await preparedHere(db)).toBe(1);
  });

  it('are sent unprepared through a transaction-mode pooler', async () => {
    const db = kyselyOver({ jit: 'off' });
    const { rows } = await prepared(sql<{ m: number }>`select ${4}::int * 10 as m`).execute(db);
    expect(rows).toEqual([{ m: 40 }]);
    expect(await preparedHere(db)).toBe(0);
  });
});
