import type { Kysely } from 'kysely';
import type { Database } from '../../db/types';
import { findUnit } from '../../db/units';
import { RequestError } from '../http/errors';
import { UNIT_NOT_FOUND } from '../http/unit-scope';

/** An account's unit, when one is given, must be a unit of the tenant (422 otherwise). */
export async function assertAccountUnit(db: Kysely<Database>, tenantId: number, unitId: number | null | undefined) {
  if (unitId == null) return;
  if (!(await findUnit(db, tenantId, unitId))) {
    throw new RequestError(422, UNIT_NOT_FOUND, { unitId: UNIT_NOT_FOUND });
  }
}
