import type { Kysely } from 'kysely';
import { z } from 'zod';
import { findCounterByCode } from '../../db/counters';
import { listSectors } from '../../db/sectors';
import { findSurveyByKey } from '../../db/surveys';
import { findWave } from '../../db/waves';
import type { StatsFilter } from '../../db/stats';
import type { Database } from '../../db/types';
import { unitLineageOn } from '../../db/unit-lineage';
import { CHANNELS } from '../../surveys/channels';
import { daySchema, IN_ORDER, inOrder } from '../../surveys/day-schema';
import { isSectorCodeShape } from '../../surveys/sectors';
import { localDay } from '../../surveys/time';
import type { SessionUser } from './context';
import { RequestError } from './errors';
import { applyView, viewDay, viewQuery } from './stats-view';
import { scopePath, unitInScope } from './unit-scope';

const UNKNOWN_SECTOR = {
  vi: 'Lĩnh vực không có trong danh mục của tỉnh.',
  en: '"sector" must be a sector code in the province\'s list, e.g. land or health.',
};

/** The filter every analyst view and export shares, as it appears in the URL. */
export const filterQuery = z
  .object({
    from: daySchema.optional(),
    to: daySchema.optional(),
    unit: z.coerce.number().int().positive('unit must be a unit id').optional(),
    sector: z.string().refine(isSectorCodeShape, 'unknown sector code').optional(),
    counter: z.string().max(63).optional(),
    channel: z.enum(CHANNELS).optional(),
    survey: z.string().max(63).optional(),
    wave: z.coerce.number().int().positive().optional(),
    ...viewQuery,
  })
  .refine(inOrder, IN_ORDER);
export type FilterQuery = z.infer<typeof filterQuery>;

/**
 * Resolves the URL filter against the user's tenant and unit scope. Defaults: from 1 January of
 * this year to today (Vietnam time); the unit the user is scoped to; today's tree (view=now).
 */
export async function resolveFilter(db: Kysely<Database>, user: SessionUser, q: FilterQuery): Promise<StatsFilter> {
  const today = localDay(new Date());
  const filter: StatsFilter = {
    tenantId: user.tenant_id,
    from: q.from ?? `${today.slice(0, 4)}-01-01`,
    to: q.to ?? today,
    sector: q.sector,
    channel: q.channel,
  };
  const day = viewDay(q);
  // Looked up beside the unit checks below, not after them: a dashboard request waits on one round trip less.
  const lineage = unitLineageOn(db, user.tenant_id, day);
  lineage.catch(() => {});
  const sectors = q.sector !== undefined ? listSectors(db, user.tenant_id) : undefined;
  sectors?.catch(() => {});
  const scope = await scopePath(db, user);
  // A plan sector or one the tenant added (POST /api/sectors); any other code is a mistyped filter.
  if (sectors && !(await sectors).some((s) => s.code === q.sector)) {
    throw new RequestError(400, { vi: 'Bộ lọc không hợp lệ.', en: 'The filter is not valid.' }, { sector: UNKNOWN_SECTOR });
  }
  const chosen = q.unit !== undefined ? await unitInScope(db, user, scope, q.unit) : undefined;
  if (chosen) filter.unitPath = chosen.path;
  else if (scope) filter.unitPath = scope;
  if (q.counter !== undefined) {
    const counter = await findCounterByCode(db, user.tenant_id, q.counter);
    if (!counter) throw new RequestError(404, { vi: 'Không tìm thấy quầy.', en: 'Counter not found.' });
    filter.counterId = counter.id;
  }
  if (q.survey !== undefined) {
    const survey = await findSurveyByKey(db, user.tenant_id, q.survey);
    if (!survey) throw new RequestError(404, { vi: 'Không tìm thấy phiếu khảo sát.', en: 'Survey not found.' });
    filter.surveyId = survey.id;
  }
  if (q.wave !== undefined) {
    if (!(await findWave(db, user.tenant_id, q.wave))) {
      throw new RequestError(404, { vi: 'Không tìm thấy đợt khảo sát.', en: 'Survey wave not found.' });
    }
    filter.waveId = q.wave;
  }
  return applyView(db, filter, day, chosen, lineage);
}
