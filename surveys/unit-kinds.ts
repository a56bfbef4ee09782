import type { LocalizedText } from './localized-text';
import { isOneOf } from './one-of';

/**
 * The kinds of unit in Vietnam's two-tier local government (since 1 July 2025): provinces and
 * centrally-run cities; communes, wards and special zones (xã, phường, đặc khu) under them; and
 * service bodies (a public-administration service centre, a hospital, a school, a department)
 * under either. `city` and `district` are the tiers abolished in 2025, kept so older trees and
 * their answers can still be read; new units are not created with them.
 */
export const UNIT_KINDS = ['province', 'commune', 'ward', 'special_zone', 'service_body', 'city', 'district'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];
export const isUnitKind = isOneOf(UNIT_KINDS);

/** The kinds an administrator creates today; the two abolished tiers are left out. */
export const CURRENT_UNIT_KINDS = ['province', 'commune', 'ward', 'special_zone', 'service_body'] as const satisfies readonly UnitKind[];

export const UNIT_KIND_NAMES: Record<UnitKind, LocalizedText> = {
  province: { vi: 'Tỉnh / thành phố trực thuộc TW', en: 'Province / centrally-run city' },
  commune: { vi: 'Xã', en: 'Commune' },
  ward: { vi: 'Phường', en: 'Ward' },
  special_zone: { vi: 'Đặc khu', en: 'Special zone' },
  service_body: { vi: 'Cơ quan, đơn vị sự nghiệp', en: 'Service body' },
  city: { vi: 'Thành phố thuộc tỉnh (trước 2025)', en: 'Provincial city (before 2025)' },
  district: { vi: 'Huyện / quận (trước 2025)', en: 'District (before 2025)' },
};

const PROVINCE_CODE = /^\d{2}$/;
const COMMUNE_CODE = /^\d{5}$/;
/** A service body's own code (and the old tiers' codes): letters, digits, dot, dash, underscore. */
const OWN_CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{1,39}$/;

const COMMUNE_LEVEL: ReadonlySet<UnitKind> = new Set(['commune', 'ward', 'special_zone']);

/**
 * What a unit's code must look like for its kind (Decision 19/2025/QĐ-TTg: a province has a
 * 2-digit code, a commune, ward or special zone a 5-digit one); null when the code fits.
 */
export function unitCodeProblem(kind: UnitKind, code: string): LocalizedText | null {
  if (kind === 'province') {
    return PROVINCE_CODE.test(code)
      ? null
      : { vi: 'Mã tỉnh phải gồm đúng 2 chữ số (ví dụ 33).', en: 'A province code is exactly 2 digits (e.g. 33).' };
  }
  if (COMMUNE_LEVEL.has(kind)) {
    return COMMUNE_CODE.test(code)
      ? null
      : {
          vi: 'Mã xã, phường, đặc khu phải gồm đúng 5 chữ số (ví dụ 11953).',
          en: 'A commune, ward or special-zone code is exactly 5 digits (e.g. 11953).',
        };
  }
  return OWN_CODE.test(code)
    ? null
    : {
        vi: 'Mã đơn vị gồm 2–40 ký tự: chữ không dấu, chữ số, dấu chấm, gạch ngang hoặc gạch dưới (ví dụ 33-TTPVHCC).',
        en: 'A unit code is 2–40 characters: letters without accents, digits, dot, dash or underscore (e.g. 33-TTPVHCC).',
      };
}

/** Which kinds may sit directly above a unit of this kind; null: the unit may also have no parent. */
const PARENT_KINDS: Record<UnitKind, { parents: readonly UnitKind[]; root: boolean }> = {
  province: { parents: [], root: true },
  commune: { parents: ['province', 'district', 'city'], root: false },
  ward: { parents: ['province', 'district', 'city'], root: false },
  special_zone: { parents: ['province'], root: false },
  // A ministry's tenant starts from a service body (the ministry itself); a hospital may sit under a department.
  service_body: { parents: ['province', 'commune', 'ward', 'special_zone', 'service_body', 'city', 'district'], root: true },
  city: { parents: ['province'], root: false },
  district: { parents: ['province'], root: false },
};

/** Whether a unit of `kind` may hang under a parent of `parentKind` (null: at the top of the tree). */
export function parentProblem(kind: UnitKind, parentKind: UnitKind | null): LocalizedText | null {
  const rule = PARENT_KINDS[kind];
  if (parentKind === null) {
    return rule.root
      ? null
      : {
          vi: `${UNIT_KIND_NAMES[kind].vi} phải có đơn vị cấp trên.`,
          en: `A ${UNIT_KIND_NAMES[kind].en.toLowerCase()} needs a parent unit.`,
        };
  }
  if (rule.parents.includes(parentKind)) return null;
  return {
    vi: `${UNIT_KIND_NAMES[kind].vi} không thể trực thuộc ${UNIT_KIND_NAMES[parentKind].vi.toLowerCase()}.`,
    en: `A ${UNIT_KIND_NAMES[kind].en.toLowerCase()} cannot sit under a ${UNIT_KIND_NAMES[parentKind].en.toLowerCase()}.`,
  };
}
