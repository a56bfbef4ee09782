import type { SessionUser } from '../http/context';
import { RequestError } from '../http/errors';

/**
 * Targets and the list of sectors are the province's plan: an administrator kept to a unit's
 * subtree (a commune administrator) reads them but cannot change them.
 */
export function assertProvinceAdmin(user: SessionUser): void {
  if (user.unit_id === null) return;
  throw new RequestError(403, {
    vi: 'Chỉ tiêu và danh mục lĩnh vực là kế hoạch của tỉnh: chỉ quản trị viên cấp tỉnh (không gắn với một đơn vị) được thay đổi.',
    en: "Targets and the list of sectors are the province's plan: only a province-wide administrator (not tied to one unit) may change them.",
  });
}
