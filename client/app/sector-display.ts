import { inPlanOrder, sectorName } from '../../surveys/sectors';
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

/** Rows keyed by sector in the plan's order (surveys/sectors.ts), the tenant's own sectors after, as /api/meta lists them. */
export function inSectorOrder<R extends { key: string }>(items: readonly R[], meta: Meta | null): R[] {
  return inPlanOrder(
    items,
    (r) => r.key,
    (meta?.sectors ?? []).map((s) => s.code),
  );
}
