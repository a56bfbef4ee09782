import type { Kysely } from 'kysely';
import type { Database } from '../../db/types';
import { findUnit } from '../../db/units';
import { RequestError } from '../http/errors';

/** An account's unit, when one is given, must be a unit of the tenant (422 otherwise). */
export async function assertAccountUnit(db: Kysely<Database>, tenantId: number, unitId: number | null | undefined) {
  if (unitId == null) return;
  if (!(await findUnit(db, tenantId, unitId))) {
    const text = { vi: 'Không tìm thấy đơn vị.', en: 'Unit not found.' };
    throw new RequestError(422, text, { unitId: text });
  }
}
