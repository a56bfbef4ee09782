import { allowedFrom, isCaseStatus, type CaseAction, type CaseStatus } from '../../surveys/case-states';
import { isRole } from '../../surveys/roles';
import { USERNAME_PATTERN } from '../../surveys/username';
import type { LocalizedText, Meta, MetaUnit } from '../app/api-types';
import { inBothLanguages } from '../app/i18n';
import { subtreeIds, unitsBeneath } from '../app/unit-options';
import type { UserChange, UserItem } from './admin-types';

/** The complaints list's filter, as it travels in the address bar. */
export interface CaseFilter {
  status: CaseStatus | undefined;
  overdue: boolean;
}

export function caseFilterFromQuery(search: string): CaseFilter {
  const q = new URLSearchParams(search);
  const status = q.get('status');
  return {
    status: isCaseStatus(status) ? status : undefined,
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
 * What can be done to a case in its state, as the workflow the server applies allows
 * (surveys/case-states.ts). Notes may be added at any time.
 */
export function caseActions(status: CaseStatus): { assign: boolean; answer: boolean; close: boolean; closeNeedsReason: boolean } {
  const can = (action: CaseAction, withReason = false) => allowedFrom(action, withReason).includes(status);
  return { assign: can('assign'), answer: can('answer'), close: can('close', true), closeNeedsReason: can('close', true) && !can('close') };
}

/** A counter's QR poster: A4 by default, A5 on request. */
export function posterUrl(code: string, size: 'a4' | 'a5' = 'a4'): string {
  return `/posters/${encodeURIComponent(code)}${size === 'a5' ? '?size=a5' : ''}`;
}

/** Only what differs from the account as it is; null when nothing does (no request to send). */
export function userChangeOf(
  user: Pick<UserItem, 'role' | 'unitId' | 'email'>,
  draft: { role: string; unitId: number | null; email?: string },
): UserChange | null {
  const change: UserChange = {};
  if (draft.role !== user.role && isRole(draft.role)) change.role = draft.role;
  if (draft.unitId !== user.unitId) change.unitId = draft.unitId;
  if (draft.email !== undefined) {
    const email = emailOf(draft.email);
    if (email !== (user.email ?? null)) change.email = email;
  }
  return Object.keys(change).length > 0 ? change : null;
}

/** An e-mail field as the API takes it: blank is none. */
export const emailOf = (text: string): string | null => (text.trim() === '' ? null : text.trim().toLowerCase());

/** A light check before sending (the server checks it properly): something@something.something. */
export const plausibleEmail = (text: string) => text.trim() === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text.trim());

/** The username rule of the server, checked before sending so the form can say it next to the field. */
export const validUsername = (name: string) => USERNAME_PATTERN.test(name.trim());

/** A role's name in both languages ("Quản trị" / "Administrator"); a role this app does not know yet shows as it is. */
export function roleWords(role: string): LocalizedText {
  return isRole(role) ? inBothLanguages(`role_${role}`) : { vi: role, en: role };
}

/** The unit an account keeps to, by name; no unit means the whole tenant. A unit not in the list shows its id. */
export function unitWords(unitId: number | null, units: readonly Pick<MetaUnit, 'id' | 'name'>[]): LocalizedText {
  if (unitId === null) return inBothLanguages('wholeTenant');
  const name = units.find((u) => u.id === unitId)?.name ?? `#${unitId}`;
  return { vi: name, en: name };
}

/** An account's scope in words: the whole tenant, its unit only, or its unit and the units under it. */
export function scopeWords(unitId: number | null, units: readonly MetaUnit[]): LocalizedText {
  if (unitId === null) return inBothLanguages('scopeWholeTenant');
  const beneath = unitsBeneath(units, unitId);
  if (beneath === 0) return inBothLanguages('scopeOneUnit');
  return beneath === 1 ? inBothLanguages('scopeSubtreeOne') : inBothLanguages('scopeSubtree', { n: String(beneath) });
}

/** The counters an officer may be linked to: those in service in the officer's unit subtree (every one for a tenant-wide officer). */
export function staffCounterChoices(meta: Pick<Meta, 'units' | 'counters'>, officerUnitId: number | null): Meta['counters'] {
  if (officerUnitId === null) return meta.counters;
  const inUnit = subtreeIds(meta.units, officerUnitId);
  return meta.counters.filter((k) => inUnit.has(k.unitId));
}

/** What an officer's linked counters come to, in words: none (every counter of the unit), or how many and which. */
export function staffCounterWords(codes: readonly string[]): LocalizedText {
  if (codes.length === 0) return inBothLanguages('staffCountersNone');
  const fill = { n: String(codes.length), codes: codes.join(', ') };
  return inBothLanguages(codes.length === 1 ? 'staffCountersOne' : 'staffCountersSome', fill);
}
