import { sh } from './exec';
import { PRIMARY } from './replica';

/**
 * What the primary is doing in `database`, for a failure's message: every session that is not
 * idle (what it waits on, since when, its statement) and every lock that is waited for or is an
 * advisory lock (a lock left on a pooled session shows here).
 */
export async function primaryActivity(database: string): Promise<string> {
  const query = (sql: string) =>
    sh('psql', ['-h', PRIMARY.host, '-p', String(PRIMARY.port), '-U', 'postgres', '-d', database, '-F', ' | ', '-Atc', sql]);
  const sessions = await query(
    `select pid, state, coalesce(wait_event_type || ':' || wait_event, '-'), now() - xact_start, left(regexp_replace(query, '\\s+', ' ', 'g'), 120)
     from pg_stat_activity where datname = current_database() and state <> 'idle' and pid <> pg_backend_pid()`,
  );
  const locks = await query(
    `select pid, locktype, mode, granted, coalesce(relation::regclass::text, objid::text, '') from pg_locks
     where database = (select oid from pg_database where datname = current_database()) and (not granted or locktype = 'advisory')`,
  );
  return `primary, sessions not idle (pid | state | waiting on | in transaction for | statement):\n${sessions || '(none)\n'}locks waited for or advisory (pid | type | mode | granted | on):\n${locks || '(none)\n'}`;
}
