import { describe, expect, it } from 'vitest';
import { inSectorOrder } from '../../client/app/sector-display';
import { inPlanOrder, SECTORS } from '../../surveys/sectors';

describe('one order of sectors: the plan’s', () => {
  const codes = ['transport', 'business', 'zz_own', 'civil_status', 'education', 'health', 'land', 'other', 'investment', 'construction'];

  it('lists land, construction, investment, health, education, then the 90 % sectors, then a tenant’s own', () => {
    expect(inPlanOrder(codes, (c) => c)).toEqual([
      'land',
      'construction',
      'investment',
      'health',
      'education',
      'civil_status',
      'business',
      'transport',
      'other',
      'zz_own',
    ]);
    expect(SECTORS.slice(0, 5).map((s) => s.code)).toEqual(['land', 'construction', 'investment', 'health', 'education']);
  });

  it('puts a tenant’s own sectors in the order the tenant lists them', () => {
    expect(inPlanOrder(['zz_b', 'land', 'zz_a'], (c) => c, ['zz_b', 'zz_a'])).toEqual(['land', 'zz_b', 'zz_a']);
    expect(inPlanOrder(['zz_b', 'land', 'zz_a'], (c) => c)).toEqual(['land', 'zz_a', 'zz_b']);
  });

  it('is the order the dashboard tables use', () => {
    const rows = codes.map((key) => ({ key }));
    expect(inSectorOrder(rows, null).map((r) => r.key)).toEqual(inPlanOrder(codes, (c) => c));
  });
});
