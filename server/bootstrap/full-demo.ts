import type { Kysely } from 'kysely';
import type { Database } from '../../db/types';
import { lastDayBefore } from '../../surveys/reorganisation';
import { demoDossierFirstDay, storeDemoDossiers } from './demo-dossiers';
import { DEMO_MERGE } from './demo-merge';
import { DEMO_FIRST_DAY, generateDemoResponses } from './demo-responses';
import { createDemoTenant } from './demo-tenant';

/**
 * The demo tenant with its answers from `firstDay` to `now` (HAILONG_DEMO=full), interleaved with
 * the merge as it happened: the answers before 1 July 2025 are stored while the former wards are
 * in force, the merge is recorded, then the rest, so each answer keeps the unit it was given at.
 * Then a year of one-stop dossiers (today's units only), so the Decision 766 page has figures too.
 * Returns the tenant and how many answers were stored.
 */
export async function createFullDemoTenant(
  db: Kysely<Database>,
  planYear: number,
  now: Date,
  progress: (line: string) => void = () => {},
  firstDay = DEMO_FIRST_DAY,
) {
  let stored = 0;
  const tenant = await createDemoTenant(db, planYear, async () => {
    stored += await generateDemoResponses(db, now, { from: firstDay, to: lastDayBefore(DEMO_MERGE.effectiveOn) }, progress);
    progress(`  … ${DEMO_MERGE.effectiveOn}: ${stored} · sáp nhập → ${DEMO_MERGE.into.name} / merge`);
  });
  const from = firstDay > DEMO_MERGE.effectiveOn ? firstDay : DEMO_MERGE.effectiveOn;
  stored += await generateDemoResponses(db, now, { from }, (line) => progress(line));
  const dossiers = await storeDemoDossiers(db, tenant.id, now, demoDossierFirstDay(now, DEMO_MERGE.effectiveOn));
  progress(`  … ${dossiers} hồ sơ một cửa / one-stop dossiers`);
  return { tenant, stored, dossiers };
}
