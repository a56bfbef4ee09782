import { SECTORS, sectorName } from '../../surveys/sectors';
import type { Meta, StatsRow } from './api-types';
import type { Lang } from './i18n';

/**
 * A sector's name in the chosen language. /api/stats labels rows in Vietnamese only, so the
 * tenant's own names from /api/meta come first, then the built-in list, then the server label.
 */
export function sectorLabel(row: Pick<StatsRow, 'key' | 'label'>, meta: Meta | null, lang: Lang): string {
  const fromMeta = meta?.sectors.find((s) => s.code === row.key);
  if (fromMeta) return fromMeta.name[lang];
  const builtIn = sectorName(row.key, lang);
  return builtIn !== row.key ? builtIn : row.label;
}

/**
 * Sectors in the plan's order (docs/domain.md §2: the 85% sectors first), not the API's alphabetical
 * order of codes, which reads as random once names are shown. Sectors a tenant added itself follow.
 */
export function inSectorOrder<R extends { key: string }>(items: readonly R[], meta: Meta | null): R[] {
  const rank = new Map<string, number>(SECTORS.map((s, i) => [s.code, i]));
  for (const s of meta?.sectors ?? []) if (!rank.has(s.code)) rank.set(s.code, rank.size);
  const of = (key: string) => rank.get(key) ?? Number.MAX_SAFE_INTEGER;
  return [...items].sort((a, b) => of(a.key) - of(b.key) || a.key.localeCompare(b.key));
}
