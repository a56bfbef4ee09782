import type { Meta } from '../app/api-types';
import { formatDay } from '../app/format';
import { t, type Lang } from '../app/i18n';
import { surveyName } from '../app/survey-options';
import type { Filter } from './filter';

/**
 * The filter in one line, for a phone where the filter is folded away: the days, then each
 * choice that narrows it (or "all units" when none does), by name where the lists know it.
 */
export function filterSummary(filter: Filter, meta: Pick<Meta, 'units' | 'counters' | 'sectors'> | null, lang: Lang): string[] {
  const parts = [`${formatDay(filter.from, lang)} – ${formatDay(filter.to, lang)}`];
  if (filter.unit !== undefined) parts.push(meta?.units.find((u) => u.id === filter.unit)?.name ?? `${t(lang, 'unit')} #${filter.unit}`);
  if (filter.sector) parts.push(meta?.sectors.find((s) => s.code === filter.sector)?.name[lang] ?? filter.sector);
  if (filter.counter) parts.push(meta?.counters.find((k) => k.code === filter.counter)?.name ?? filter.counter);
  if (filter.channel) parts.push(t(lang, `channel_${filter.channel}`));
  if (filter.survey) parts.push(surveyName(filter.survey, lang));
  if (parts.length === 1) parts.push(t(lang, 'allUnits'));
  if (filter.asOf) parts.push(`${t(lang, 'unitTree')} ${formatDay(filter.asOf, lang)}`);
  return parts;
}
