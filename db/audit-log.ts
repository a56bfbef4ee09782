import { sql, type Kysely } from 'kysely';
import { AUDIT_GENESIS, auditHash, type HashedAuditFields } from './audit-hash';
import type { Database } from './types';

/**
 * What happened. Add new kinds here (the union is the list an administrator can filter by).
 * Names: noun_verb in the past tense, lower case.
 */
export type AuditAction =
  | 'login'
  | 'login_failed'
  | 'logout'
  | 'user_created'
  | 'user_changed'
  | 'user_disabled'
  | 'role_changed'
  | 'password_changed'
  | 'password_reset'
  | 'sessions_ended'
  | 'survey_version_created'
  | 'target_changed'
  | 'counter_changed'
  | 'wave_created'
  | 'import'
  | 'export'
  | 'report_downloaded'
  | 'flag_cleared'
  | 'case_created'
  | 'case_changed'
  | 'contact_deleted'
  | 'contact_revealed'
  | 'response_erased'
  | 'retention_changed'
  | 'retention_applied';

export interface NewAuditEntry {
  tenant_id: number | null;
  actor_user_id: number | null;
  actor_username: string | null;
  action: AuditAction;
  subject: string | null;
  details?: Record<string, unknown>;
  /** Defaults to now. */
  at?: Date;
}

export type AuditEntry = HashedAuditFields & { hash: string };

// One lock for all appends, so entries are chained strictly one after another (any constant will
// do; this one is "hailong" in ASCII). Transaction-scoped: released by the commit or the rollback.
const AUDIT_LOCK_KEY = 0x6861696c6f6e67;
const MAX_TEXT = 500;

/**
 * Appends one entry, chained to the last: under the lock, read the last hash, take the next id,
 * hash, insert — all in one transaction. Given a transaction, it joins it, so a change and its
 * entry commit together; call it last in that transaction to hold the lock as briefly as possible.
 */
export async function appendAudit(db: Kysely<Database>, entry: NewAuditEntry): Promise<AuditEntry> {
  const fields = {
    tenant_id: entry.tenant_id,
    at: entry.at ?? new Date(),
    actor_user_id: entry.actor_user_id,
    actor_username: entry.actor_username === null ? null : cleanText(entry.actor_username),
    action: entry.action,
    subject: entry.subject === null ? null : cleanText(entry.subject),
    details: storedForm(entry.details ?? {}),
  };
  const append = async (trx: Kysely<Database>): Promise<AuditEntry> => {
    await sql`select pg_advisory_xact_lock(${sql.lit(AUDIT_LOCK_KEY)})`.execute(trx);
    const last = await trx.selectFrom('audit_log').select('hash').orderBy('id', 'desc').limit(1).executeTakeFirst();
    const next = await sql<{ id: number }>`select nextval(pg_get_serial_sequence('audit_log', 'id')) as id`.execute(trx);
    const row = { id: Number(next.rows[0]!.id), ...fields, prev_hash: last?.hash ?? AUDIT_GENESIS };
    const hash = auditHash(row);
    // The id is part of what is hashed, so it is chosen here rather than by the insert.
    await sql`
      insert into audit_log (id, tenant_id, at, actor_user_id, actor_username, action, subject, details, prev_hash, hash)
      overriding system value
      values (${row.id}, ${row.tenant_id}, ${row.at}, ${row.actor_user_id}, ${row.actor_username}, ${row.action},
              ${row.subject}, ${JSON.stringify(row.details)}::jsonb, ${row.prev_hash}, ${hash})`.execute(trx);
    return { ...row, hash };
  };
  return db.isTransaction ? append(db) : db.transaction().execute(append);
}

export interface AuditQuery {
  limit: number;
  /** Entries older than this id (the previous page's last id). */
  before?: number | undefined;
  action?: string | undefined;
}

/** A tenant's entries, and the instance's own (no tenant), newest first. */
export async function listAudit(db: Kysely<Database>, tenantId: number, query: AuditQuery): Promise<AuditEntry[]> {
  return db
    .selectFrom('audit_log')
    .selectAll()
    .where((eb) => eb.or([eb('tenant_id', '=', tenantId), eb('tenant_id', 'is', null)]))
    .$if(query.before !== undefined, (q) => q.where('id', '<', query.before!))
    .$if(query.action !== undefined, (q) => q.where('action', '=', query.action!))
    .orderBy('id', 'desc')
    .limit(query.limit)
    .execute();
}

/** Whether this database has the audit log yet (migration 0005 adds it). */
export async function auditLogExists(db: Kysely<Database>): Promise<boolean> {
  const table = await sql<{ name: string | null }>`select to_regclass('audit_log')::text as name`.execute(db);
  return Boolean(table.rows[0]?.name);
}

export type AuditVerdict =
  | { ok: true; entries: number; head: { id: number; hash: string } | null }
  | { ok: false; entries: number; brokenAt: number; reason: string };

/**
 * Walks the whole chain in id order, page by page, recomputing every hash; stops at the first
 * broken link. A changed entry fails its own hash; a removed one leaves the next entry pointing at
 * a hash that is no longer there; one slipped in fails either its own link or the next entry's.
 * `entries` counts the entries found intact before the break.
 */
export async function verifyAuditChain(db: Kysely<Database>, pageSize = 1000): Promise<AuditVerdict> {
  let expectedPrev = AUDIT_GENESIS;
  let previousId: number | null = null;
  let entries = 0;
  for (;;) {
    const page: AuditEntry[] = await db
      .selectFrom('audit_log')
      .selectAll()
      .$if(previousId !== null, (q) => q.where('id', '>', previousId!))
      .orderBy('id')
      .limit(pageSize)
      .execute();
    for (const raw of page) {
      const row = { ...raw, id: Number(raw.id) };
      if (row.prev_hash !== expectedPrev) {
        const reason =
          previousId === null
            ? 'it does not start the chain: the entries before it were removed'
            : `it does not follow entry #${previousId}: an entry between them was removed or inserted, or #${previousId} was rewritten with a new hash`;
        return { ok: false, entries, brokenAt: row.id, reason };
      }
      if (auditHash(row) !== row.hash) {
        return { ok: false, entries, brokenAt: row.id, reason: 'its contents no longer match its hash: the entry was changed' };
      }
      expectedPrev = row.hash;
      previousId = row.id;
      entries++;
    }
    if (page.length < pageSize) break;
  }
  return { ok: true, entries, head: previousId === null ? null : { id: previousId, hash: expectedPrev } };
}

/**
 * Details exactly as jsonb will give them back (dates as text, no undefined), with text PostgreSQL
 * refuses (NUL, lone surrogates) replaced: the hash is taken over what is stored, and a hostile
 * username can neither break the insert nor the chain.
 */
function storedForm(details: Record<string, unknown>): Record<string, unknown> {
  const clean = (value: unknown): unknown => {
    if (typeof value === 'string') return cleanText(value, Infinity);
    if (Array.isArray(value)) return value.map(clean);
    if (value !== null && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [cleanText(k, Infinity), clean(v)]));
    }
    return value;
  };
  return clean(JSON.parse(JSON.stringify(details))) as Record<string, unknown>;
}

function cleanText(text: string, max = MAX_TEXT): string {
  // Cut first: a cut through a surrogate pair is then repaired like any other lone half.
  const cut = text.length > max ? `${text.slice(0, max)}…` : text;
  return cut.replace(/\u0000/g, '').replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}
