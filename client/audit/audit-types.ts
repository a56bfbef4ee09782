/** Shapes of the audit log API (server/audit/audit.routes.ts); kept by hand. */

export interface AuditItem {
  id: number;
  at: string;
  /** null: the instance's own entry (a failed login with an unknown name). */
  tenantId: number | null;
  actor: { userId: number | null; username: string | null };
  /** One of AUDIT_ACTIONS; a newer server may write one this app does not know yet. */
  action: string;
  subject: string | null;
  details: Record<string, unknown>;
  hash: string;
}

/** GET /api/audit: newest first; `nextBefore` is where the next page starts, null on the last. */
export interface AuditPage {
  items: AuditItem[];
  nextBefore: number | null;
}

/** GET /api/audit/verify: the whole chain recomputed. */
export type AuditVerdict =
  | { ok: true; entries: number; head: { id: number; hash: string } | null }
  | { ok: false; entries: number; brokenAt: number; reason: string };
