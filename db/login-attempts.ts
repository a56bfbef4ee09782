import { createHash } from 'node:crypto';
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from './types';

/** At most `max` counted attempts within the last `minutes`. */
export interface LoginLimit {
  max: number;
  minutes: number;
}

/** The three limits a login attempt must be within (server/auth/login-throttle.ts sets them). */
export interface LoginLimits {
  /** One name from one address. */
  nameAndOrigin: LoginLimit;
  /** One address, whatever the names. */
  origin: LoginLimit;
  /** One name, whatever the addresses. */
  name: LoginLimit;
}

export type LoginLimitKind = keyof LoginLimits;

export type LoginReservation =
  | { reserved: true; id: number }
  /** `retryAfterSeconds`: until the oldest attempt counted by the fullest limit leaves its window. */
  | { reserved: false; limit: LoginLimitKind; retryAfterSeconds: number };

/** A transaction-scoped advisory lock id for a name or an address: 64 bits of a hash, as text for the driver. */
function lockId(key: string): bigint {
  return BigInt.asIntN(64, BigInt(`0x${createHash('sha256').update(`hailong-login|${key}`).digest('hex').slice(0, 16)}`));
}

interface Counted {
  pair_n: number;
  pair_frees: number | null;
  origin_n: number;
  origin_frees: number | null;
  name_n: number;
  name_frees: number | null;
  id: number | null;
}

/**
 * Counts the attempts within each limit and, only if all three have room, records this one, as one
 * decision: attempts sharing the name or the address take the same advisory locks first (sorted, so
 * two never wait on each other) and then count with a snapshot taken after the lock, which sees every
 * attempt recorded before. Without the lock, parallel attempts would all count the same rows and all
 * pass. The lock lives in the database, so several server processes share it. A null address (no
 * socket, as in in-process requests) counts as one address for its name and is left out of the
 * per-address limit.
 */
export async function reserveLoginAttempt(
  db: Kysely<Database>,
  username: string,
  originHash: string | null,
  limits: LoginLimits,
): Promise<LoginReservation> {
  const locks = [lockId(`name|${username}`), ...(originHash === null ? [] : [lockId(`origin|${originHash}`)])].sort((a, b) =>
    a < b ? -1 : a > b ? 1 : 0,
  );
  const { nameAndOrigin: pair, origin, name } = limits;
  const longest = Math.max(pair.minutes, origin.minutes, name.minutes);
  const within = (minutes: number) => sql`at > statement_timestamp() - ${minutes}::int * interval '1 minute'`;
  const frees = (minutes: number, which: RawBuilder<unknown>) =>
    sql`extract(epoch from min(at) filter (where ${which} and ${within(minutes)}) + ${minutes}::int * interval '1 minute' - statement_timestamp())::float8`;
  const isPair = sql`username = ${username}::text and origin_hash is not distinct from ${originHash}::text`;
  const isOrigin = sql`origin_hash = ${originHash}::text`;
  const isName = sql`username = ${username}::text`;
  return db.transaction().execute(async (trx) => {
    await sql`select ${sql.join(locks.map((id) => sql`pg_advisory_xact_lock(${id.toString()}::bigint)`))}`.execute(trx);
    const result = await sql<Counted>`
      with counted as (
        select count(*) filter (where ${isPair} and ${within(pair.minutes)})::int as pair_n,
               ${frees(pair.minutes, isPair)} as pair_frees,
               count(*) filter (where ${isOrigin} and ${within(origin.minutes)})::int as origin_n,
               ${frees(origin.minutes, isOrigin)} as origin_frees,
               count(*) filter (where ${isName} and ${within(name.minutes)})::int as name_n,
               ${frees(name.minutes, isName)} as name_frees
        from login_attempts
        where ${within(longest)} and (${isName} or ${isOrigin})
      ),
      reserved as (
        insert into login_attempts (username, origin_hash, at)
        select ${username}::text, ${originHash}::text, statement_timestamp() from counted
        where pair_n < ${pair.max}::int and origin_n < ${origin.max}::int and name_n < ${name.max}::int
        returning id
      )
      select counted.*, (select id from reserved) as id from counted`.execute(trx);
    const row = result.rows[0]!;
    if (row.id !== null) return { reserved: true, id: Number(row.id) };
    const full = (
      [
        ['nameAndOrigin', row.pair_n >= pair.max, row.pair_frees],
        ['origin', row.origin_n >= origin.max, row.origin_frees],
        ['name', row.name_n >= name.max, row.name_frees],
      ] as const
    ).filter(([, isFull]) => isFull);
    // The limit that frees last decides when to come back.
    const [limit, , seconds] = full.reduce((a, b) => ((b[2] ?? 0) > (a[2] ?? 0) ? b : a), full[0] ?? ['nameAndOrigin', true, 1]);
    return { reserved: false, limit, retryAfterSeconds: Math.max(1, Math.ceil(seconds ?? 1)) };
  });
}

/**
 * A successful login takes back its own attempt. Only its own: the failures before it keep
 * counting (a login let through beside it may be a guess still being checked).
 */
export async function forgiveLoginAttempt(db: Kysely<Database>, id: number) {
  await db.deleteFrom('login_attempts').where('id', '=', id).execute();
}

/** Attempts older than every limit's window count for nothing. */
export async function deleteLoginAttemptsBefore(db: Kysely<Database>, before: Date): Promise<number> {
  const result = await db.deleteFrom('login_attempts').where('at', '<', before).executeTakeFirst();
  return Number(result.numDeletedRows);
}
