import type { Kysely } from 'kysely';
import { z } from 'zod';
import { findCounterByCode } from '../../db/counters';
import { findSurveyByKey } from '../../db/surveys';
import { findWave } from '../../db/waves';
import type { StatsFilter } from '../../db/stats';
import type { Database } from '../../db/types';
import { findUnit } from '../../db/units';
import { CHANNELS } from '../../surveys/channels';
import { daySchema, IN_ORDER, inOrder } from '../../surveys/day-schema';
import type { LocalizedText } from '../../surveys/localized-text';
import { isSectorCode } from '../../surveys/sectors';
import { localDay } from '../../surveys/time';
import type { SessionUser } from './context';
import { RequestError } from './errors';
import { inScope, scopePath } from './unit-scope';

/** The filter every analyst view and export shares, as it appears in the URL. */
export const filterQuery = z
  .object({
    from: daySchema.optional(),
    to: daySchema.optional(),
    unit: z.coerce.number().int().positive('unit must be a unit id').optional(),
    sector: z.string().refine(isSectorCode, 'unknown sector code').optional(),
    counter: z.string().max(63).optional(),
    channel: z.enum(CHANNELS).optional(),
    survey: z.string().max(63).optional(),
    wave: z.coerce.number().int().positive().optional(),
  })
  .refine(inOrder, IN_ORDER);
export type FilterQuery = z.infer<typeof filterQuery>;

/** What each filter parameter takes, said to the person who mistyped it. */
const PARAM_HELP: Record<string, LocalizedText> = {
  from: { vi: 'Ngày bắt đầu phải có dạng YYYY-MM-DD (ví dụ 2026-03-14) và không sau ngày kết thúc.', en: '"from" must be a date as YYYY-MM-DD (e.g. 2026-03-14), not after "to".' },
  to: { vi: 'Ngày kết thúc phải có dạng YYYY-MM-DD, ví dụ 2026-03-14.', en: '"to" must be a date as YYYY-MM-DD, e.g. 2026-03-14.' },
  unit: { vi: 'Đơn vị phải là mã số đơn vị (số nguyên dương).', en: '"unit" must be a unit id (a positive whole number).' },
  sector: { vi: 'Lĩnh vực không có trong danh mục.', en: '"sector" must be a known sector code, e.g. land or health.' },
  counter: { vi: 'Mã quầy không hợp lệ.', en: '"counter" must be a counter code.' },
  channel: { vi: 'Kênh phải là qr, kiosk, interviewer hoặc web.', en: '"channel" must be qr, kiosk, interviewer or web.' },
  survey: { vi: 'Mã phiếu khảo sát không hợp lệ.', en: '"survey" must be a survey key.' },
  wave: { vi: 'Đợt khảo sát phải là mã số đợt (số nguyên dương).', en: '"wave" must be a survey wave id.' },
  groupBy: { vi: 'Nhóm theo phải là sector, unit, counter, day, month hoặc none.', en: '"groupBy" must be sector, unit, counter, day, month or none.' },
};

export function parseQuery<S extends z.ZodType>(schema: S, query: Record<string, string>): z.output<S> {
  const blanksRemoved = Object.fromEntries(Object.entries(query).filter(([, v]) => v !== ''));
  const parsed = schema.safeParse(blanksRemoved);
  if (parsed.success) return parsed.data;
  const fields: Record<string, LocalizedText> = {};
  for (const issue of parsed.error.issues) {
    const key = String(issue.path[0] ?? '_query');
    fields[key] ??= PARAM_HELP[key] ?? { vi: 'Tham số không hợp lệ.', en: issue.message };
  }
  throw new RequestError(400, { vi: 'Bộ lọc không hợp lệ.', en: 'The filter is not valid.' }, fields);
}

export const OUT_OF_SCOPE = {
  vi: 'Bạn không có quyền xem đơn vị này.',
  en: 'You do not have access to this unit.',
};

/**
 * Resolves the URL filter against the user's tenant and unit scope. Defaults: from 1 January of
 * this year to today (Vietnam time); the unit the user is scoped to.
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
  const scope = await scopePath(db, user);
  if (q.unit !== undefined) {
    const unit = await findUnit(db, user.tenant_id, q.unit);
    if (!unit) throw new RequestError(404, { vi: 'Không tìm thấy đơn vị.', en: 'Unit not found.' });
    if (!inScope(scope, unit.path)) throw new RequestError(403, OUT_OF_SCOPE);
    filter.unitPath = unit.path;
  } else if (scope) {
    filter.unitPath = scope;
  }
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
  return filter;
}
