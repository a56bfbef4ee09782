import type { Kysely } from 'kysely';
import type { Database } from '../../db/types';
import { findUnitInForceByCode } from '../../db/units';

/** A dossier as the batch API takes it, with sensible defaults a test overrides. */
export function dossierJson(n: number, over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    code: `000.00.17.H31-260302-${String(n).padStart(4, '0')}`,
    procedureCode: '1.004227',
    procedureName: 'Cấp giấy chứng nhận quyền sử dụng đất',
    sector: 'land',
    unit: '33-TTPVHCC',
    channel: 'in_person',
    receivedAt: '2026-03-02T08:00:00+07:00',
    dueAt: '2026-03-10T17:00:00+07:00',
    finishedAt: '2026-03-09T10:00:00+07:00',
    ...over,
  };
}

export async function unitId(db: Kysely<Database>, tenantId: number, code: string): Promise<number> {
  const unit = await findUnitInForceByCode(db, tenantId, code);
  if (!unit) throw new Error(`no unit ${code}`);
  return unit.id;
}
