import { describe, expect, it } from 'vitest';
import type { Meta, MetaUnit, StatsRow } from '../../client/app/api-types';
import { sectorBars } from '../../client/dashboard/charts/chart-data';
import { inSectorOrder, sectorLabel } from '../../client/app/sector-display';
import { unitOptions } from '../../client/app/unit-options';
import { VERDICT_COLOUR } from '../../client/app/verdict';

const meta: Meta = {
  units: [],
  counters: [],
  sectors: [
    { code: 'business', name: { vi: 'Đăng ký kinh doanh', en: 'Business registration' }, target: 90 },
    { code: 'land', name: { vi: 'Đất đai (tỉnh)', en: 'Land (province)' }, target: 85 },
    { code: 'zoo', name: { vi: 'Vườn thú', en: 'Zoo' }, target: 90 },
  ],
  overallTarget: 90,
};

const row = (key: string, over: Partial<StatsRow> = {}): StatsRow => ({
  key,
  label: key,
  n: 40,
  satisfied: 36,
  rate: 90,
  interval: { low: 77, high: 96 },
  target: 90,
  verdict: 'met',
  confidence: 'not_conclusive',
  ...over,
});

describe('sector names and order', () => {
  it('prefers the tenant names, then the built-in list, then the server label', () => {
    expect(sectorLabel(row('land'), meta, 'en')).toBe('Land (province)');
    expect(sectorLabel(row('health'), meta, 'en')).toBe('Health');
    expect(sectorLabel(row('health'), null, 'vi')).toBe('Y tế');
    expect(sectorLabel({ key: 'mystery', label: 'Bí ẩn' }, meta, 'en')).toBe('Bí ẩn');
  });
  it('orders sectors as the plan lists them, tenant-only sectors after', () => {
    const keys = inSectorOrder([row('zoo'), row('business'), row('health'), row('land'), row('unknown')], meta).map((r) => r.key);
    expect(keys).toEqual(['land', 'health', 'business', 'zoo', 'unknown']);
  });
});

describe('unit tree for the select', () => {
  it('lists each unit under its parent with its depth', () => {
    const u = (id: number, parentId: number | null, name: string): MetaUnit => ({ id, parentId, name, code: `U${id}`, kind: 'x' });
    const options = unitOptions([
      u(3, 2, 'Phường Hiến Nam'),
      u(2, 1, 'Thành phố Hưng Yên'),
      u(1, null, 'Tỉnh Hưng Yên'),
      u(4, 2, 'Phường An Tảo'),
      u(9, 99, 'Bệnh viện'),
    ]);
    expect(options.map((o) => `${o.depth}:${o.name}`)).toEqual([
      '0:Bệnh viện', // its parent is outside the user's scope, so it starts a tree
      '0:Tỉnh Hưng Yên',
      '1:Thành phố Hưng Yên',
      '2:Phường An Tảo',
      '2:Phường Hiến Nam',
    ]);
  });
});

describe('chart data', () => {
  it('colours each bar by its verdict and keeps targets per sector', () => {
    const bars = sectorBars(
      [row('land', { target: 85, verdict: 'not_met', rate: 80 }), row('other', { verdict: 'too_few', rate: null, n: 0 })],
      (r) => r.key,
    );
    expect(bars.colours).toEqual([VERDICT_COLOUR.not_met, VERDICT_COLOUR.too_few]);
    expect(bars.targets).toEqual([85, 90]);
    expect(bars.rates).toEqual([80, null]);
  });
});
