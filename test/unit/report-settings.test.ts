import { describe, expect, it } from 'vitest';
import { documentDate } from '../../surveys/date-display';
import { defaultReportSettings, recipientLines, reportSettingsSchema } from '../../surveys/report-settings';

describe('the Word report issuer (Decree 30/2020/NĐ-CP)', () => {
  it('dates a document with a leading zero on days below 10 and on January and February only', () => {
    expect(documentDate(new Date('2026-02-03T03:00:00Z'))).toBe('ngày 03 tháng 02 năm 2026');
    expect(documentDate(new Date('2026-03-14T03:00:00Z'))).toBe('ngày 14 tháng 3 năm 2026');
    expect(documentDate(new Date('2026-12-01T03:00:00Z'))).toBe('ngày 01 tháng 12 năm 2026');
    // Vietnam time: 20:00 UTC on 31 Dec is already 1 Jan there.
    expect(documentDate(new Date('2025-12-31T20:00:00Z'))).toBe('ngày 01 tháng 01 năm 2026');
  });

  it('defaults from the tenant name: a province, a ministry, anything else', () => {
    expect(defaultReportSettings('Tỉnh Hưng Yên')).toMatchObject({
      agency: 'ỦY BAN NHÂN DÂN TỈNH HƯNG YÊN',
      numberSuffix: 'BC-UBND',
      place: 'Hưng Yên',
      signerAuthority: 'KT. CHỦ TỊCH',
      signerTitle: 'PHÓ CHỦ TỊCH',
    });
    expect(defaultReportSettings('Thành phố Hải Phòng').place).toBe('Hải Phòng');
    expect(defaultReportSettings('Bộ Tư pháp')).toMatchObject({ agency: 'BỘ TƯ PHÁP', signerAuthority: 'KT. BỘ TRƯỞNG' });
    expect(defaultReportSettings('Bệnh viện Đa khoa').agency).toBe('BỆNH VIỆN ĐA KHOA');
    for (const name of ['Tỉnh Hưng Yên', 'Bộ Tư pháp', 'Bệnh viện Đa khoa'])
      expect(reportSettingsSchema.safeParse(defaultReportSettings(name)).success).toBe(true);
  });

  it('ends each recipient line with ";" and the last with "."', () => {
    expect(recipientLines(['Như trên', 'Bộ Nội vụ;', 'Lưu: VT, CCHC.'])).toEqual(['- Như trên;', '- Bộ Nội vụ;', '- Lưu: VT, CCHC.']);
  });

  it('takes a number suffix in capitals joined by "-" only', () => {
    const base = defaultReportSettings('Tỉnh Hưng Yên');
    for (const ok of ['BC-UBND', 'BC-SNV', 'BC-ĐHQG', 'BC'])
      expect(reportSettingsSchema.safeParse({ ...base, numberSuffix: ok }).success, ok).toBe(true);
    for (const bad of ['bc-ubnd', 'BC UBND', '-BC', 'BC--UBND', ''])
      expect(reportSettingsSchema.safeParse({ ...base, numberSuffix: bad }).success, bad).toBe(false);
  });
});
