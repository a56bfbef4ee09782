import type { LocalizedText } from './api-types';

/**
 * The built-in surveys an analyst can filter by, with short names that fit a select. The
 * definitions live in surveys/instruments, but importing them would pull their zod schemas into
 * the dashboard bundle for four names; /api/meta does not list surveys yet.
 */
export const SURVEY_OPTIONS: readonly { key: string; name: LocalizedText }[] = [
  { key: 'sipas-counter-short', name: { vi: 'Phiếu nhanh tại quầy (SIPAS rút gọn)', en: 'Quick counter form (short SIPAS)' } },
  { key: 'sipas-counter', name: { vi: 'Phiếu SIPAS đầy đủ', en: 'Full SIPAS form' } },
  { key: 'health-outpatient', name: { vi: 'Người bệnh ngoại trú', en: 'Outpatients' } },
  { key: 'education', name: { vi: 'Giáo dục công lập', en: 'Public education' } },
];

export function surveyName(key: string, lang: 'vi' | 'en'): string {
  return SURVEY_OPTIONS.find((s) => s.key === key)?.name[lang] ?? key;
}
