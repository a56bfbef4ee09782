import { createServer, type Server, type Socket } from 'node:net';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { isDatabaseUnavailable } from '../../db/database-unavailable';
import { throttledLog } from '../../db/throttled-log';
import { RequestError } from '../../server/http/errors';

const sqlError = (code: string, message = 'x') => Object.assign(new Error(message), { code, severity: 'ERROR' });

/** A local TCP server that takes connections and then does `behave` with each: no database involved. */
async function fakePeer(behave: (socket: Socket) => void): Promise<{ port: number; server: Server }> {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => {});
    behave(socket);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  server.on('close', () => sockets.forEach((s) => s.destroy()));
  return { port: (server.address() as { port: number }).port, server };
}

const opened: Server[] = [];
afterAll(() => opened.forEach((s) => s.close()));

async function errorOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a failure');
}

describe('isDatabaseUnavailable, on errors the drivers really raise', () => {
  it('a connect to a port where nothing listens (a database restarting)', async () => {
    const { port, server } = await fakePeer(() => {});
    await new Promise((resolve) => server.close(resolve));
    const error = await errorOf(new pg.Client({ host: '127.0.0.1', port, user: 'x', database: 'x' }).connect());
    expect((error as { code: string }).code).toBe('ECONNREFUSED');
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it('a connection the server drops (killed, or restarted)', async () => {
    const { port, server } = await fakePeer((socket) => socket.destroy());
    opened.push(server);
    const client = new pg.Client({ host: '127.0.0.1', port, user: 'x', database: 'x' });
    const error = await errorOf(client.connect());
    expect((error as Error).message).toMatch(/^Connection terminated unexpectedly$|ECONNRESET/);
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it('a server that takes the connection and never answers (frozen), with the connect timeout', async () => {
    const { port, server } = await fakePeer(() => {});
    opened.push(server);
    const pool = new pg.Pool({ host: '127.0.0.1', port, user: 'x', database: 'x', connectionTimeoutMillis: 200, max: 1 });
    const first = errorOf(pool.query('select 1'));
    // The second waits for the pool's only slot.
    const second = errorOf(pool.query('select 1'));
    expect(((await first) as Error).message).toBe('Connection terminated due to connection timeout');
    expect(isDatabaseUnavailable(await first)).toBe(true);
    expect(isDatabaseUnavailable(await second)).toBe(true);
    await pool.end();
  });

  // A fresh PGlite runs initdb in WebAssembly: seconds alone, over a minute on a machine busy with other test runs.
  it('not a query the embedded database refuses (a bug, bad input), but every query once it is closed', { timeout: 180_000 }, async () => {
    const pglite = await PGlite.create();
    const syntax = await errorOf(pglite.query('selec 1'));
    const unique = await errorOf(pglite.exec('create table t (k int primary key); insert into t values (1), (1)'));
    expect((syntax as { code: string }).code).toBe('42601');
    expect((unique as { code: string }).code).toBe('23505');
    expect(isDatabaseUnavailable(syntax)).toBe(false);
    expect(isDatabaseUnavailable(unique)).toBe(false);
    await pglite.close();
    expect(isDatabaseUnavailable(await errorOf(pglite.query('select 1')))).toBe(true);
  });
});

describe('isDatabaseUnavailable, by SQLSTATE and message', () => {
  it.each([
    ['57P01', 'terminating connection due to administrator command'],
    ['57P03', 'the database system is starting up'],
    ['57014', 'canceling statement due to statement timeout'],
    ['55P03', 'canceling statement due to lock timeout'],
    ['25P03', 'terminating connection due to idle-in-transaction timeout'],
    ['53300', 'sorry, too many clients already'],
    ['08006', 'connection failure'],
  ])('%s (%s) is unavailability', (code, message) => {
    expect(isDatabaseUnavailable(sqlError(code, message))).toBe(true);
  });

  it.each([
    ['23505', 'duplicate key value violates unique constraint'],
    ['42P01', 'relation "nope" does not exist'],
    ['08P01', 'protocol violation'],
    ['40P01', 'deadlock detected'],
  ])('%s (%s) is not', (code, message) => {
    expect(isDatabaseUnavailable(sqlError(code, message))).toBe(false);
  });

  it('knows the driver messages without a code, looks into causes and aggregated errors, and nothing else', () => {
    expect(isDatabaseUnavailable(new Error('Query read timeout'))).toBe(true);
    expect(isDatabaseUnavailable(new Error('timeout exceeded when trying to connect'))).toBe(true);
    expect(isDatabaseUnavailable(new Error('Client has encountered a connection error and is not queryable'))).toBe(true);
    const refused = Object.assign(new Error('connect ECONNREFUSED ::1:5432'), { code: 'ECONNREFUSED' });
    expect(isDatabaseUnavailable(new AggregateError([refused, refused], ''))).toBe(true);
    expect(isDatabaseUnavailable(new Error('wrapped', { cause: sqlError('57P01') }))).toBe(true);

    expect(isDatabaseUnavailable(new Error('Query read timeout happened in my code'))).toBe(false);
    expect(isDatabaseUnavailable(new TypeError("Cannot read properties of undefined (reading 'id')"))).toBe(false);
    expect(isDatabaseUnavailable(new RequestError(422, { vi: 'x', en: 'x' }))).toBe(false);
    expect(isDatabaseUnavailable('ECONNREFUSED')).toBe(false);
    expect(isDatabaseUnavailable(undefined)).toBe(false);
  });
});

describe('throttledLog', () => {
  it('writes the first line, holds back the rest of the interval, and then says how many it held', () => {
    const lines: string[] = [];
    let clock = 0;
    const note = throttledLog(
      (line) => lines.push(line),
      5_000,
      () => clock,
    );
    note('down');
    clock = 1_000;
    note('down');
    note('down');
    clock = 5_000;
    note('still down');
    clock = 20_000;
    note('again');
    expect(lines).toEqual(['down', 'still down (+2 more like it since the last report)', 'again']);
  });
});
