import type { Kysely } from 'kysely';
import { findApiKey, type ApiKeyView } from '../../db/api-keys';
import type { Database } from '../../db/types';
import { findUnit } from '../../db/units';
import type { LocalizedText } from '../../surveys/localized-text';
import type { SessionUser } from '../http/context';
import { RequestError } from '../http/errors';
import { assertInScope, inScope, UNIT_NOT_FOUND } from '../http/unit-scope';

/**
 * Which keys an administrator manages, as with accounts (server/users/account-scope.ts): a
 * tenant-wide administrator every key of the tenant; a commune administrator only the keys of a
 * unit in their subtree, never a whole-tenant key (it could send for units above them).
 */

export const KEY_NOT_FOUND: LocalizedText = { vi: 'Không tìm thấy khóa API.', en: 'API key not found.' };

const KEY_OUT_OF_SCOPE: LocalizedText = {
  vi: 'Khóa API này nằm ngoài phạm vi đơn vị bạn quản lý.',
  en: 'This API key lies outside the units you manage.',
};

const WHOLE_TENANT_KEY: LocalizedText = {
  vi: 'Bạn chỉ tạo được khóa cho đơn vị trong phạm vi của mình; khóa cho cả tỉnh do quản trị viên cấp tỉnh tạo.',
  en: 'You can create keys for units within your own scope only; a whole-tenant key is created by a tenant-wide administrator.',
};

export const ALREADY_REVOKED: LocalizedText = { vi: 'Khóa API này đã bị thu hồi.', en: 'This API key is already revoked.' };

/** Whether a key of the unit at this path (null: the whole tenant) lies in a manager's scope. */
export function keyInScope(scope: string | undefined, keyUnitPath: string | null): boolean {
  if (scope === undefined) return true;
  return keyUnitPath !== null && inScope(scope, keyUnitPath);
}

/** The unit a new key is given: 422 when the tenant has none such, 403 outside the manager's scope (or the whole tenant for a commune's). */
export async function assertKeyUnit(db: Kysely<Database>, me: SessionUser, scope: string | undefined, unitId: number | null) {
  if (unitId === null) {
    if (scope !== undefined) throw new RequestError(403, WHOLE_TENANT_KEY, { unitId: WHOLE_TENANT_KEY });
    return;
  }
  const unit = await findUnit(db, me.tenant_id, unitId);
  if (!unit) throw new RequestError(422, UNIT_NOT_FOUND, { unitId: UNIT_NOT_FOUND });
  assertInScope(scope, unit.path);
}

/** A key the administrator manages: 404 when the tenant has none with this id, 403 outside their scope. */
export async function managedKey(db: Kysely<Database>, me: SessionUser, scope: string | undefined, id: number): Promise<ApiKeyView> {
  const key = await findApiKey(db, me.tenant_id, id);
  if (!key) throw new RequestError(404, KEY_NOT_FOUND);
  if (!keyInScope(scope, key.unit_path)) throw new RequestError(403, KEY_OUT_OF_SCOPE);
  return key;
}
