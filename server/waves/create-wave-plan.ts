import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DbHandle } from '../../db/create-db';
import { hasSector } from '../../db/sectors';
import { findSurveyByKey } from '../../db/surveys';
import type { Database } from '../../db/types';
import { findUnit } from '../../db/units';
import { createWave } from '../../db/waves';
import { daySchema, IN_ORDER, inOrder } from '../../surveys/day-schema';
import { isSectorCodeShape } from '../../surveys/sectors';
import { recordAudit } from '../audit/record-audit';
import { assertInScope, scopePath } from '../http/unit-scope';
import type { SessionUser } from '../http/context';
import { RequestError } from '../http/errors';

/** What an analyst sends to set up a wave: its survey, sector, period, margin and strata. */
export const wavePlanSchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    survey: z.string().min(1).max(63),
    sector: z.string().refine(isSectorCodeShape, 'unknown sector code').default('other'),
    from: daySchema,
    to: daySchema,
    margin: z.number().gt(0).lt(1).default(0.05),
    strata: z
      .array(z.object({ unitId: z.number().int().positive(), population: z.number().int().positive() }))
      .min(1, 'a wave needs at least one stratum (a unit with its population)'),
  })
  .refine(inOrder, IN_ORDER)
  .refine((w) => new Set(w.strata.map((s) => s.unitId)).size === w.strata.length, {
    message: 'each unit can be one stratum only',
    path: ['strata'],
  });

export type WavePlan = z.output<typeof wavePlanSchema>;

/** Sets up a wave of a survey of the tenant, its strata all units in the analyst's scope; returns its id. */
export async function createWavePlan(db: DbHandle, user: SessionUser, body: WavePlan): Promise<number> {
  const survey = await findSurveyByKey(db.dbWrite, user.tenant_id, body.survey);
  if (!survey)
    throw new RequestError(
      422,
      { vi: 'Không có phiếu khảo sát này.', en: 'Unknown survey.' },
      { survey: { vi: 'Không có phiếu khảo sát này.', en: 'Unknown survey key.' } },
    );
  if (survey.retired_at !== null) {
    const text = { vi: 'Phiếu khảo sát này đã ngừng sử dụng.', en: 'This survey is retired.' };
    throw new RequestError(422, text, { survey: text });
  }
  // A plan sector or one the province added (POST /api/sectors).
  if (!(await hasSector(db.dbWrite, user.tenant_id, body.sector))) {
    const text = { vi: 'Lĩnh vực không có trong danh mục của tỉnh.', en: "The sector is not in the province's list." };
    throw new RequestError(422, text, { sector: text });
  }
  await assertUnitsInScope(
    db.dbWrite,
    user,
    body.strata.map((s) => s.unitId),
  );
  const id = await createWave(db.dbWrite, {
    tenant_id: user.tenant_id,
    name: body.name,
    survey_id: survey.id,
    sector_code: body.sector,
    period_from: body.from,
    period_to: body.to,
    margin: body.margin,
    strata: body.strata.map((s) => ({ unit_id: s.unitId, population: s.population })),
  });
  await recordAudit(db, user, 'wave_created', `wave:${id}`, {
    name: body.name,
    survey: body.survey,
    sector: body.sector,
    from: body.from,
    to: body.to,
    strata: body.strata,
  });
  return id;
}

async function assertUnitsInScope(db: Kysely<Database>, user: SessionUser, unitIds: readonly number[]) {
  const scope = await scopePath(db, user);
  for (const id of unitIds) {
    const unit = await findUnit(db, user.tenant_id, id);
    if (!unit) {
      const text = { vi: `Không tìm thấy đơn vị ${id}.`, en: `Unit ${id} not found.` };
      throw new RequestError(422, text, { strata: text });
    }
    assertInScope(scope, unit.path);
  }
}
