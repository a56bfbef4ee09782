import { describe, expect, it } from 'vitest';
import { isSatisfiedValue, NO_OPINION_LABEL, SCALE_LEVELS } from '../../surveys/scale';
import { isSectorCode, OVERALL_KEY, OVERALL_TARGET, SECTORS, sectorName } from '../../surveys/sectors';
import { addDays, addMonths, dayStartUtc, isIsoDay, localDay, localMonth, monthsBetween, wholeMonthsWithin } from '../../surveys/time';
import { isDossierCode, normalizeDossierCode } from '../../surveys/dossier-code';

describe('sectors', () => {
  it('has the plan-year default targets (Kế hoạch 199/KH-UBND)', () => {
    expect(Object.fromEntries(SECTORS.map((s) => [s.code, s.defaultTarget]))).toEqual({
      land: 85,
      construction: 85,
      investment: 85,
      health: 85,
      education: 85,
      civil_status: 90,
      justice: 90,
      business: 90,
      labour: 90,
      transport: 90,
      other: 90,
    });
    expect(OVERALL_TARGET).toBe(90);
  });

  it('recognises codes and names them', () => {
    expect(isSectorCode('civil_status')).toBe(true);
    expect(isSectorCode(OVERALL_KEY)).toBe(false);
    expect(isSectorCode('Land')).toBe(false);
    expect(sectorName('land', 'vi')).toBe('Đất đai');
    expect(sectorName('labour', 'vi')).toBe('Lao động – Thương binh và Xã hội');
    expect(sectorName('business', 'en')).toBe('Business registration');
    expect(sectorName(OVERALL_KEY, 'vi')).toBe('Tổng thể');
  });
});

describe('scale', () => {
  it('five levels, 4 and 5 satisfied', () => {
    expect(SCALE_LEVELS.map((l) => l.label.vi)).toEqual([
      'Rất không hài lòng',
      'Không hài lòng',
      'Bình thường',
      'Hài lòng',
      'Rất hài lòng',
    ]);
    expect(SCALE_LEVELS[0].label.en).toBe('Very dissatisfied');
    expect([1, 2, 3, 4, 5].map(isSatisfiedValue)).toEqual([false, false, false, true, true]);
    expect(isSatisfiedValue(6)).toBe(false);
    expect(NO_OPINION_LABEL.vi).toBe('Không ý kiến');
  });
});

describe('time (Asia/Ho_Chi_Minh = UTC+7)', () => {
  it('local day turns over at 17:00 UTC', () => {
    expect(localDay(new Date('2023-12-31T16:59:59.999Z'))).toBe('2023-12-31');
    expect(localDay(new Date('2023-12-31T17:00:00.000Z'))).toBe('2024-01-01');
    expect(localMonth(new Date('2024-02-29T17:30:00Z'))).toBe('2024-03');
  });

  it('day start is 00:00 +07:00', () => {
    expect(dayStartUtc('2024-01-01').toISOString()).toBe('2023-12-31T17:00:00.000Z');
    expect(localDay(dayStartUtc('2024-06-15'))).toBe('2024-06-15');
    expect(() => dayStartUtc('2024-13-01')).toThrow(RangeError);
  });

  it('validates calendar days', () => {
    expect(isIsoDay('2024-02-29')).toBe(true);
    expect(isIsoDay('2023-02-29')).toBe(false);
    expect(isIsoDay('2023-2-1')).toBe(false);
    expect(isIsoDay('2023-04-31')).toBe(false);
  });

  it('adds days across month and year ends', () => {
    expect(addDays('2023-12-14', 1)).toBe('2023-12-15');
    expect(addDays('2024-02-28', 2)).toBe('2024-03-01');
    expect(addDays('2024-01-01', -1)).toBe('2023-12-31');
  });

  it('adds months across year ends and lists the months of a span', () => {
    expect(addMonths('2024-12', 1)).toBe('2025-01');
    expect(addMonths('2025-01', -1)).toBe('2024-12');
    expect(addMonths('2024-03', 22)).toBe('2026-01');
    expect(monthsBetween('2024-11', '2025-02')).toEqual(['2024-11', '2024-12', '2025-01', '2025-02']);
    expect(monthsBetween('2025-02', '2025-01')).toEqual([]);
    expect(() => addMonths('2024-13-01', 1)).toThrow(RangeError);
  });

  it('finds the whole months inside a span of days', () => {
    expect(wholeMonthsWithin('2025-01-01', '2025-12-31')).toEqual({ from: '2025-01-01', until: '2026-01-01' });
    expect(wholeMonthsWithin('2025-01-15', '2025-04-10')).toEqual({ from: '2025-02-01', until: '2025-04-01' });
    expect(wholeMonthsWithin('2024-02-01', '2024-02-29')).toEqual({ from: '2024-02-01', until: '2024-03-01' });
    expect(wholeMonthsWithin('2024-02-01', '2024-02-28')).toBeNull();
    expect(wholeMonthsWithin('2025-01-02', '2025-02-27')).toBeNull();
  });
});

describe('dossier code', () => {
  it('accepts the national format and normalises typing', () => {
    expect(isDossierCode('000.00.17.H31-230101-0001')).toBe(true);
    expect(normalizeDossierCode(' 000.00.17.h31-230101-0001\n')).toBe('000.00.17.H31-230101-0001');
    expect(isDossierCode('000.00.17.H31-230101')).toBe(false);
    expect(isDossierCode('000.00.17.H31-230132-0001')).toBe(false);
  });
});
