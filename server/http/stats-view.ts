import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { StatsFilter } from '../../db/stats';
import type { Database } from '../../db/types';
import { unitLineageOn } from '../../db/unit-lineage';
import type { LineageRow } from '../../surveys/unit-lineage';
import { daySchema } from '../../surveys/day-schema';
import type { LocalizedText } from '../../surveys/localized-text';
import { localDay } from '../../surveys/time';
import { RequestError } from './errors';

/** Which tree the figures are told in: `now` (today's units) or `asOf` a day (the tree in force then). */
export const VIEWS = ['now', 'asOf'] as const;

export const viewQuery = {
  view: z.enum(VIEWS).optional(),
  asOf: daySchema.optional(),
};

const AS_OF_NEEDED: LocalizedText = {
  vi: 'Xem theo cơ cấu tại một ngày (view=asOf) cần ngày đó: asOf=YYYY-MM-DD.',
  en: 'view=asOf needs the day: asOf=YYYY-MM-DD.',
};

const NOW_WITH_DAY: LocalizedText = {
  vi: 'Xem theo cơ cấu hiện nay (view=now) không nhận ngày asOf; bỏ asOf hoặc dùng view=asOf.',
  en: 'view=now takes no asOf day; leave asOf out or use view=asOf.',
};

const endedBefore = (unit: { code: string; name: string; valid_to: string | null }, day: string): LocalizedText => ({
  vi: `${unit.name} (${unit.code}) đã thôi hoạt động sau ngày ${unit.valid_to}; số liệu của đơn vị này nay tính cho đơn vị kế thừa. Xem theo cơ cấu tại một ngày không muộn hơn ${unit.valid_to} (view=asOf&asOf=${unit.valid_to}), hoặc chọn đơn vị kế thừa.`,
  en: `${unit.name} (${unit.code}) ended after ${unit.valid_to}; in the tree of ${day} its answers count for the units that took its place. View the tree as it was on ${unit.valid_to} or earlier (view=asOf&asOf=${unit.valid_to}), or choose a successor.`,
});

const invalid = (field: string, text: LocalizedText) =>
  new RequestError(400, { vi: 'Bộ lọc không hợp lệ.', en: 'The filter is not valid.' }, { [field]: text });

/** The view's day: today for `now` (the default), the given day for `asOf`. */
export function viewDay(q: { view?: (typeof VIEWS)[number] | undefined; asOf?: string | undefined }, today = localDay(new Date())): string {
  if (q.view === 'asOf' && q.asOf === undefined) throw invalid('asOf', AS_OF_NEEDED);
  if (q.view === 'now' && q.asOf !== undefined) throw invalid('asOf', NOW_WITH_DAY);
  return q.asOf ?? today;
}

/**
 * Puts the view of `day` on a resolved filter: the lineage, and the chosen unit's subtree as it
 * stood that day. A unit whose answers the view counts for its successors cannot be chosen (400,
 * saying which day would show it).
 */
export async function applyView(
  db: Kysely<Database>,
  filter: StatsFilter,
  day: string,
  chosen?: { id: number; code: string; name: string; path: string; valid_to: string | null },
  lineageLookup: Promise<LineageRow[]> = unitLineageOn(db, filter.tenantId, day),
): Promise<StatsFilter> {
  const lineage = await lineageLookup;
  const viewed: StatsFilter = { ...filter, view: { day, lineage } };
  if (chosen) {
    const rows = lineage.filter((l) => l.from_unit_id === chosen.id);
    if (rows.length > 0 && !rows.some((l) => l.to_unit_id === chosen.id)) throw invalid('unit', endedBefore(chosen, day));
    viewed.unitPath = lineage.find((l) => l.to_unit_id === chosen.id)?.to_path ?? chosen.path;
  }
  return viewed;
}
