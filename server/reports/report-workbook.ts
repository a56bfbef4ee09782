import ExcelJS from 'exceljs';
import { displayRange } from '../../surveys/date-display';
import { factorMeanName } from '../../surveys/instrument-family';
import type { RateSummary } from '../../surveys/statistics';
import { CONFIDENCE_WORDS, DOSSIER_VERDICT_WORDS, VERDICT_WORDS } from '../../surveys/verdict-words';
import {
  COUNT_FORMAT,
  DAY_FORMAT,
  DECIMAL_FORMAT,
  excelDay,
  excelVietnamTime,
  freezeAbove,
  percentFormat,
  percentValue,
  rateFormat,
  styleHeader,
  targetFormat,
  TIME_FORMAT,
} from '../exports/xlsx/cell-formats';
import { cellValue } from '../exports/xlsx/cell-value';
import type { PeriodicReport } from './report-data';

/** A cell as the report writes it: a plain value, or a value with the number format it is shown in. */
type Cell = string | number | null | { value: number | Date | null; numFmt: string };
interface Column {
  header: string;
  width: number;
  /** Long text: wrapped within the width rather than running across the next columns. */
  wrap?: boolean;
}

const PERCENT_1 = percentFormat(1);
const HEADER_ROW = 3;

const RATE_COLUMNS: Column[] = [
  { header: 'Tên', width: 44 },
  { header: 'Số phiếu hợp lệ', width: 12 },
  { header: 'Hài lòng', width: 11 },
  { header: 'Tỷ lệ hài lòng', width: 13 },
  { header: 'KTC 95%: cận dưới', width: 12 },
  { header: 'KTC 95%: cận trên', width: 12 },
  { header: 'Chỉ tiêu', width: 10 },
  { header: 'Đánh giá', width: 17 },
  { header: 'Độ chắc chắn', width: 16 },
];

const INDEX_COLUMNS: Column[] = [
  { header: 'Tên', width: 40 },
  { header: 'Hồ sơ đã trả kết quả', width: 12 },
  { header: 'R1: tử số', width: 10 },
  { header: 'R1: mẫu số', width: 10 },
  { header: 'R1', width: 10 },
  { header: 'R2: tử số', width: 10 },
  { header: 'R2: mẫu số', width: 10 },
  { header: 'R2', width: 10 },
  { header: 'R3: tử số', width: 10 },
  { header: 'R3: mẫu số', width: 10 },
  { header: 'R3', width: 10 },
  { header: 'Hồ sơ trực tuyến', width: 11 },
  { header: 'Trực tuyến hài lòng', width: 11 },
  { header: 'Tỷ lệ trực tuyến', width: 11 },
  { header: 'Chỉ tiêu', width: 10 },
  { header: 'Đánh giá', width: 17 },
  { header: 'Có đánh giá', width: 10 },
  { header: 'Đánh giá không hài lòng', width: 12 },
  { header: 'Quá hạn', width: 10 },
  { header: 'Bị phản ánh', width: 10 },
];

const count = (n: number | null): Cell => ({ value: n, numFmt: COUNT_FORMAT });
const pct = (rate: number | null | undefined, numFmt = PERCENT_1): Cell => ({ value: percentValue(rate), numFmt });
const day = (d: string): Cell => ({ value: excelDay(d), numFmt: DAY_FORMAT });

function rateLine(label: string, r: RateSummary): Cell[] {
  return [
    label,
    count(r.n),
    count(r.satisfied),
    pct(r.rate, rateFormat(r.rate, r.target)),
    pct(r.interval?.low),
    pct(r.interval?.high),
    pct(r.target, targetFormat(r.target)),
    VERDICT_WORDS[r.verdict].vi,
    r.confidence === null ? null : CONFIDENCE_WORDS[r.confidence].vi,
  ];
}

type IndexRow = PeriodicReport['index766']['overall'];

function indexLine(label: string, r: IndexRow): Cell[] {
  const ratio = (x: { numerator: number; denominator: number; value: number | null }) => [
    count(x.numerator),
    count(x.denominator),
    pct(x.value),
  ];
  return [
    label,
    count(r.dossiers.total),
    ...ratio(r.r1),
    ...ratio(r.r2),
    ...ratio(r.r3),
    count(r.online.n),
    count(r.online.satisfied),
    pct(r.online.rate, rateFormat(r.online.rate, r.online.target)),
    pct(r.online.target, targetFormat(r.online.target)),
    DOSSIER_VERDICT_WORDS[r.online.verdict].vi,
    count(r.dossiers.rated),
    count(r.dossiers.ratedUnsatisfied),
    count(r.dossiers.overdue),
    count(r.dossiers.complained),
  ];
}

/** The 766 sheet: the sector table (with the overall line), then the unit table under its own header. */
function index766Rows(report: PeriodicReport): { rows: Cell[][]; headers: number[]; titles: number[] } {
  const x = report.index766;
  if (x.overall.dossiers.total === 0)
    return { rows: [['Không có hồ sơ trong kỳ này (No dossiers in this period).']], headers: [], titles: [] };
  const rows: Cell[][] = [
    ['Theo lĩnh vực (by sector)'],
    ...x.bySector.map((r) => indexLine(r.label, r)),
    indexLine('Tổng thể', x.overall),
    [],
    ['Theo đơn vị (by unit)'],
  ];
  const unitHeader = rows.length;
  rows.push(
    INDEX_COLUMNS.map((c) => c.header),
    ...x.byUnit.map((r) => indexLine(r.label, r)),
    [],
    ['Quy tắc', x.rule.vi],
    ['Hồ sơ chưa trả kết quả (chưa tính)', count(x.open.open)],
    ['trong đó quá hạn', count(x.open.pastDue)],
  );
  return { rows, headers: [unitHeader], titles: [0, unitHeader - 1] };
}

/**
 * The periodic report as a workbook to file: one sheet per section, each with the report's title,
 * its unit and period, and a bold frozen header. Rates are percent cells holding the exact value
 * (shown to one decimal, or more where the rounding rule needs it), days are real dates.
 */
export async function reportWorkbook(report: PeriodicReport): Promise<Uint8Array<ArrayBuffer>> {
  const book = new ExcelJS.Workbook();
  book.creator = 'hailong';
  book.title = report.title.vi;
  const subtitle = `${report.tenant}${report.unit ? ` — ${report.unit.name}` : ''} · ${displayRange(report.period.from, report.period.to, 'vi')}`;
  const sheet = (name: string, columns: Column[], rows: Cell[][]) => {
    const ws = book.addWorksheet(name);
    ws.columns = columns.map((c) => ({ width: c.width, ...(c.wrap ? { style: { alignment: { wrapText: true, vertical: 'top' } } } : {}) }));
    ws.addRow([report.title.vi]).font = { bold: true, size: 13 };
    ws.addRow([subtitle]);
    styleHeader(ws.addRow(columns.map((c) => c.header)));
    for (const r of rows) {
      const row = ws.addRow(r.map((c) => (c !== null && typeof c === 'object' ? c.value : cellValue(c))));
      r.forEach((c, i) => {
        if (c !== null && typeof c === 'object') row.getCell(i + 1).numFmt = c.numFmt;
      });
    }
    freezeAbove(ws, HEADER_ROW);
    return ws;
  };
  sheet('Theo lĩnh vực', RATE_COLUMNS, [...report.bySector.map((r) => rateLine(r.label, r)), rateLine('Tổng thể', report.overall)]);
  sheet(
    'Theo đơn vị',
    RATE_COLUMNS,
    report.byUnit.map((r) => rateLine(r.label, r)),
  );
  sheet(
    'Theo kênh',
    [
      { header: 'Kênh', width: 30 },
      { header: 'Số phiếu', width: 12 },
    ],
    report.byChannel.map((c) => [c.label.vi, count(c.n)]),
  );
  sheet(
    'Chỉ số thành phần',
    [
      { header: 'Phiếu khảo sát', width: 44 },
      { header: 'Thành phần', width: 44 },
      { header: 'Số câu trả lời hợp lệ', width: 14 },
      { header: 'Chỉ số', width: 11 },
      { header: 'KTC 95%: cận dưới', width: 12 },
      { header: 'KTC 95%: cận trên', width: 12 },
    ],
    report.factors.flatMap((s) => [
      ...s.factors.map((f) => [s.title.vi, f.label.vi, count(f.valid), pct(f.index), pct(f.interval?.low), pct(f.interval?.high)]),
      [s.title.vi, factorMeanName(s.kind).vi, null, pct(s.sipasIndex), null, null],
    ]),
  );
  sheet(
    'Điều tra XHH',
    [
      { header: 'Đợt', width: 36 },
      { header: 'Từ ngày', width: 12 },
      { header: 'Đến ngày', width: 12 },
      { header: 'Tỷ lệ gia quyền', width: 13 },
      { header: 'KTC 95%: cận dưới', width: 12 },
      { header: 'KTC 95%: cận trên', width: 12 },
      { header: 'Cỡ mẫu hiệu dụng', width: 12 },
      { header: 'Chỉ tiêu', width: 10 },
      { header: 'Đánh giá', width: 17 },
      { header: 'Tỷ lệ không gia quyền', width: 13 },
      { header: 'Số phiếu', width: 10 },
    ],
    report.waves.map((w) => [
      w.name,
      day(w.from),
      day(w.to),
      pct(w.weighted.rate, rateFormat(w.weighted.rate, w.weighted.target)),
      pct(w.weighted.interval?.low),
      pct(w.weighted.interval?.high),
      { value: w.weighted.nEff, numFmt: DECIMAL_FORMAT },
      pct(w.weighted.target, targetFormat(w.weighted.target)),
      VERDICT_WORDS[w.weighted.verdict].vi,
      pct(w.unweighted.rate, rateFormat(w.unweighted.rate, w.unweighted.target)),
      count(w.unweighted.n),
    ]),
  );
  const index = index766Rows(report);
  const indexSheet = sheet('Chỉ số 766', INDEX_COLUMNS, index.rows);
  for (const at of index.headers) styleHeader(indexSheet.getRow(HEADER_ROW + 1 + at));
  for (const at of index.titles) indexSheet.getRow(HEADER_ROW + 1 + at).font = { bold: true };
  const m = report.methods;
  sheet(
    'Phương pháp',
    [
      { header: 'Mục', width: 34, wrap: true },
      { header: 'Nội dung (hoặc từ ngày)', width: 90, wrap: true },
      { header: 'Đến ngày', width: 12 },
    ],
    [
      ['Kỳ báo cáo', day(report.period.from), day(report.period.to)],
      ...(report.period.due ? [['Hạn nộp', day(report.period.due), null] satisfies Cell[]] : []),
      ['Số phiếu hợp lệ', count(m.n), null],
      ['Quy tắc', m.rule.vi, null],
      ['Khoảng tin cậy', m.interval.vi, null],
      ['Gia quyền', m.weighting.vi, null],
      ...(m.units ? [['Cơ cấu đơn vị', m.units.vi, null] satisfies Cell[]] : []),
      ['Phiếu bị gắn cờ không tính', count(report.excluded.flagged), null],
      ['Góp ý', `${report.comments.total} (chưa hài lòng: ${report.comments.dissatisfied})`, null],
      ['Phản ánh đang mở (cuối kỳ)', count(report.complaints.open), null],
      ['Phản ánh quá hạn (cuối kỳ)', count(report.complaints.overdue), null],
      ['Phản ánh đã trả lời trong kỳ', count(report.complaints.answered), null],
      [
        'Trả lời đúng hạn (tỷ lệ)',
        pct(report.complaints.answeredOnTimeShare === null ? null : report.complaints.answeredOnTimeShare * 100),
        null,
      ],
      ['Ghi chú phản ánh', m.complaints.vi, null],
      ...m.surveyVersions.map((v): Cell[] => [`Phiếu khảo sát: ${v.title.vi} v${v.version}`, day(v.from), day(v.to)]),
      ['Lập lúc (giờ Việt Nam)', { value: excelVietnamTime(report.generatedAt), numFmt: TIME_FORMAT }, null],
    ],
  );
  return new Uint8Array(await book.xlsx.writeBuffer());
}
