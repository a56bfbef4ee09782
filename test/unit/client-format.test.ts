import { describe, expect, it } from 'vitest';
import { formatCount, formatInterval, formatPercent, formatTarget, NO_VALUE } from '../../client/app/format';
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
