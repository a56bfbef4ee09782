import type { Kysely } from 'kysely';
import { createCounter } from '../../db/counters';
import { createTenant } from '../../db/tenants';
import type { Database } from '../../db/types';
import { createUnit } from '../../db/units';
import { DEFAULT_INSTRUMENT_FOR_SECTOR } from '../../surveys/instruments';
import { seedTenant } from './seed-tenant';

// Real names of Hưng Yên city (2022–2023, the period of its reform plan); codes are our own.
export const DEMO_TENANT_CODE = 'demo';

export const DEMO_COUNTERS = [
  { code: 'demo-land', name: 'Quầy Đất đai', unit: 'one-stop', sectors: ['land'] },
  { code: 'demo-construction', name: 'Quầy Xây dựng', unit: 'one-stop', sectors: ['construction'] },
  { code: 'demo-investment', name: 'Quầy Đầu tư – Kinh doanh', unit: 'one-stop', sectors: ['investment', 'business'] },
  { code: 'demo-health', name: 'Quầy tiếp đón Khoa Khám bệnh', unit: 'hospital', sectors: ['health'] },
  { code: 'demo-education', name: 'Văn phòng nhà trường', unit: 'school', sectors: ['education'] },
  { code: 'demo-civil', name: 'Quầy Hộ tịch – Tư pháp', unit: 'ward-an-tao', sectors: ['civil_status', 'justice'] },
] as const;

/** A demo tenant: the city, two wards, a one-stop office, a hospital, a school and six counters. */
export async function createDemoTenant(db: Kysely<Database>, planYear: number) {
  const tenant = await createTenant(db, {
    code: DEMO_TENANT_CODE,
    name: 'Thành phố Hưng Yên (dữ liệu minh họa · demo)',
    is_demo: true,
  });
  const surveys = await seedTenant(db, tenant.id, planYear);
  const unit = (parent_id: number | null, code: string, name: string, kind: Parameters<typeof createUnit>[1]['kind']) =>
    createUnit(db, { tenant_id: tenant.id, parent_id, code, name, kind });

  const province = await unit(null, 'HY', 'Tỉnh Hưng Yên', 'province');
  const city = await unit(province.id, 'HY-TP', 'Thành phố Hưng Yên', 'city');
  const units: Record<string, number> = {
    'ward-an-tao': (await unit(city.id, 'HY-TP-AN-TAO', 'Phường An Tảo', 'ward')).id,
    'ward-hien-nam': (await unit(city.id, 'HY-TP-HIEN-NAM', 'Phường Hiến Nam', 'ward')).id,
    'one-stop': (await unit(city.id, 'HY-TP-MOT-CUA', 'Bộ phận Một cửa thành phố Hưng Yên', 'service_body')).id,
    hospital: (await unit(province.id, 'HY-BVDK', 'Bệnh viện Đa khoa tỉnh Hưng Yên', 'service_body')).id,
    school: (await unit(province.id, 'HY-THPT-CHUYEN', 'Trường THPT chuyên Hưng Yên', 'service_body')).id,
  };
  for (const c of DEMO_COUNTERS) {
    const survey = surveys.get(DEFAULT_INSTRUMENT_FOR_SECTOR(c.sectors[0]).key)!;
    await createCounter(db, {
      tenant_id: tenant.id,
      unit_id: units[c.unit]!,
      code: c.code,
      name: c.name,
      survey_id: survey.surveyId,
      sectors: c.sectors,
    });
  }
  return tenant;
}
