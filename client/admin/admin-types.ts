import type { CaseOpener, CaseReason } from '../../surveys/case-origins';
import type { CaseStatus } from '../../surveys/case-states';
import type { Answers } from '../../surveys/instrument-schema';
import type { Role } from '../../surveys/roles';

/** Shapes of the accounts, counters, officer and complaints APIs (server/users, server/counters, server/officer, server/cases); kept by hand. */

/** GET /api/users */
export interface UserItem {
  id: number;
  username: string;
  role: string;
  unitId: number | null;
  disabled: boolean;
}

export interface NewUser {
  username: string;
  role: Role;
  unitId: number | null;
}

export interface UserChange {
  role?: Role;
  unitId?: number | null;
  disabled?: boolean;
}

/** GET /api/counters: every counter of the tenant and whether its form runs as a kiosk (administrators). */
export interface CounterSetting {
  code: string;
  name: string;
  unit: { id: number; name: string };
  kiosk: boolean;
  retired: boolean;
}

/** GET /api/officer/counters: answers received per counter (counts only, never the answers). */
export interface OfficerCounters {
  asOf: string;
  counters: { code: string; name: string; today: number; month: number; year: number }[];
}

/** server/cases/case-view.ts: the phone is always masked by the server. */
export interface CaseItem {
  id: number;
  responseId: number | null;
  status: CaseStatus;
  openedBy: CaseOpener;
  /** One of CASE_REASONS; a newer server may send one this app does not know yet. */
  reason: CaseReason | (string & {});
  unit: { id: number; name: string };
  assignedUnit: { id: number; name: string } | null;
  createdAt: string;
  dueAt: string;
  assignedAt: string | null;
  answeredAt: string | null;
  closedAt: string | null;
  answer: string | null;
  closeReason: string | null;
  overdue: boolean;
  answeredOnTime: boolean | null;
  contact: { phone: string; consentAt: string | null } | null;
}

/** GET /api/cases */
export interface CaseList {
  items: CaseItem[];
  nextBefore: number | null;
}

export interface CaseNote {
  id: number;
  text: string;
  at: string;
  author: string | null;
}

/** GET /api/cases/:id: the case, its notes, and the answer it came from. */
export interface CaseDetail extends CaseItem {
  notes: CaseNote[];
  response: {
    id: number;
    /** The reference the citizen was given for this answer. */
    reference: string;
    submittedAt: string;
    counter: { code: string; name: string | null } | null;
    sector: string | null;
    channel: string;
    satisfied: boolean | null;
    flags: unknown;
    answers: Answers;
    comment: string | null;
  } | null;
}
