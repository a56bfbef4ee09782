/** Shapes of the retention API (server/privacy/privacy.routes.ts); kept by hand. */

/** GET /api/privacy/retention */
export interface Retention {
  months: number;
}

/** GET /api/privacy/retention/preview?months=: what that period would remove now, counted and left in place. */
export interface RetentionPreview {
  months: number;
  /** Answers sent before this moment lose their free text, dossier code and hashes; cases opened before it, their phone. */
  cutoff: string;
  responses: number;
  contacts: number;
}

/** PUT /api/privacy/retention: the new period, applied at once, and what that removed. */
export interface RetentionApplied {
  months: number;
  applied?: { responses: number; contacts: number };
}
