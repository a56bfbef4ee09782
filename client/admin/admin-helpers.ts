import { CASE_STATUSES, ROLES, type CaseStatus, type Role, type UserChange, type UserItem } from './admin-types';

/** The complaints list's filter, as it travels in the address bar. */
export interface CaseFilter {
  status: CaseStatus | undefined;
  overdue: boolean;
}

export function caseFilterFromQuery(search: string): CaseFilter {
  const q = new URLSearchParams(search);
  const status = q.get('status');
  return {
    status: (CASE_STATUSES as readonly string[]).includes(status ?? '') ? (status as CaseStatus) : undefined,
    overdue: q.get('overdue') === '1',
  };
}

/** The page's own query string (no "before"), stable so the same filter gives the same address. */
export function caseFilterToQuery(filter: CaseFilter): string {
  const q = new URLSearchParams();
  if (filter.status) q.set('status', filter.status);
  if (filter.overdue) q.set('overdue', '1');
  return q.toString();
}

/** The API's query: the filter, a page size, and where the next page starts. */
export function casesApiQuery(filter: CaseFilter, before?: number | null, limit = 50): string {
  const q = new URLSearchParams(caseFilterToQuery(filter));
  q.set('limit', String(limit));
  if (before != null) q.set('before', String(before));
  return q.toString();
}

/**
 * What can be done to a case in its state, as the server's workflow allows
 * (server/cases/case-workflow.ts): assign until answered, answer once assigned, close once answered
 * or earlier with a reason. Notes may be added at any time.
 */
export function caseActions(status: CaseStatus): { assign: boolean; answer: boolean; close: boolean; closeNeedsReason: boolean } {
  return {
    assign: status === 'received' || status === 'assigned',
    answer: status === 'assigned',
    close: status !== 'closed',
    closeNeedsReason: status === 'received' || status === 'assigned',
  };
}

/** A counter's QR poster: A4 by default, A5 on request. */
export function posterUrl(code: string, size: 'a4' | 'a5' = 'a4'): string {
  return `/posters/${encodeURIComponent(code)}${size === 'a5' ? '?size=a5' : ''}`;
}

export const isRole = (v: string): v is Role => (ROLES as readonly string[]).includes(v);

/** Only what differs from the account as it is; null when nothing does (no request to send). */
export function userChangeOf(user: Pick<UserItem, 'role' | 'unitId'>, draft: { role: string; unitId: number | null }): UserChange | null {
  const change: UserChange = {};
  if (draft.role !== user.role && isRole(draft.role)) change.role = draft.role;
  if (draft.unitId !== user.unitId) change.unitId = draft.unitId;
  return Object.keys(change).length > 0 ? change : null;
}

/** The username rule of the server, checked before sending so the form can say it next to the field. */
export const USERNAME_PATTERN = /^[a-z0-9._-]{3,64}$/;
export const validUsername = (name: string) => USERNAME_PATTERN.test(name.trim());
