import { TARGET_BASIS_WORDS } from '../../../surveys/row-target';
import type { RateSummary } from '../../../surveys/statistics';
import { CONFIDENCE_WORDS, VERDICT_WORDS } from '../../../surveys/verdict-words';
import { bodyParagraph, docxCount, docxInterval, docxRate, docxTarget, heading, num, wordTable, type CellText } from './docx-parts';
import type { DocxSection } from './docx-context';

type Judged = RateSummary & { targetBasis?: string };

const HEADERS = (first: string) => [first, 'Số phiếu hợp lệ', 'Tỷ lệ hài lòng', 'Khoảng tin cậy 95%', 'Chỉ tiêu', 'Đánh giá'];
const WIDTHS = [30, 12, 14, 18, 11, 15];

/** A verdict in words, with how sure it is: "Đạt (chắc chắn)", "Chưa đủ số phiếu". */
const verdictText = (r: Judged) =>
  `${VERDICT_WORDS[r.verdict].vi}${r.confidence ? ` (${CONFIDENCE_WORDS[r.confidence].vi.toLowerCase()})` : ''}`;

function rateLine(label: string, r: Judged, total = false): (string | CellText)[] {
  const target = r.targetBasis === 'mixed' ? [docxTarget(r.target), `(${TARGET_BASIS_WORDS.mixed.vi})`] : [docxTarget(r.target)];
  return [
    { lines: [label], bold: total },
    num(docxCount(r.n), total),
    num(docxRate(r.rate, r.target), total),
    num(docxInterval(r.interval), total),
    { lines: target, align: 'right', bold: total },
    { lines: [verdictText(r)], bold: total },
  ];
}

const summary = (r: Judged) =>
  r.n === 0
    ? 'Trong kỳ báo cáo chưa có phiếu hợp lệ.'
    : `Trong kỳ báo cáo có ${docxCount(r.n)} phiếu hợp lệ; tỷ lệ hài lòng chung ${docxRate(r.rate, r.target)} ` +
      `(khoảng tin cậy 95%: ${docxInterval(r.interval)}), so với chỉ tiêu ${docxTarget(r.target)}: ${verdictText(r).toLowerCase()}.`;

/** 1. Satisfaction by sector against its target, with the overall line (the same rows as /api/stats?groupBy=sector). */
export const sectorSection: DocxSection = ({ report }) => [
  heading('1. Kết quả theo lĩnh vực so với chỉ tiêu'),
  bodyParagraph(summary(report.overall)),
  wordTable(HEADERS('Lĩnh vực'), [...report.bySector.map((r) => rateLine(r.label, r)), rateLine('Tổng thể', report.overall, true)], WIDTHS),
];

/** 2. Satisfaction by unit, each against the target of the sectors of its answers. */
export const unitSection: DocxSection = ({ report }) => [
  heading('2. Kết quả theo đơn vị'),
  ...(report.byUnit.length === 0
    ? [bodyParagraph('Không có phiếu hợp lệ trong kỳ.')]
    : [
        wordTable(
          HEADERS('Đơn vị'),
          report.byUnit.map((r) => rateLine(r.label, r)),
          WIDTHS,
        ),
      ]),
];
