import { describe, expect, it } from 'vitest';
import {
  formatChange,
  formatCount,
  formatDay,
  formatDecimal,
  formatInterval,
  formatPercent,
  formatRate,
  formatTarget,
  NO_VALUE,
} from '../../client/app/format';
import { loadLang, saveLang, t } from '../../client/app/i18n';
import { confidenceText, verdictText } from '../../client/app/verdict';

describe('vi-VN number formatting', () => {
  it('writes rates with a decimal comma, one decimal and a space before %', () => {
    expect(formatPercent(87.5, 'vi')).toBe('87,5 %');
    expect(formatPercent(84.1836141778036, 'vi')).toBe('84,2 %');
    expect(formatPercent(100, 'vi')).toBe('100,0 %');
    expect(formatPercent(0, 'vi')).toBe('0,0 %');
  });
  it('writes English rates the English way', () => {
    expect(formatPercent(87.5, 'en')).toBe('87.5%');
  });
  it('shows a dash, not 0 %, when there is no rate', () => {
    expect(formatPercent(null, 'vi')).toBe(NO_VALUE);
    expect(formatInterval(null, 'en')).toBe(NO_VALUE);
  });
  it('groups thousands with a dot in Vietnamese and a comma in English', () => {
    expect(formatCount(8605, 'vi')).toBe('8.605');
    expect(formatCount(8605, 'en')).toBe('8,605');
    expect(formatCount(728, 'vi')).toBe('728');
  });
  it('keeps whole targets whole', () => {
    expect(formatTarget(90, 'vi')).toBe('90 %');
    expect(formatTarget(92.5, 'vi')).toBe('92,5 %');
    expect(formatTarget(85, 'en')).toBe('85%');
  });
  it('writes a 95% interval as a range', () => {
    expect(formatInterval({ low: 82.14, high: 91.26 }, 'vi')).toBe('82,1 – 91,3 %');
    expect(formatInterval({ low: 82.14, high: 91.26 }, 'en')).toBe('82.1 – 91.3%');
  });
});

describe('every number in the reader’s notation', () => {
  it('writes decimals with a comma in Vietnamese and a dot in English', () => {
    expect(formatDecimal(351.24, 'vi')).toBe('351,2');
    expect(formatDecimal(351.24, 'en')).toBe('351.2');
    expect(formatDecimal(1.256, 'vi', 2)).toBe('1,26');
    expect(formatDecimal(1234.5, 'vi')).toBe('1.234,5');
    expect(formatDecimal(1234.5, 'en')).toBe('1,234.5');
  });
  it('writes a whole-number share with its % sign', () => {
    expect(formatPercent(66.666, 'vi', 0)).toBe('67 %');
    expect(formatPercent(66.666, 'en', 0)).toBe('67%');
  });
  it('writes a change against the period before signed, and a rise of 100 % or more as a multiple', () => {
    expect(formatChange(12.4, 'vi')).toBe('+12 %');
    expect(formatChange(-8.2, 'vi')).toBe('\u22128 %');
    expect(formatChange(-8.2, 'en')).toBe('\u22128%');
    expect(formatChange(0, 'vi')).toBe('0 %');
    expect(formatChange(1056, 'vi')).toBe('gấp 11,6 lần');
    expect(formatChange(1056, 'en')).toBe('11.6 times');
    expect(formatChange(100, 'vi')).toBe('gấp 2,0 lần');
  });
  it('writes a rate beside its target with the decimals it takes to stay on its side', () => {
    expect(formatRate(89.95, 90, 'vi')).toBe('89,95 %');
    expect(formatRate(87.94, 90, 'en')).toBe('87.9%');
  });
  it('writes days as dd/mm/yyyy in Vietnamese', () => {
    expect(formatDay('2026-03-14', 'vi')).toBe('14/03/2026');
    expect(formatDay('2026-03-14', 'en')).toBe('14 Mar 2026');
  });
});

describe('verdict words', () => {
  it('says the verdict in both languages', () => {
    expect(verdictText('met', 'vi')).toBe('Đạt');
    expect(verdictText('not_met', 'vi')).toBe('Không đạt');
    expect(verdictText('too_few', 'vi')).toBe('Chưa đủ số phiếu');
    expect(verdictText('too_few', 'en')).toBe('Too few answers');
    expect(confidenceText('confident', 'vi')).toBe('Chắc chắn');
    expect(confidenceText('not_conclusive', 'en')).toBe('Not conclusive');
    expect(confidenceText(null, 'vi')).toBe('—');
  });
});

describe('language', () => {
  it('defaults to Vietnamese and remembers English', () => {
    const store = new Map<string, string>();
    const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) };
    expect(loadLang(storage)).toBe('vi');
    saveLang('en', storage);
    expect(loadLang(storage)).toBe('en');
    expect(t('en', 'empty')).toBe('No answers yet for this filter');
    expect(t('vi', 'empty')).toBe('Chưa có phiếu nào cho bộ lọc này');
  });
  it('falls back to Vietnamese when storage is blocked', () => {
    const blocked = {
      getItem: () => {
        throw new Error('SecurityError');
      },
    };
    expect(loadLang(blocked)).toBe('vi');
    expect(loadLang(undefined)).toBe('vi');
  });
});
