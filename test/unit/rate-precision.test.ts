import { describe, expect, it } from 'vitest';
import { formatRate } from '../../client/app/format';
import { rateDigits, shownRate } from '../../surveys/rate-precision';
import { rate, summarize } from '../../surveys/statistics';

describe('a rate beside its target reads on its true side', () => {
  it('shows 89.95 against 90 as "89,95 %": "90,0 %" would read as met beside "Không đạt"', () => {
    const r = summarize({ satisfied: 1799, valid: 2000, target: 90 });
    expect(r.verdict).toBe('not_met');
    expect(formatRate(r.rate, 90, 'vi')).toBe('89,95 %');
    expect(formatRate(r.rate, 90, 'en')).toBe('89.95%');
    expect(rateDigits(r.rate, 90)).toBe(2);
  });

  it('keeps one decimal when rounding stays on the rate’s side: 90.04 is met and reads "90,0 %"', () => {
    expect(formatRate(90.04, 90, 'vi')).toBe('90,0 %');
    expect(formatRate(90, 90, 'vi')).toBe('90,0 %');
    expect(formatRate(89.94, 90, 'vi')).toBe('89,9 %');
    expect(formatRate(87.9, 90, 'vi')).toBe('87,9 %');
    expect(formatRate(84.96, 85, 'vi')).toBe('84,96 %');
    expect(rateDigits(90.04, 90)).toBe(1);
  });

  it('rounds half up as a spreadsheet does, so 89.995 needs three decimals (two would show 90,00)', () => {
    const r = rate(17999, 20000)!;
    expect(shownRate(r, 90)).toEqual({ value: 89.995, digits: 3 });
    expect(formatRate(r, 90, 'vi')).toBe('89,995 %');
  });

  it('stops at three decimals and then cuts towards the rate’s own side rather than across the target', () => {
    expect(formatRate(89.9996, 90, 'vi')).toBe('89,999 %');
  });

  it('works for a target with a decimal, and without a target keeps one decimal', () => {
    expect(formatRate(92.46, 92.5, 'vi')).toBe('92,46 %');
    expect(formatRate(92.5, 92.5, 'vi')).toBe('92,5 %');
    expect(formatRate(89.95, null, 'vi')).toBe('90,0 %');
    expect(formatRate(null, 90, 'vi')).toBe('—');
  });
});
