import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { shownRate } from '../../surveys/rate-precision';
import { VERDICT_WORDS } from '../../surveys/verdict-words';
import { chartParagraphs } from './report-charts';
import type { PeriodicReport } from './report-data';

const MM = 56.7; // twips per millimetre
const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' } as const;
const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };

const vi = (v: number, digits: number) =>
  new Intl.NumberFormat('vi-VN', { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(v);
/** A rate as the print page shows it (surveys/rate-precision.ts), "85,3 %". */
export const docxRate = (rate: number | null, target: number | null) => {
  if (rate === null) return '—';
  const s = shownRate(rate, target);
  return `${vi(s.value, s.digits)}\u00a0%`;
};

const centred = (text: string, run: { bold?: boolean; italics?: boolean; underline?: boolean; size?: number } = {}) =>
  new Paragraph({
    alignment: AlignmentType.CENTER,
    children: [new TextRun({ text, bold: run.bold, italics: run.italics, size: run.size, underline: run.underline ? {} : undefined })],
  });

const cell = (text: string, bold = false) => new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold })] })] });

/** The periodic report as a Word document in the layout of Decree 30/2020/NĐ-CP (A4, Times New Roman 13 pt). */
export async function reportDocx(report: PeriodicReport, place: string, day: Date): Promise<Uint8Array<ArrayBuffer>> {
  const agency = report.tenant.toUpperCase();
  const d = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: 'numeric', year: 'numeric' })
    .formatToParts(day)
    .reduce<Record<string, string>>((a, p) => ({ ...a, [p.type]: p.value }), {});
  const header = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: NO_BORDERS,
    rows: [
      new TableRow({
        children: [
          new TableCell({
            width: { size: 40, type: WidthType.PERCENTAGE },
            children: [centred(agency, { bold: true }), centred('Số:      /BC-UBND')],
          }),
          new TableCell({
            width: { size: 60, type: WidthType.PERCENTAGE },
            children: [
              centred('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true, size: 24 }),
              centred('Độc lập - Tự do - Hạnh phúc', { bold: true, underline: true }),
              centred(`${place}, ngày ${d.day} tháng ${d.month} năm ${d.year}`, { italics: true }),
            ],
          }),
        ],
      }),
    ],
  });
  const sectors = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({
        tableHeader: true,
        children: ['Lĩnh vực', 'Số phiếu', 'Tỷ lệ hài lòng', 'Chỉ tiêu', 'Đánh giá'].map((h) => cell(h, true)),
      }),
      ...report.bySector.map(
        (r) =>
          new TableRow({
            children: [
              cell(r.label),
              cell(new Intl.NumberFormat('vi-VN').format(r.n)),
              cell(docxRate(r.rate, r.target)),
              cell(docxRate(r.target, null)),
              cell(VERDICT_WORDS[r.verdict].vi),
            ],
          }),
      ),
    ],
  });
  const doc = new Document({
    styles: { default: { document: { run: { font: 'Times New Roman', size: 26 }, paragraph: { alignment: AlignmentType.JUSTIFIED } } } },
    sections: [
      {
        properties: {
          titlePage: true,
          page: { size: { width: 11906, height: 16838 }, margin: { top: 20 * MM, bottom: 20 * MM, left: 30 * MM, right: 15 * MM } },
        },
        headers: {
          first: new Header({ children: [new Paragraph('')] }),
          default: new Header({
            children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT] })] })],
          }),
        },
        footers: { default: new Footer({ children: [] }) },
        children: [
          header,
          centred('BÁO CÁO', { bold: true }),
          centred(report.title.vi, { bold: true }),
          new Paragraph({
            indent: { firstLine: 567 },
            children: [new TextRun({ text: '1. Kết quả theo lĩnh vực so với chỉ tiêu', bold: true })],
          }),
          sectors,
          ...(await chartParagraphs(report)),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toArrayBuffer(doc));
}
