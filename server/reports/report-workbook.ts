import ExcelJS from 'exceljs';
import type { RateSummary } from '../../surveys/statistics';
import { VERDICT_WORDS } from '../../surveys/verdict-words';
import { rateCells } from '../exports/rate-cells';
import type { PeriodicReport } from './report-data';

const RATE_HEADER = ['Tên', 'Số phiếu', 'Hài lòng', 'Tỷ lệ (%)', 'KTC 95% thấp', 'KTC 95% cao', 'Chỉ tiêu (%)', 'Đánh giá', 'Độ chắc chắn'];

const rateLine = (label: string, r: RateSummary) => [label, ...rateCells(r)];

/** The periodic report as a workbook to file: one sheet per section, numbers as numbers. */
export async function reportWorkbook(report: PeriodicReport): Promise<Uint8Array<ArrayBuffer>> {
  const book = new ExcelJS.Workbook();
  book.creator = 'hailong';
  const sheet = (name: string, title: string, header: string[], rows: unknown[][]) => {
    const ws = book.addWorksheet(name);
    ws.addRow([title]);
    ws.addRow([`${report.tenant}${report.unit ? ` — ${report.unit.name}` : ''} · ${report.period.from} – ${report.period.to}`]);
    ws.addRow(header);
    for (const r of rows) ws.addRow(r);
    ws.columns.forEach((col, i) => (col.width = i === 0 ? 40 : 14));
    return ws;
  };
  sheet('Theo lĩnh vực', report.title.vi, RATE_HEADER, [
    ...report.bySector.map((r) => rateLine(r.label, r)),
    rateLine('Tổng thể', report.overall),
  ]);
  sheet(
    'Theo đơn vị',
    report.title.vi,
    RATE_HEADER,
    report.byUnit.map((r) => rateLine(r.label, r)),
  );
  sheet(
    'Theo kênh',
    report.title.vi,
    ['Kênh', 'Số phiếu'],
    report.byChannel.map((c) => [c.label.vi, c.n]),
  );
  sheet(
    'Chỉ số thành phần',
    report.title.vi,
    ['Phiếu khảo sát', 'Thành phần', 'Số câu trả lời hợp lệ', 'Chỉ số (%)', 'KTC 95% thấp', 'KTC 95% cao'],
    report.factors.flatMap((s) => [
      ...s.factors.map((f) => [s.title.vi, f.label.vi, f.valid, f.index, f.interval?.low ?? null, f.interval?.high ?? null]),
      [s.title.vi, 'Chỉ số SIPAS (trung bình các thành phần)', null, s.sipasIndex, null, null],
    ]),
  );
  sheet(
    'Điều tra XHH',
    report.title.vi,
    [
      'Đợt',
      'Từ',
      'Đến',
      'Tỷ lệ gia quyền (%)',
      'KTC thấp',
      'KTC cao',
      'Cỡ mẫu hiệu dụng',
      'Đánh giá',
      'Tỷ lệ không gia quyền (%)',
      'Số phiếu',
    ],
    report.waves.map((w) => [
      w.name,
      w.from,
      w.to,
      w.weighted.rate,
      w.weighted.interval?.low ?? null,
      w.weighted.interval?.high ?? null,
      w.weighted.nEff,
      VERDICT_WORDS[w.weighted.verdict].vi,
      w.unweighted.rate,
      w.unweighted.n,
    ]),
  );
  const m = report.methods;
  sheet(
    'Phương pháp',
    report.title.vi,
    ['Mục', 'Nội dung'],
    [
      ['Kỳ báo cáo', `${report.period.from} – ${report.period.to}${report.period.due ? ` (hạn nộp ${report.period.due})` : ''}`],
      ['Số phiếu hợp lệ', m.n],
      ['Quy tắc', m.rule.vi],
      ['Khoảng tin cậy', m.interval.vi],
      ['Gia quyền', m.weighting.vi],
      ['Phiếu bị gắn cờ không tính', report.excluded.flagged],
      ['Góp ý', `${report.comments.total} (chưa hài lòng: ${report.comments.dissatisfied})`],
      ['Phản ánh đang mở', report.complaints.open],
      ['Phản ánh quá hạn', report.complaints.overdue],
      ['Phản ánh đã trả lời trong kỳ', report.complaints.answered],
      ['Trả lời đúng hạn (tỷ lệ)', report.complaints.answeredOnTimeShare],
      ['Ghi chú phản ánh', m.complaints.vi],
      ['Phiếu khảo sát', m.surveyVersions.map((v) => `${v.title.vi} v${v.version} (${v.from} – ${v.to})`).join('; ')],
      ['Lập lúc', report.generatedAt],
    ],
  );
  return new Uint8Array(await book.xlsx.writeBuffer());
}
