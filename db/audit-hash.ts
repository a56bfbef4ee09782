import { createHash } from 'node:crypto';

/** The prev_hash of the very first entry: a fixed start, so removing the first entries shows too. */
export const AUDIT_GENESIS = 'hailong-audit-log:genesis:v1';

/** What an entry's hash covers: everything in its row except the hash itself. */
export interface HashedAuditFields {
  id: number;
  tenant_id: number | null;
  at: Date;
  actor_user_id: number | null;
  actor_username: string | null;
  action: string;
  subject: string | null;
  details: Record<string, unknown>;
  prev_hash: string;
}

/**
 * JSON with object keys sorted at every depth: the same value always gives the same text, whatever
 * order the keys were written in or jsonb gives them back in.
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** SHA-256 (hex) of the entry's canonical form, chained through prev_hash. */
export function auditHash(entry: HashedAuditFields): string {
  const canonical = canonicalJson({
    id: entry.id,
    tenant_id: entry.tenant_id,
    at: entry.at.toISOString(),
    actor_user_id: entry.actor_user_id,
    actor_username: entry.actor_username,
    action: entry.action,
    subject: entry.subject,
    details: entry.details,
    prev_hash: entry.prev_hash,
  });
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}
