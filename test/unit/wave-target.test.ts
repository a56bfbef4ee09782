import { describe, expect, it } from 'vitest';
import { waveTargetKey } from '../../server/waves/wave-target';

describe('waveTargetKey: the target a wave is judged against', () => {
  it('is its sector’s, in the year the wave ends', () => {
    expect(waveTargetKey({ sector_code: 'land', period_to: '2026-06-30' })).toEqual({ sector: 'land', year: 2026 });
    expect(waveTargetKey({ sector_code: 'health', period_to: '2027-01-15' })).toEqual({ sector: 'health', year: 2027 });
  });

  it('is the overall target for a wave of no one sector', () => {
    expect(waveTargetKey({ sector_code: 'other', period_to: '2025-12-31' })).toEqual({ sector: null, year: 2025 });
  });
});
