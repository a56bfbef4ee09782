import { describe, expect, it } from 'vitest';
import type { Meta } from '../../client/app/api-types';
import { withoutUnit } from '../../client/app/links';
import { scopedMeta } from '../../client/app/unit-options';
import { labelCharsFor, wrapLabel } from '../../client/dashboard/charts/wrap-label';
import { filterSummary } from '../../client/dashboard/filter-summary';

// The demo tenant's tree: the province, the city under it with two wards and its one-stop office, a hospital.
const META: Pick<Meta, 'units' | 'counters' | 'sectors'> = {
  units: [
    { id: 1, parentId: null, code: 'HY', name: 'Tỉnh Hưng Yên', kind: 'province' },
    { id: 2, parentId: 1, code: 'HY-TP', name: 'Thành phố Hưng Yên', kind: 'city' },
    { id: 3, parentId: 2, code: 'HY-TP-AN-TAO', name: 'Phường An Tảo', kind: 'ward' },
    { id: 4, parentId: 2, code: 'HY-TP-HIEN-NAM', name: 'Phường Hiến Nam', kind: 'ward' },
    { id: 5, parentId: 2, code: 'HY-TP-MOT-CUA', name: 'Bộ phận Một cửa', kind: 'service_body' },
    { id: 6, parentId: 1, code: 'HY-BVDK', name: 'Bệnh viện Đa khoa tỉnh', kind: 'service_body' },
  ],
  counters: [
    { code: 'demo-civil', name: 'Quầy Hộ tịch – Tư pháp', unitId: 3 },
    { code: 'demo-land', name: 'Quầy Đất đai', unitId: 5 },
    { code: 'demo-health', name: 'Quầy tiếp đón', unitId: 6 },
  ],
  sectors: [{ code: 'land', name: { vi: 'Đất đai', en: 'Land' }, target: 85 }],
};

describe("an account's unit pickers", () => {
  it("offer a scoped account its own unit's subtree and the counters in it, nothing else", () => {
    const city = scopedMeta(META, 2);
    expect(city.units.map((u) => u.id)).toEqual([2, 3, 4, 5]);
    expect(city.counters.map((k) => k.code)).toEqual(['demo-civil', 'demo-land']);
    const ward = scopedMeta(META, 3);
    expect(ward.units.map((u) => u.name)).toEqual(['Phường An Tảo']);
    expect(ward.counters.map((k) => k.code)).toEqual(['demo-civil']);
    expect(ward.sectors).toBe(META.sectors);
  });

  it('offer an account of the whole tenant everything', () => {
    expect(scopedMeta(META, null)).toBe(META);
  });
});

describe('the folded filter on a phone', () => {
  it('says the days, then each choice by its name', () => {
    expect(filterSummary({ from: '2026-01-01', to: '2026-06-30' }, META, 'vi')).toEqual(['01/01/2026 – 30/06/2026', 'Tất cả đơn vị']);
    expect(
      filterSummary({ from: '2026-01-01', to: '2026-06-30', unit: 3, sector: 'land', counter: 'demo-civil', channel: 'qr' }, META, 'en'),
    ).toEqual(['1 Jan 2026 – 30 Jun 2026', 'Phường An Tảo', 'Land', 'Quầy Hộ tịch – Tư pháp', 'QR code']);
  });

  it('still says what is chosen before the lists have loaded', () => {
    expect(filterSummary({ from: '2026-01-01', to: '2026-01-31', unit: 9, counter: 'demo-x' }, null, 'vi')).toEqual([
      '01/01/2026 – 31/01/2026',
      'Đơn vị #9',
      'demo-x',
    ]);
  });
});

describe('a refusal of a unit', () => {
  it('offers the same page without the unit and counter, keeping the rest of the filter', () => {
    expect(withoutUnit('/app/units', '?from=2026-01-01&to=2026-06-30&unit=6&counter=demo-health&sector=health')).toBe(
      '/app/units?from=2026-01-01&to=2026-06-30&sector=health',
    );
    expect(withoutUnit('/app/cases/4', '')).toBe('/app/');
  });
});

describe('chart labels', () => {
  it('break between words so a long factor name is shown whole, not cut at the canvas edge', () => {
    expect(wrapLabel('C. Cơ sở vật chất và phương tiện phục vụ người bệnh', 16)).toEqual([
      'C. Cơ sở vật',
      'chất và phương',
      'tiện phục vụ',
      'người bệnh',
    ]);
    expect(wrapLabel('Đất đai', 16)).toEqual(['Đất đai']);
    expect(wrapLabel('Bộ-phận-một-cửa-thành-phố', 10)).toEqual(['Bộ-phận-một-cửa-thành-phố']);
    expect(wrapLabel('', 10)).toEqual(['']);
  });

  it('take fewer characters a line on a phone-sized chart', () => {
    expect(labelCharsFor(320)).toBeLessThan(labelCharsFor(1200));
  });
});
