import { createServer, type Socket } from 'node:net';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { createDatabaseProbe } from '../../server/health/database-probe';
import type { Database } from '../../db/types';

// A "database" that takes connections and never says a word, like a frozen PostgreSQL.
const sockets: Socket[] = [];
const frozen = createServer((socket) => {
  sockets.push(socket);
  socket.on('error', () => {});
});
afterAll(async () => {
  sockets.forEach((s) => s.destroy());
  await new Promise((resolve) => frozen.close(resolve));
});

describe('the /healthz database probe', () => {
  it('answers "unreachable" within its timeout each time, with one connection however often it is asked', async () => {
    await new Promise<void>((resolve) => frozen.listen(0, '127.0.0.1', resolve));
    const port = (frozen.address() as { port: number }).port;
    const pool = new pg.Pool({ host: '127.0.0.1', port, user: 'x', database: 'x', max: 10 });
    pool.on('error', () => {});
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    let clock = 0;
    const probe = createDatabaseProbe(db, { timeoutMs: 100, reuseMs: 1_000, now: () => clock });
    for (let i = 0; i < 5; i++) {
      clock += 1_000;
      const started = Date.now();
      expect(await probe()).toBe(false);
      expect(Date.now() - started).toBeLessThan(2_000);
    }
    expect(sockets).toHaveLength(1);
    // Asked again within a second: the answer is reused, nothing waits.
    const started = Date.now();
    expect(await probe()).toBe(false);
    expect(Date.now() - started).toBeLessThan(90);
    void db.destroy().catch(() => {});
  });
});
