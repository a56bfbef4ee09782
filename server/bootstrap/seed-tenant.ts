import type { Kysely } from 'kysely';
import { setTargets, upsertSectors } from '../../db/sectors';
import { ensureSurveyVersion } from '../../db/surveys';
import type { Database } from '../../db/types';
import { INSTRUMENTS } from '../../surveys/instruments';
import { OVERALL_KEY, OVERALL_TARGET, SECTORS } from '../../surveys/sectors';

/**
 * What every tenant starts with: the sectors, this plan year's default targets (docs/domain.md §2)
 * and the built-in survey instruments. Safe to run again.
 */
export async function seedTenant(db: Kysely<Database>, tenantId: number, planYear: number) {
  await upsertSectors(db, tenantId, SECTORS);
  await setTargets(db, tenantId, planYear, [
    ...SECTORS.map((s) => ({ sectorCode: s.code, target: s.defaultTarget })),
    { sectorCode: OVERALL_KEY, target: OVERALL_TARGET },
  ]);
  const surveys = new Map<string, { surveyId: number; versionId: number }>();
  for (const def of INSTRUMENTS) surveys.set(def.key, await ensureSurveyVersion(db, tenantId, def));
  return surveys;
}
