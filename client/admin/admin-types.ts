import type { CaseOpener, CaseReason } from '../../surveys/case-origins';
import type { CaseStatus } from '../../surveys/case-states';
import type { Answers } from '../../surveys/instrument-schema';
import type { Role } from '../../surveys/roles';
import type { LocalizedText } from '../app/api-types';

/** Shapes of the accounts, counters, officer and complaints APIs (server/users, server/counters, server/officer, server/cases); kept by hand. */

/** GET /api/users */
export interface UserItem {
  id: number;
  username: string;
  role: string;
  unitId: number | null;
  disabled: boolean;
  /** The account's own address (null: none); administrators get the system's mail there. */
  email?: string | null;
  /** An officer's linked counters (codes); absent for other roles. Empty: every counter of the unit. */
  counters?: string[];
}

export interface NewUser {
  username: string;
  role: Role;
  unitId: number | null;
  email?: string | null;
}

export interface UserChange {
  role?: Role;
  unitId?: number | null;
  disabled?: boolean;
  email?: string | null;
}

/** GET /api/counters: every counter of the administrator's units, as they set it up (server/counters/counter-view.ts). */
export interface CounterSetting {
  code: string;
  name: string;
  unit: { id: number; code: string; name: string };
  sectors: string[];
  survey: { key: string; version: number | null; title: LocalizedText | null };
  kiosk: boolean;
  retired: boolean;
  retiredAt: string | null;
  /** The printable QR poster; null for a retired counter. */
  posterUrl: string | null;
}

/** POST /api/counters; without a code the server makes one of the unit's code and the name. */
export interface NewCounter {
  code?: string;
  name: string;
  unitId: number;
  sectors: string[];
  survey?: string;
  kiosk?: boolean;
}

/** PATCH /api/counters/:code: only what is sent changes. */
export interface CounterChange {
  name?: string;
  unitId?: number;
  sectors?: string[];
  survey?: string;
  kiosk?: boolean;
  retired?: boolean;
}

/** POST /api/counters/import, saved: what each line did. */
export interface CounterSheetResult {
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  lines: { line: number; code: string; outcome: 'created' | 'updated' | 'unchanged' }[];
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
  /** The person of that unit handling it, if one was named. */
  assignee: { id: number; username: string | null } | null;
  createdAt: string;
  dueAt: string;
  assignedAt: string | null;
  answeredAt: string | null;
  closedAt: string | null;
  answer: string | null;
  closeReason: string | null;
  /** The administrator's words on the public results page; null: not published. */
  publishedOutcome?: string | null;
  publishedAt?: string | null;
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

/** One question of the answer, worded by its survey version (surveys/answer-lines.ts). */
export interface CaseAnswerLine {
  key: string;
  question: LocalizedText;
  value: number | null | undefined;
  answer: LocalizedText | null;
}

/** A reveal of the phone, as the audit log holds it: who, when, why (never the number). */
export interface ContactReveal {
  at: string;
  username: string | null;
  reason: string;
}

/** GET /api/cases/:id: the case, its notes, and the answer it came from. */
export interface CaseDetail extends CaseItem {
  notes: CaseNote[];
  contactReveals: ContactReveal[];
  /** This person is the one the case is assigned to and there is a phone: the reveal is offered. */
  mayRevealContact: boolean;
  /** A closed case and an administrator: the outcome may be published on the public results page. */
  mayPublishOutcome?: boolean;
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
    lines: CaseAnswerLine[];
    comment: string | null;
    dossierCode: string | null;
  } | null;
}

/** GET /api/cases/assignees?unit=: whom a case of that unit may be given to. */
export interface CaseAssignees {
  unitId: number;
  items: { id: number; username: string; role: string; unitName: string | null }[];
}

/** POST /api/cases/:id/contact/reveal: the number, shown once. */
export interface RevealedContact {
  id: number;
  phone: string;
  consentAt: string | null;
  revealedAt: string;
}
