import { isOneOf } from './one-of';

/** Why a case was opened: a rating of 1–2, a phone left with a comment, or an analyst's choice. */
export const CASE_REASONS = ['low_rating', 'contact_request', 'comment'] as const;
export type CaseReason = (typeof CASE_REASONS)[number];

export const isCaseReason = isOneOf(CASE_REASONS);

/** Who opened it: the submission itself (a low rating, a call-back request) or an analyst. */
export const CASE_OPENERS = ['auto', 'analyst'] as const;
export type CaseOpener = (typeof CASE_OPENERS)[number];
