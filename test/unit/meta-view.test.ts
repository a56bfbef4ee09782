import { describe, expect, it } from 'vitest';
import { metaView } from '../../server/meta/meta-view';
import { sipasCounterLong, sipasCounterShort } from '../../surveys/instruments';
import { byPlanOrder } from '../../surveys/sectors';

describe('byPlanOrder', () => {
  it('puts the plan’s 85 % sectors first, in the plan’s order, and a tenant’s own sectors last', () => {
    const codes = ['business', 'zz_own', 'civil_status', 'education', 'land', 'other', 'construction'];
    expect(
      codes
        .map((code) => ({ code }))
        .sort(byPlanOrder)
        .map((s) => s.code),
    ).toEqual(['land', 'construction', 'education', 'civil_status', 'business', 'other', 'zz_own']);
  });
});

describe('metaView (GET /api/meta)', () => {
  const v2 = { ...sipasCounterShort, version: 2, title: { vi: 'Phiếu ngắn, bản 2', en: 'Short form, version 2' } };
  const view = metaView({
    units: [{ id: 1, parent_id: null, code: 'HY', name: 'Tỉnh Hưng Yên', kind: 'province' }],
    counters: [
      { id: 10, code: 'demo-land', name: 'Quầy Đất đai', unit_id: 1, retired_at: null },
      { id: 11, code: 'old-desk', name: 'Quầy cũ', unit_id: 1, retired_at: new Date('2025-01-01T00:00:00Z') },
    ],
    sectors: [
      { code: 'civil_status', name_vi: 'Hộ tịch', name_en: 'Civil status' },
      { code: 'land', name_vi: 'Đất đai', name_en: 'Land' },
    ],
    targets: new Map([['land', 87]]),
    versions: [
      { key: 'sipas-counter-short', version: 1, definition: sipasCounterShort },
      { key: 'sipas-counter', version: 1, definition: sipasCounterLong },
      { key: 'sipas-counter-short', version: 2, definition: v2 },
    ],
  });

  it('lists counters still in service only', () => {
    expect(view.counters).toEqual([{ id: 10, code: 'demo-land', name: 'Quầy Đất đai', unitId: 1 }]);
  });

  it('names each survey once, by its newest version', () => {
    expect(view.surveys).toEqual([
      { key: 'sipas-counter-short', title: v2.title, version: 2 },
      { key: 'sipas-counter', title: sipasCounterLong.title, version: 1 },
    ]);
  });

  it('gives sectors in the plan’s order with the target in force, or none, and the default overall target', () => {
    expect(view.sectors).toEqual([
      { code: 'land', name: { vi: 'Đất đai', en: 'Land' }, target: 87, isLocal: false },
      { code: 'civil_status', name: { vi: 'Hộ tịch', en: 'Civil status' }, target: null, isLocal: false },
    ]);
    expect(view.overallTarget).toBe(90);
    expect(view.units).toEqual([
      { id: 1, parentId: null, code: 'HY', name: 'Tỉnh Hưng Yên', kind: 'province', validFrom: null, validTo: null },
    ]);
    expect(view.reorganisationDays).toEqual([]);
  });
});
