import type { LocalizedText } from './localized-text';

/**
 * Sectors (lĩnh vực) and the default targets of the seed plan year (Kế hoạch 199/KH-UBND, 2023).
 * Targets here are only defaults: a plan year may raise them, and a result is always judged against
 * the target in force for its period, which lives with the plan, not here.
 */
export const SECTORS = [
  { code: 'land', name: { vi: 'Đất đai', en: 'Land' }, defaultTarget: 85 },
  { code: 'construction', name: { vi: 'Xây dựng', en: 'Construction' }, defaultTarget: 85 },
  { code: 'investment', name: { vi: 'Đầu tư', en: 'Investment' }, defaultTarget: 85 },
  { code: 'health', name: { vi: 'Y tế', en: 'Health' }, defaultTarget: 85 },
  { code: 'education', name: { vi: 'Giáo dục', en: 'Education' }, defaultTarget: 85 },
  { code: 'civil_status', name: { vi: 'Hộ tịch', en: 'Civil status' }, defaultTarget: 90 },
  { code: 'justice', name: { vi: 'Tư pháp', en: 'Justice' }, defaultTarget: 90 },
  { code: 'business', name: { vi: 'Đăng ký kinh doanh', en: 'Business registration' }, defaultTarget: 90 },
  {
    code: 'labour',
    name: { vi: 'Lao động – Thương binh và Xã hội', en: 'Labour, invalids and social affairs' },
    defaultTarget: 90,
  },
  { code: 'transport', name: { vi: 'Giao thông', en: 'Transport' }, defaultTarget: 90 },
  { code: 'other', name: { vi: 'Khác', en: 'Other' }, defaultTarget: 90 },
] as const satisfies readonly { code: string; name: LocalizedText; defaultTarget: number }[];

export type SectorCode = (typeof SECTORS)[number]['code'];

/** Target for all sectors together (Tổng thể). */
export const OVERALL_TARGET = 90;

/** Key used where a per-sector map also carries the all-sectors figure; not a valid sector code. */
export const OVERALL_KEY = '_overall';

const SECTOR_CODES: ReadonlySet<string> = new Set(SECTORS.map((s) => s.code));

export function isSectorCode(s: unknown): s is SectorCode {
  return typeof s === 'string' && SECTOR_CODES.has(s);
}

/** A sector code a tenant may add: a lower-case letter, then 1–31 letters, digits or '_'. */
export const SECTOR_CODE_PATTERN = /^[a-z][a-z0-9_]{1,31}$/;

/**
 * Shaped like a sector code, built-in or the tenant's own (POST /api/sectors): what a citizen's
 * answer or a filter may name. Whether the tenant (or the counter) has it is checked where that is known.
 */
export function isSectorCodeShape(s: unknown): s is string {
  return typeof s === 'string' && SECTOR_CODE_PATTERN.test(s);
}

const PLAN_RANK: ReadonlyMap<string, number> = new Map(SECTORS.map((s, i) => [s.code, i]));

/**
 * Sectors in the plan's order (docs/domain.md §2: land, construction, investment, health,
 * education, then the 90 % sectors), not the alphabet of codes, which reads as random once names
 * are shown. Sectors a tenant added itself follow in the order given in `tenantCodes`, then by
 * code. The one ordering of sectors: the report, the Excel files, the API and the dashboard.
 */
export function inPlanOrder<R>(items: readonly R[], codeOf: (item: R) => string, tenantCodes: readonly string[] = []): R[] {
  const rank = new Map(PLAN_RANK);
  for (const code of tenantCodes) if (!rank.has(code)) rank.set(code, rank.size);
  const of = (code: string) => rank.get(code) ?? Number.MAX_SAFE_INTEGER;
  return [...items].sort((a, b) => of(codeOf(a)) - of(codeOf(b)) || codeOf(a).localeCompare(codeOf(b)));
}

/** The same order as a comparator, for lists of sectors themselves. */
export function byPlanOrder(a: { code: string }, b: { code: string }): number {
  return (PLAN_RANK.get(a.code) ?? SECTORS.length) - (PLAN_RANK.get(b.code) ?? SECTORS.length) || a.code.localeCompare(b.code);
}

/** Display name of a sector; the overall key reads "Tổng thể"; unknown codes fall back to the code itself. */
export function sectorName(code: string, lang: 'vi' | 'en'): string {
  if (code === OVERALL_KEY) return lang === 'vi' ? 'Tổng thể' : 'Overall';
  const sector = SECTORS.find((s) => s.code === code);
  return sector ? sector.name[lang] : code;
}
