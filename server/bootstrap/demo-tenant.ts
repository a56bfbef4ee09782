import type { Kysely } from 'kysely';
import { createCounter } from '../../db/counters';
import { createTenant } from '../../db/tenants';
import type { Database, UnitKind } from '../../db/types';
import { createUnit } from '../../db/units';
import { DEFAULT_INSTRUMENT_FOR_SECTOR } from '../../surveys/instruments';
import { recordDemoMerge } from './demo-merge';
import { seedTenant } from './seed-tenant';

/**
 * The demo is Hưng Yên in the two-tier structure (since 1 July 2025): the province (code 33) and
 * three of its wards with their official codes (Decision 19/2025/QĐ-TTg), the provincial
 * public-administration service centre, a hospital and a school. One ward has a past: Phường Phố
 * Hiến (11953) was formed on 1 July 2025 by a merge (demo-merge.ts), and the demo keeps two of its
 * former wards, Hiến Nam (11953, the code Phố Hiến kept) and An Tảo (11956), in force until 30
 * June 2025. Unit names are real; the service bodies' codes (33-…) are our own, the counters and
 * every answer are invented (demo).
 */
export const DEMO_TENANT_CODE = 'demo';
export const DEMO_TENANT_NAME = 'Tỉnh Hưng Yên (dữ liệu minh họa · demo)';

export const DEMO_UNITS = {
  province: { code: '33', name: 'Tỉnh Hưng Yên', kind: 'province', parent: null },
  // Until 30 June 2025; the demo merge makes Phường Phố Hiến (11953) of them.
  'ward-hien-nam': { code: '11953', name: 'Phường Hiến Nam', kind: 'ward', parent: 'province' },
  'ward-an-tao': { code: '11956', name: 'Phường An Tảo', kind: 'ward', parent: 'province' },
  'ward-hong-chau': { code: '11980', name: 'Phường Hồng Châu', kind: 'ward', parent: 'province' },
  'ward-son-nam': { code: '11983', name: 'Phường Sơn Nam', kind: 'ward', parent: 'province' },
  'service-centre': {
    code: '33-TTPVHCC',
    name: 'Trung tâm Phục vụ hành chính công tỉnh Hưng Yên',
    kind: 'service_body',
    parent: 'province',
  },
  hospital: { code: '33-BVDK', name: 'Bệnh viện Đa khoa tỉnh Hưng Yên', kind: 'service_body', parent: 'province' },
  school: { code: '33-THPT-CHUYEN', name: 'Trường THPT chuyên Hưng Yên', kind: 'service_body', parent: 'province' },
} as const satisfies Record<string, { code: string; name: string; kind: UnitKind; parent: string | null }>;

export type DemoUnitKey = keyof typeof DEMO_UNITS;

// The codes are printed on demo posters and used by many tests: they stay as they are. The two
// ward counters start at the former wards (the tree before 1 July 2025); the merge moves both to
// Phường Phố Hiến.
export const DEMO_COUNTERS = [
  { code: 'demo-land', name: 'Quầy Đất đai', unit: 'service-centre', sectors: ['land'] },
  { code: 'demo-construction', name: 'Quầy Xây dựng', unit: 'service-centre', sectors: ['construction'] },
  { code: 'demo-investment', name: 'Quầy Đầu tư – Kinh doanh', unit: 'service-centre', sectors: ['investment', 'business'] },
  { code: 'demo-health', name: 'Quầy tiếp đón Khoa Khám bệnh', unit: 'hospital', sectors: ['health'] },
  { code: 'demo-education', name: 'Văn phòng nhà trường', unit: 'school', sectors: ['education'] },
  { code: 'demo-civil', name: 'Quầy Hộ tịch – Tư pháp', unit: 'ward-hien-nam', sectors: ['civil_status', 'justice'] },
  { code: 'demo-an-tao', name: 'Quầy Hộ tịch – Tư pháp (An Tảo)', unit: 'ward-an-tao', sectors: ['civil_status', 'justice'] },
] as const satisfies readonly { code: string; name: string; unit: DemoUnitKey; sectors: readonly string[] }[];

/**
 * A demo tenant: the province, its wards as they were before 1 July 2025, the service centre, a
 * hospital, a school and seven counters; then the merge of 1 July 2025, recorded as an event.
 * `beforeMerge` runs between the two (the full demo's answers of the days before the merge, so
 * they are stored at the former wards, as they were given).
 */
export async function createDemoTenant(
  db: Kysely<Database>,
  planYear: number,
  beforeMerge: (tenantId: number) => Promise<void> = async () => {},
) {
  const tenant = await createTenant(db, { code: DEMO_TENANT_CODE, name: DEMO_TENANT_NAME, is_demo: true, kind: 'province' });
  const surveys = await seedTenant(db, tenant.id, planYear);
  const units: Partial<Record<DemoUnitKey, number>> = {};
  // Parents come before their children in DEMO_UNITS.
  for (const [key, u] of Object.entries(DEMO_UNITS) as [DemoUnitKey, (typeof DEMO_UNITS)[DemoUnitKey]][]) {
    const parent_id = u.parent === null ? null : units[u.parent]!;
    units[key] = (await createUnit(db, { tenant_id: tenant.id, parent_id, code: u.code, name: u.name, kind: u.kind })).id;
  }
  const ids = units as Record<DemoUnitKey, number>;
  for (const c of DEMO_COUNTERS) {
    const survey = surveys.get(DEFAULT_INSTRUMENT_FOR_SECTOR(c.sectors[0]).key)!;
    await createCounter(db, {
      tenant_id: tenant.id,
      unit_id: ids[c.unit],
      code: c.code,
      name: c.name,
      survey_id: survey.surveyId,
      sectors: [...c.sectors],
    });
  }
  await beforeMerge(tenant.id);
  await recordDemoMerge(db, tenant.id, ids);
  return tenant;
}
