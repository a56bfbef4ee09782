import type { Kysely } from 'kysely';
import type { DbHandle } from '../../db/create-db';
import { findSurveyByKey } from '../../db/surveys';
import type { Database } from '../../db/types';
import { findUnit } from '../../db/units';
import { createWave } from '../../db/waves';
import { recordAudit } from '../audit/record-audit';
import { assertInScope, scopePath } from '../http/unit-scope';
import type { SessionUser } from '../http/context';
import { RequestError } from '../http/errors';

export interface WavePlan {
  name: string;
  survey: string;
  sector: string;
  from: string;
  to: string;
  margin: number;
  strata: { unitId: number; population: number }[];
}

/** Sets up a wave of a survey of the tenant, its strata all units in the analyst's scope; returns its id. */
export async function createWavePlan(db: DbHandle, user: SessionUser, body: WavePlan): Promise<number> {
  const survey = await findSurveyByKey(db.dbRead, user.tenant_id, body.survey);
  if (!survey)
    throw new RequestError(
      422,
      { vi: 'Không có phiếu khảo sát này.', en: 'Unknown survey.' },
      { survey: { vi: 'Không có phiếu khảo sát này.', en: 'Unknown survey key.' } },
    );
  await assertUnitsInScope(
    db.dbRead,
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
