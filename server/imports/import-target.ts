import type { Kysely } from 'kysely';
import { findActiveCounter } from '../../db/counters';
import type { Database } from '../../db/types';
import { listUnits } from '../../db/units';
import { findWave, latestSurveyVersion, stratumProgress } from '../../db/waves';
import { assertUnitInScope, inScope, scopePath } from '../http/unit-scope';
import type { SessionUser } from '../http/context';
import { RequestError } from '../http/errors';
import type { ImportTarget } from './import-rows';

/** Where an import's answers go, as the query says: a counter's earlier paper forms, or a survey wave. */
export function importTarget(db: Kysely<Database>, user: SessionUser, where: { counter?: string | undefined; wave?: number | undefined }) {
  return where.counter !== undefined ? counterTarget(db, user, where.counter) : waveTarget(db, user, where.wave!);
}

async function counterTarget(db: Kysely<Database>, user: SessionUser, code: string): Promise<Omit<ImportTarget, 'fileKey'>> {
  const counter = await findActiveCounter(db, code);
  if (!counter || counter.tenant_id !== user.tenant_id)
    throw new RequestError(404, { vi: 'Không tìm thấy quầy.', en: 'Counter not found.' });
  const unit = (await listUnits(db, user.tenant_id)).find((u) => u.id === counter.unit_id)!;
  await assertUnitInScope(db, user, unit.path);
  return {
    tenantId: user.tenant_id,
    surveyVersion: counter.surveyVersion,
    sectors: counter.sectors,
    counterId: counter.id,
    waveId: null,
    unitId: counter.unit_id,
    strata: new Map(),
  };
}

async function waveTarget(db: Kysely<Database>, user: SessionUser, id: number): Promise<Omit<ImportTarget, 'fileKey'>> {
  const wave = await findWave(db, user.tenant_id, id);
  if (!wave) throw new RequestError(404, { vi: 'Không tìm thấy đợt khảo sát.', en: 'Survey wave not found.' });
  const [version, strata, units] = await Promise.all([
    latestSurveyVersion(db, wave.survey_id),
    stratumProgress(db, wave.id),
    listUnits(db, user.tenant_id),
  ]);
  const scope = await scopePath(db, user);
  return {
    tenantId: user.tenant_id,
    surveyVersion: version,
    sectors: [wave.sector_code],
    counterId: null,
    waveId: wave.id,
    unitId: null,
    strata: strataByCode(strata, units, scope),
  };
}

/**
 * The strata of a wave that rows may name, by unit code: only those in the caller's unit subtree,
 * so a row for another unit's stratum is refused like one for a unit outside the wave.
 */
export function strataByCode(
  strata: readonly { unit_id: number; unit_path: string }[],
  units: readonly { id: number; code: string }[],
  scope: string | undefined,
): Map<string, number> {
  const codeOf = new Map(units.map((u) => [u.id, u.code]));
  return new Map(strata.filter((s) => inScope(scope, s.unit_path)).map((s) => [codeOf.get(s.unit_id)!, s.unit_id]));
}
