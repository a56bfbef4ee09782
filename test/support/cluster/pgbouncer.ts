import { chownSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { daemon, waitUntil, type Daemon } from './exec';
import { gidOf, PRIMARY, uidOf } from './replica';

export interface Pooler {
  url: (database: string) => string;
  /** The end of PgBouncer's log file, for a failure's message. */
  log: () => string;
  stop(): Promise<void>;
}

export const portOpen = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port }, () => {
      socket.end();
      resolve(true);
    });
    socket.on('error', () => resolve(false));
  });

/** PgBouncer (Debian's package) in transaction mode in front of the primary, run as postgres. */
export async function startPgBouncer(port: number, database: string): Promise<Pooler> {
  const dir = mkdtempSync(join(tmpdir(), 'hailong-pgbouncer-'));
  chownSync(dir, uidOf('postgres'), gidOf('postgres'));
  const ini = join(dir, 'pgbouncer.ini');
  writeFileSync(
    ini,
    [
      '[databases]',
      `${database} = host=${PRIMARY.host} port=${PRIMARY.port} dbname=${database}`,
      '[pgbouncer]',
      'listen_addr = 127.0.0.1',
      `listen_port = ${port}`,
      `unix_socket_dir = ${dir}`,
      'auth_type = trust',
      `auth_file = ${join(dir, 'userlist.txt')}`,
      'pool_mode = transaction',
      'max_client_conn = 500',
      // Three processes share these; the primary has other users (max_connections 100).
      'default_pool_size = 20',
      `logfile = ${join(dir, 'pgbouncer.log')}`,
      `pidfile = ${join(dir, 'pgbouncer.pid')}`,
      '',
    ].join('\n'),
  );
  writeFileSync(join(dir, 'userlist.txt'), '"root" ""\n"postgres" ""\n');
  let proc: Daemon | undefined;
  const stop = async () => {
    await proc?.stop();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    proc = daemon('pgbouncer', '/usr/sbin/pgbouncer', ['-u', 'postgres', ini]);
    await waitUntil(
      'pgbouncer',
      async () => proc!.running() && (await portOpen(port)),
      20_000,
      () => proc!.output(),
    );
  } catch (error) {
    await stop();
    throw error;
  }
  const log = () => {
    try {
      return `pgbouncer.log (end):\n${readFileSync(join(dir, 'pgbouncer.log'), 'utf8').split('\n').slice(-30).join('\n')}`;
    } catch {
      return '';
    }
  };
  return { url: (db) => `postgres://root@127.0.0.1:${port}/${db}`, log, stop };
}
