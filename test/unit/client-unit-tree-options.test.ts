import { describe, expect, it } from 'vitest';
import { scopeWords, staffCounterChoices, staffCounterWords } from '../../client/admin/admin-helpers';
import type { Meta, MetaUnit } from '../../client/app/api-types';
import { unitsBeneath, unitTreeOptions } from '../../client/app/unit-options';

// Hưng Yên after 2025: the province, two wards (one with a service body under it), a commune, and
// a provincial hospital; listed out of order, as /api/meta may give them.
const UNITS: MetaUnit[] = [
  { id: 5, parentId: 1, code: 'HY-BVDK', name: 'Bệnh viện Đa khoa tỉnh', kind: 'service_body' },
  { id: 3, parentId: 1, code: '11953', name: 'Phường Phố Hiến', kind: 'ward' },
  { id: 4, parentId: 3, code: 'PH-MOT-CUA', name: 'Bộ phận Một cửa Phố Hiến', kind: 'service_body' },
  { id: 1, parentId: null, code: '33', name: 'Tỉnh Hưng Yên', kind: 'province' },
  { id: 2, parentId: 1, code: '12004', name: 'Ân Thi', kind: 'commune' },
];

describe('the unit tree as a picker’s options', () => {
  it('lists units in tree order, a dash per level, with the code, and the kind where the name does not say it', () => {
    expect(unitTreeOptions(UNITS, 'vi').map((o) => [o.depth, o.label])).toEqual([
      [0, 'Tỉnh Hưng Yên (33)'],
      [1, '— Ân Thi (12004) · Xã'],
      [1, '— Bệnh viện Đa khoa tỉnh (HY-BVDK) · Cơ quan, đơn vị sự nghiệp'],
      [1, '— Phường Phố Hiến (11953)'],
      [2, '— — Bộ phận Một cửa Phố Hiến (PH-MOT-CUA) · Cơ quan, đơn vị sự nghiệp'],
    ]);
    expect(unitTreeOptions(UNITS, 'en').find((o) => o.id === 2)!.label).toBe('— Ân Thi (12004) · Commune');
  });

  it('starts the tree at the units whose parent the account cannot see (a commune administrator’s own unit)', () => {
    const ward = UNITS.filter((u) => u.id === 3 || u.id === 4);
    expect(unitTreeOptions(ward, 'vi').map((o) => o.label)).toEqual([
      'Phường Phố Hiến (11953)',
      '— Bộ phận Một cửa Phố Hiến (PH-MOT-CUA) · Cơ quan, đơn vị sự nghiệp',
    ]);
    expect(unitTreeOptions([], 'vi')).toEqual([]);
  });

  it('counts the units beneath a unit, and says an account’s scope in words', () => {
    expect([unitsBeneath(UNITS, 1), unitsBeneath(UNITS, 3), unitsBeneath(UNITS, 4)]).toEqual([4, 1, 0]);
    expect(scopeWords(null, UNITS)).toEqual({ vi: 'Phạm vi: cả tỉnh', en: 'Scope: whole tenant' });
    expect(scopeWords(3, UNITS)).toEqual({
      vi: 'Phạm vi: đơn vị này và 1 đơn vị trực thuộc',
      en: 'Scope: this unit and the one unit under it',
    });
    expect(scopeWords(1, UNITS).en).toBe('Scope: this unit and the 4 units under it');
    expect(scopeWords(4, UNITS)).toEqual({ vi: 'Phạm vi: chỉ đơn vị này', en: 'Scope: this unit only' });
  });
});

describe('the counters an officer can be linked to', () => {
  const meta: Pick<Meta, 'units' | 'counters'> = {
    units: UNITS,
    counters: [
      { code: 'ph-dat-dai', name: 'Quầy Đất đai', unitId: 4 },
      { code: 'ph-ho-tich', name: 'Quầy Hộ tịch', unitId: 3 },
      { code: 'bv-kham', name: 'Khoa Khám bệnh', unitId: 5 },
    ],
  };
  it('offers the counters in the officer’s unit subtree, or all for a tenant-wide officer', () => {
    expect(staffCounterChoices(meta, 3).map((k) => k.code)).toEqual(['ph-dat-dai', 'ph-ho-tich']);
    expect(staffCounterChoices(meta, 4).map((k) => k.code)).toEqual(['ph-dat-dai']);
    expect(staffCounterChoices(meta, 2)).toEqual([]);
    expect(staffCounterChoices(meta, null)).toHaveLength(3);
  });
  it('says what is linked in words', () => {
    expect(staffCounterWords([]).en).toBe('None linked: sees every counter of the unit');
    expect(staffCounterWords(['ph-dat-dai', 'ph-ho-tich'])).toEqual({
      vi: '2 quầy: ph-dat-dai, ph-ho-tich',
      en: '2 counters: ph-dat-dai, ph-ho-tich',
    });
  });
});
