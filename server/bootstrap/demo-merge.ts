import type { Kysely } from 'kysely';
import type { Database } from '../../db/types';
import { writeReorganisation } from '../../db/unit-reorganisations';
import { recordAudit, systemActor } from '../audit/record-audit';
import { planReorganisation } from '../units/reorganisation-plan';
import type { DemoUnitKey } from './demo-tenant';

/**
 * The demo's one reorganisation, a real one: under Resolution 1666/NQ-UBTVQH15 (16 June 2025,
 * art. 1 cl. 94), in force 1 July 2025, Phường Phố Hiến was formed from phường An Tảo, Lê Lợi,
 * Hiến Nam, Minh Khai and xã Trung Nghĩa, Liên Phương, keeping Hiến Nam's code 11953. The demo
 * has two of the six (Hiến Nam and An Tảo), directly under the province: the district-level city
 * of Hưng Yên they belonged to, which ended the same day, is left out.
 */
export const DEMO_MERGE = {
  effectiveOn: '2025-07-01',
  from: ['ward-hien-nam', 'ward-an-tao'],
  into: { code: '11953', name: 'Phường Phố Hiến', kind: 'ward', parent: 'province' },
  note:
    'Nghị quyết 1666/NQ-UBTVQH15 ngày 16/6/2025 (Điều 1, khoản 94), hiệu lực từ 1/7/2025: phường Phố Hiến được thành lập ' +
    'từ phường An Tảo, Lê Lợi, Hiến Nam, Minh Khai và xã Trung Nghĩa, Liên Phương. Dữ liệu minh họa chỉ có 2 trong 6 đơn vị ' +
    'đó (Hiến Nam, An Tảo). / Resolution 1666/NQ-UBTVQH15 of 16 June 2025 (art. 1, cl. 94), in force 1 July 2025: Phố Hiến ' +
    'ward was formed from An Tảo, Lê Lợi, Hiến Nam and Minh Khai wards and Trung Nghĩa and Liên Phương communes. The demo ' +
    'shows two of its six predecessors (Hiến Nam, An Tảo).',
} as const satisfies {
  effectiveOn: string;
  from: readonly DemoUnitKey[];
  into: { code: string; name: string; kind: 'ward'; parent: DemoUnitKey };
  note: string;
};

/**
 * The merge recorded as the API records one (checked by planReorganisation, written with its
 * audit entry by writeReorganisation), by the application itself: the former wards end on 30
 * June 2025, Phố Hiến starts on 1 July 2025, and their counters move to it.
 */
export async function recordDemoMerge(db: Kysely<Database>, tenantId: number, units: Readonly<Record<DemoUnitKey, number>>) {
  const actor = systemActor(tenantId);
  const { into } = DEMO_MERGE;
  const plan = await planReorganisation(db, { id: null, tenant_id: tenantId, unit_id: null }, undefined, {
    kind: 'merge',
    effectiveOn: DEMO_MERGE.effectiveOn,
    from: DEMO_MERGE.from.map((key) => units[key]),
    into: { code: into.code, name: into.name, kind: into.kind, parentId: units[into.parent] },
    note: DEMO_MERGE.note,
  });
  return writeReorganisation(db, plan.write, async (trx, resolved) => {
    const record = plan.record(resolved);
    await recordAudit(trx, actor, 'unit_reorganised', `reorganisation:${resolved.id}`, record);
    return record;
  });
}
