import type { CaseAssignees, CaseDetail, CaseItem, CaseList, CaseNote, RevealedContact } from '../admin/admin-types';
import { request } from '../app/api';
import { withQuery } from '../app/links';

// Complaints (phản ánh, kiến nghị), followed from receipt to closing.
export const fetchCaseFigures = (from: string, to: string, unit: number | undefined) =>
  request<{ open: number; overdue: number; answered: number; answeredOnTime: number; answeredOnTimeShare: number | null }>(
    'GET',
    withQuery('/api/cases/figures', { from, to, unit }),
  );
export const fetchCases = (query: string) => request<CaseList>('GET', withQuery('/api/cases', query));
export const fetchCase = (id: number) => request<CaseDetail>('GET', `/api/cases/${id}`);
export const assignCase = (id: number, unitId: number, assigneeId?: number, dueAt?: string) =>
  request<CaseItem>('POST', `/api/cases/${id}/assign`, { unitId, ...(assigneeId ? { assigneeId } : {}), ...(dueAt ? { dueAt } : {}) });
export const fetchAssignees = (unit: number) => request<CaseAssignees>('GET', withQuery('/api/cases/assignees', { unit }));
/** The phone in clear, for the person the case is assigned to: kept in the page's memory only, never stored. */
export const revealContact = (id: number, reason: string) =>
  request<RevealedContact>('POST', `/api/cases/${id}/contact/reveal`, { reason });
export const answerCase = (id: number, answer: string) => request<CaseItem>('POST', `/api/cases/${id}/answer`, { answer });
/** Without a reason the POST goes with no body at all: the server closes an answered case that way. */
export const closeCase = (id: number, reason?: string) =>
  request<CaseItem>('POST', `/api/cases/${id}/close`, reason ? { reason } : undefined);
export const addCaseNote = (id: number, text: string) => request<CaseNote>('POST', `/api/cases/${id}/notes`, { text });
export const deleteCaseContact = (id: number) => request<{ id: number; contactDeleted: boolean }>('DELETE', `/api/cases/${id}/contact`);
/** The administrator's words for the public results page about a closed case; null withdraws them. */
export const publishCaseOutcome = (id: number, outcome: string | null) =>
  request<{ id: number; outcome: string | null }>('PUT', `/api/cases/${id}/published-outcome`, { outcome });
