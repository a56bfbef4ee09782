import { DOSSIER_VERDICT_WORDS } from '../../../surveys/verdict-words';
import type { PeriodicReport } from '../report-data';
import { bodyParagraph, docxCount, docxPercent, docxRate, docxTarget, heading, num, wordTable, type CellText } from './docx-parts';
import type { DocxSection } from './docx-context';

type IndexRow = PeriodicReport['index766']['overall'];
const WIDTHS = [24, 11, 13, 13, 13, 14, 12];
const SIZE = 22; // 11 pt: seven columns on the text width

const ratio = (x: { numerator: number; denominator: number; value: number | null }, bold: boolean): CellText => ({
  lines: [docxPercent(x.value), `(${docxCount(x.numerator)}/${docxCount(x.denominator)})`],
  align: 'right',
  bold,
});

function indexLine(label: string, r: IndexRow, total = false): (string | CellText)[] {
  return [
    { lines: [label], bold: total },
    num(docxCount(r.dossiers.total), total),
    ratio(r.r1, total),
    ratio(r.r2, total),
    ratio(r.r3, total),
    {
      lines: [docxRate(r.online.rate, r.online.target), `(${docxCount(r.online.satisfied)}/${docxCount(r.online.n)})`],
      align: 'right',
      bold: total,
    },
    { lines: [DOSSIER_VERDICT_WORDS[r.online.verdict].vi], bold: total },
  ];
}

/** 5. The Decision 766 satisfaction group from the one-stop dossiers: R1–R3 and the online rate, by sector and by unit. */
export const index766Section: DocxSection = ({ report }) => {
  const x = report.index766;
  const headers = (first: string) => [
    first,
    'Hồ sơ đã trả kết quả',
    'R1',
    'R2',
    'R3',
    `Trực tuyến (chỉ tiêu ${docxTarget(x.onlineTarget)})`,
    'Đánh giá',
  ];
  const open =
    x.open.open > 0
      ? [
          bodyParagraph(
            `Hồ sơ chưa trả kết quả, chưa được tính: ${docxCount(x.open.open)} (trong đó ${docxCount(x.open.pastDue)} quá hạn).`,
          ),
        ]
      : [];
  if (x.overall.dossiers.total === 0)
    return [heading('5. Chỉ số hài lòng theo Quyết định 766/QĐ-TTg'), bodyParagraph('Không có hồ sơ trong kỳ này.'), ...open];
  return [
    heading('5. Chỉ số hài lòng theo Quyết định 766/QĐ-TTg'),
    bodyParagraph(x.rule.vi, { italics: true }),
    bodyParagraph('a) Theo lĩnh vực'),
    wordTable(headers('Lĩnh vực'), [...x.bySector.map((r) => indexLine(r.label, r)), indexLine('Tổng thể', x.overall, true)], WIDTHS, SIZE),
    bodyParagraph('b) Theo đơn vị'),
    wordTable(
      headers('Đơn vị'),
      x.byUnit.map((r) => indexLine(r.label, r)),
      WIDTHS,
      SIZE,
    ),
    ...open,
  ];
};
