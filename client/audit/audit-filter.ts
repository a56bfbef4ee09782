import { isAuditAction, type AuditAction } from '../../surveys/audit-actions';

/** The audit page's filter, as it travels in the address bar: one kind of entry, one person. */
export interface AuditFilter {
  action: AuditAction | undefined;
  actor: string | undefined;
}

export function auditFilterFromQuery(search: string): AuditFilter {
  const q = new URLSearchParams(search);
  const action = q.get('action');
  const actor = q.get('actor')?.trim();
  return { action: isAuditAction(action) ? action : undefined, actor: actor || undefined };
}

/** The page's own query string (no "before"), stable so the same filter gives the same address. */
export function auditFilterToQuery(filter: AuditFilter): string {
  const q = new URLSearchParams();
  if (filter.action) q.set('action', filter.action);
  if (filter.actor) q.set('actor', filter.actor);
  return q.toString();
}

/** The API's query: the filter, a page size, and where the next page starts. */
export function auditApiQuery(filter: AuditFilter, before?: number | null, limit = 50): string {
  const q = new URLSearchParams(auditFilterToQuery(filter));
  q.set('limit', String(limit));
  if (before != null) q.set('before', String(before));
  return q.toString();
}
