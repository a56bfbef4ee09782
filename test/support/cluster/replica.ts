import { appendFileSync, chownSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { asPostgres, sh, waitUntil } from './exec';

const PG_BIN = '/usr/lib/postgresql/15/bin';
export const PRIMARY = { host: '127.0.0.1', port: 5432 };

const psql = (port: number, query: string) =>
  sh('psql', ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-d', 'postgres', '-Atc', query]);

/**
 * The primary must accept a replication connection from 127.0.0.1 without a password. Debian's
 * default pg_hba.conf has such a line (trust); when it is missing, one trust line for 127.0.0.1 is
 * appended (once: it is looked for first) and the configuration reloaded, and the change is said.
 */
export async function ensureReplicationAccess(log: (line: string) => void): Promise<void> {
  const walLevel = (await psql(PRIMARY.port, 'show wal_level')).trim();
  if (walLevel !== 'replica' && walLevel !== 'logical')
    throw new Error(`primary wal_level is ${walLevel}: a streaming replica needs replica`);
  const senders = Number((await psql(PRIMARY.port, 'show max_wal_senders')).trim());
  if (senders < 1) throw new Error('primary max_wal_senders is 0: a streaming replica needs at least 1');
  const hbaFile = (await psql(PRIMARY.port, 'show hba_file')).trim();
  const rules = (
    await psql(PRIMARY.port, 'select type, database, address, auth_method from pg_hba_file_rules where error is null order by line_number')
  )
    .trim()
    .split('\n')
    .map((l) => l.split('|'));
  // `all` does not match replication connections in pg_hba.conf: only a replication line does.
  const replication = rules.find(
    ([type, database, address]) => type === 'host' && database === '{replication}' && (address === '127.0.0.1' || address === 'all'),
  );
  if (replication?.[3] === 'trust') return;
  if (replication) throw new Error(`${hbaFile}: replication from 127.0.0.1 asks ${replication[3]}; the cluster test needs trust there`);
  const line = 'host replication all 127.0.0.1/32 trust # hailong cluster test (test/support/cluster)';
  if (readFileSync(hbaFile, 'utf8').includes(line)) return;
  appendFileSync(hbaFile, `\n${line}\n`);
  await psql(PRIMARY.port, 'select pg_reload_conf()');
  log(`changed the primary's configuration: appended "${line}" to ${hbaFile} and reloaded it`);
}

export interface Replica {
  dir: string;
  port: number;
  url: (database: string) => string;
  /** The replica has replayed all the primary had written when asked. */
  caughtUp(): Promise<boolean>;
  stop(): Promise<void>;
}

/** A streaming hot standby of the whole local cluster (pg_basebackup -R), on a port of its own. */
export async function startReplica(port: number): Promise<Replica> {
  const dir = mkdtempSync(join(tmpdir(), 'hailong-replica-'));
  chownSync(dir, uidOf('postgres'), gidOf('postgres'));
  let started = false;
  const stop = async () => {
    if (started) await asPostgres(`${PG_BIN}/pg_ctl`, ['-D', dir, '-m', 'fast', '-w', 'stop']).catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await asPostgres(
      'pg_basebackup',
      ['-h', PRIMARY.host, '-p', String(PRIMARY.port), '-U', 'postgres', '-D', dir, '-R', '-X', 'stream', '--checkpoint=fast'],
      { timeoutMs: 300_000 },
    );
    // Debian keeps the configuration in /etc, not in the data folder: the replica gets its own.
    // Its limits must be at least the primary's (a hot standby refuses to start below them).
    const settings = (
      await psql(
        PRIMARY.port,
        "select name || ' = ' || setting from pg_settings where name in ('max_connections', 'max_worker_processes', 'max_prepared_transactions', 'max_locks_per_transaction', 'max_wal_senders')",
      )
    ).trim();
    asPostgresWrite(join(dir, 'postgresql.conf'), `${settings}\nlisten_addresses = '127.0.0.1'\n`);
    asPostgresWrite(join(dir, 'pg_hba.conf'), 'local all all trust\nhost all all 127.0.0.1/32 trust\n');
    asPostgresWrite(join(dir, 'pg_ident.conf'), '');
    started = true;
    await asPostgres(`${PG_BIN}/pg_ctl`, ['-D', dir, '-o', `-p ${port} -k /tmp -c hot_standby=on`, '-l', join(dir, 'log'), '-w', 'start'], {
      timeoutMs: 120_000,
    });
    await waitUntil(
      'replica',
      async () => (await psql(port, 'select pg_is_in_recovery()')).trim() === 't',
      60_000,
      () => readLog(dir),
    );
  } catch (error) {
    const log = readLog(dir);
    await stop();
    throw new Error(`${(error as Error).message}\n${log}`);
  }
  return {
    dir,
    port,
    url: (database) => `postgres://root@127.0.0.1:${port}/${database}`,
    async caughtUp() {
      const primaryLsn = (await psql(PRIMARY.port, 'select pg_current_wal_lsn()')).trim();
      return (await psql(port, `select pg_last_wal_replay_lsn() >= '${primaryLsn}'::pg_lsn`)).trim() === 't';
    },
    stop,
  };
}

function readLog(dir: string): string {
  try {
    return readFileSync(join(dir, 'log'), 'utf8').slice(-4000);
  } catch {
    return '';
  }
}

function asPostgresWrite(path: string, text: string) {
  writeFileSync(path, text);
  chownSync(path, uidOf('postgres'), gidOf('postgres'));
}

function passwdEntry(name: string): string[] {
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((l) => l.startsWith(`${name}:`));
  if (!line) throw new Error(`no OS user ${name}`);
  return line.split(':');
}
export const uidOf = (name: string) => Number(passwdEntry(name)[2]);
export const gidOf = (name: string) => Number(passwdEntry(name)[3]);
