import { describe, expect, it } from 'vitest';
import { displayDay, displayInstant, displayRange } from '../../surveys/date-display';
import { REPORT_KINDS, reportPeriod } from '../../surveys/periods';
import { customPeriodPhrase, reportTitle } from '../../surveys/report-title';
import { periodOfQuery, reportQuery } from '../../server/reports/report-period';

describe('the words of a report’s period and title', () => {
  it('names every reporting period once, the way an official writes it', () => {
    expect(REPORT_KINDS.map((k) => reportPeriod(k, 2026).label.vi)).toEqual([
      'Báo cáo quý I năm 2026',
      'Báo cáo 6 tháng đầu năm 2026',
      'Báo cáo quý III năm 2026',
      'Báo cáo 9 tháng đầu năm 2026',
      'Báo cáo năm 2026',
    ]);
    expect(REPORT_KINDS.map((k) => reportPeriod(k, 2026).label.en)).toEqual([
      'Report for Quarter I 2026',
      'Report for the first 6 months of 2026',
      'Report for Quarter III 2026',
      'Report for the first 9 months of 2026',
      'Report for the year 2026',
    ]);
    for (const k of REPORT_KINDS) expect(reportPeriod(k, 2026).label.vi).not.toMatch(/năm năm|\d{4}-\d{2}/);
  });

  it('titles the year report "… năm 2026", never "Báo cáo năm năm 2026"', () => {
    expect(reportTitle(reportPeriod('year', 2026).phrase).vi).toBe('Báo cáo kết quả đo lường sự hài lòng của người dân, tổ chức năm 2026');
    expect(reportTitle(reportPeriod('h1', 2026).phrase).vi).toBe(
      'Báo cáo kết quả đo lường sự hài lòng của người dân, tổ chức 6 tháng đầu năm 2026',
    );
    expect(reportTitle(reportPeriod('q3', 2026).phrase).en).toBe('Report on citizen and business satisfaction for Quarter III 2026');
  });

  it('writes a custom period with Vietnamese dates, not ISO days', () => {
    expect(customPeriodPhrase('2026-02-01', '2026-02-28')).toEqual({
      vi: 'từ ngày 01/02/2026 đến ngày 28/02/2026',
      en: '1 Feb 2026 – 28 Feb 2026',
    });
    const custom = periodOfQuery(reportQuery.parse({ kind: 'custom', from: '2026-02-01', to: '2026-02-28' }));
    expect(custom.label.vi).toBe('Báo cáo từ ngày 01/02/2026 đến ngày 28/02/2026');
    expect(reportTitle(custom.phrase).vi).toBe(
      'Báo cáo kết quả đo lường sự hài lòng của người dân, tổ chức từ ngày 01/02/2026 đến ngày 28/02/2026',
    );
  });
});

describe('days and instants as an official reads them', () => {
  it('writes days dd/mm/yyyy in Vietnamese and "2 Dec 2026" in English', () => {
    expect(displayDay('2026-12-02', 'vi')).toBe('02/12/2026');
    expect(displayDay('2026-03-14', 'en')).toBe('14 Mar 2026');
    expect(displayRange('2025-12-15', '2026-06-14', 'vi')).toBe('15/12/2025 – 14/06/2026');
    expect(displayDay('not a day', 'vi')).toBe('not a day');
  });

  it('writes an instant in Vietnam time: 19:28 UTC on 1 December is 02:28 on 2 December', () => {
    expect(displayInstant('2026-12-01T19:28:11.152Z', 'vi')).toBe('02:28 ngày 02/12/2026');
    expect(displayInstant(new Date('2026-12-01T19:28:11.152Z'), 'en')).toBe('02:28, 2 Dec 2026');
    expect(displayInstant('2026-12-31T16:59:59Z', 'vi')).toBe('23:59 ngày 31/12/2026');
    expect(displayInstant('2026-12-31T17:00:00Z', 'vi')).toBe('00:00 ngày 01/01/2027');
  });
});
