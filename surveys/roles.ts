import { isOneOf } from './one-of';

/**
 * Who an account is: an administrator (accounts, settings, everything), an analyst (figures,
 * exports, complaints, waves), a counter officer (their counters' counts and posters, never the
 * answers), an interviewer (a survey wave's fieldwork). What each may call is in access-rules.ts.
 */
export const ROLES = ['admin', 'analyst', 'officer', 'interviewer'] as const;
export type Role = (typeof ROLES)[number];

export const isRole = isOneOf(ROLES);
