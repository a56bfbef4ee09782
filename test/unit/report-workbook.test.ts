import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { PeriodicReport } from '../../server/reports/report-data';
import { zeroCounts } from '../../surveys/dossier-outcome';
import { index766 } from '../../surveys/index-766';
import { reportWorkbook } from '../../server/reports/report-workbook';
import { summarize } from '../../surveys/statistics';

const rateRow = (key: string, label: string, satisfied: number, valid: number, target: number) => ({
  key,
  label,
  labelEn: label,
  ...summarize({ satisfied, valid, target }),
});

/** A report with the figures a rounding rule can trip on; everything else empty. */
const report = {
  title: { vi: 'Báo cáo kết quả đo lường sự hài lòng của người dân, tổ chức năm 2026', en: 'x' },
  period: {
    kind: 'year',
    from: '2025-12-15',
    to: '2026-12-14',
    due: '2026-12-14',
    phrase: { vi: 'năm 2026', en: 'x' },
    label: { vi: 'x', en: 'x' },
  },
  unit: null,
  tenant: 'Thành phố Hưng Yên',
  generatedAt: '2026-12-01T19:28:11.152Z',
  overall: rateRow('_overall', 'Tổng thể', 1799, 2000, 90),
  bySector: [rateRow('land', 'Đất đai', 879, 1000, 85), rateRow('civil_status', 'Hộ tịch', 1799, 2000, 90)],
  byUnit: [],
  byChannel: [],
  factors: [],
  comments: { total: 0, dissatisfied: 0 },
  complaints: { open: 0, overdue: 0, answered: 0, answeredOnTime: 0, answeredOnTimeShare: null },
  excluded: { flagged: 0 },
  waves: [],
  index766: {
    overall: { key: '_overall', label: 'Tổng thể', ...index766(zeroCounts()) },
    bySector: [],
    byUnit: [],
    open: { open: 0, pastDue: 0 },
    onlineTarget: 95,
    rule: { vi: 'r', en: 'r' },
  },
  methods: {
    n: 2000,
    minSample: 30,
    interval: { vi: 'Wilson', en: 'Wilson' },
    weighting: { vi: 'w', en: 'w' },
    rule: { vi: 'r', en: 'r' },
    surveyVersions: [],
    complaints: { vi: 'c', en: 'c' },
  },
} as unknown as PeriodicReport;

describe('the report workbook', () => {
  it('keeps exact rates in percent cells, with the decimals the rounding rule needs', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await reportWorkbook(report)).buffer);
    const sheet = book.getWorksheet('Theo lĩnh vực')!;
    const cells = (row: number) => [4, 5, 6, 7].map((c) => sheet.getRow(row).getCell(c));
    const [landRate, , , landTarget] = cells(4);
    expect(landRate).toMatchObject({ value: 0.879, numFmt: '0.0%' });
    expect(landTarget).toMatchObject({ value: 0.85, numFmt: '0%' });
    // 89.95 % against 90 %: "90.0%" would read as met; the cell shows two decimals and keeps the exact value.
    const [civilRate] = cells(5);
    expect(sheet.getRow(5).getCell(8).value).toBe('Không đạt');
    expect(civilRate!.numFmt).toBe('0.00%');
    expect(civilRate!.value).toBe((1799 * 100) / 2000 / 100);
    expect(civilRate!.value as number).toBeCloseTo(0.8995, 12);
    expect(sheet.getRow(6).getCell(1).value).toBe('Tổng thể');
    expect(sheet.getRow(6).getCell(4).numFmt).toBe('0.00%');
  });

  it('writes days as Excel dates shown dd/mm/yyyy and the time it was made in Vietnam time', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await reportWorkbook(report)).buffer);
    const methods = book.getWorksheet('Phương pháp')!;
    const byLabel = new Map<string, ExcelJS.Row>();
    methods.eachRow((row) => byLabel.set(String(row.getCell(1).value), row));
    expect(byLabel.get('Kỳ báo cáo')!.getCell(2)).toMatchObject({ value: new Date('2025-12-15T00:00:00Z'), numFmt: 'dd/mm/yyyy' });
    expect(byLabel.get('Hạn nộp')!.getCell(2)).toMatchObject({ value: new Date('2026-12-14T00:00:00Z'), numFmt: 'dd/mm/yyyy' });
    // 19:28 UTC on 1 December is 02:28 on 2 December in Vietnam.
    expect(byLabel.get('Lập lúc (giờ Việt Nam)')!.getCell(2)).toMatchObject({
      value: new Date('2026-12-02T02:28:11.152Z'),
      numFmt: 'hh:mm dd/mm/yyyy',
    });
    expect(methods.getCell('A2').value).toBe('Thành phố Hưng Yên · 15/12/2025 – 14/12/2026');
    for (const ws of book.worksheets) {
      expect(ws.views[0], ws.name).toMatchObject({ state: 'frozen', ySplit: 3 });
      expect(ws.getRow(3).font?.bold, ws.name).toBe(true);
      expect(ws.getColumn(1).width, ws.name).toBeGreaterThanOrEqual(30);
    }
  });
});
