import type { LocalizedText } from './localized-text';

/**
 * Who an account is: an administrator (accounts, settings, everything), an analyst (figures,
 * exports, complaints, waves), a counter officer (their counters' counts and posters, never the
 * answers), an interviewer (a survey wave's fieldwork). What each may call is in access-rules.ts.
 */
export const ROLES = ['admin', 'analyst', 'officer', 'interviewer'] as const;
export type Role = (typeof ROLES)[number];

export const isRole = (value: unknown): value is Role => (ROLES as readonly unknown[]).includes(value);

/** A role as a sentence names it ("Việc này dành cho: quản trị viên"). */
export const ROLE_NAMES: Record<Role, LocalizedText> = {
  admin: { vi: 'quản trị viên', en: 'administrator' },
  analyst: { vi: 'chuyên viên phân tích', en: 'analyst' },
  officer: { vi: 'cán bộ quầy', en: 'counter officer' },
  interviewer: { vi: 'điều tra viên', en: 'interviewer' },
};
