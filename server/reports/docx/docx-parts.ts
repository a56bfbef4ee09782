import { AlignmentType, BorderStyle, Paragraph, Table, TableCell, TableRow, TextRun, VerticalAlign, WidthType } from 'docx';
import { shownRate } from '../../../surveys/rate-precision';

/** What a section of the Word report is made of: paragraphs and tables, in order. */
export type DocxBlock = Paragraph | Table;

export const MM = 56.7; // twips per millimetre
/** Half-points, as docx counts font sizes: 13 pt body, 12 pt tables, 14 pt title. */
export const BODY_SIZE = 26;
export const TABLE_SIZE = 24;
export const TITLE_SIZE = 28;
/** First-line indent of a body paragraph: 1 cm. */
const FIRST_LINE = Math.round(10 * MM);

const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' } as const;
export const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };
export const NO_CELL_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE };

const viFixed = (v: number, digits: number) =>
  new Intl.NumberFormat('vi-VN', { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(v);
const percent = (text: string) => `${text}\u00a0%`;

/** A count in Vietnamese notation: "1.234". */
export const docxCount = (n: number) => new Intl.NumberFormat('vi-VN').format(n);
/** A rate as the print page shows it (surveys/rate-precision.ts), "85,3 %". */
export const docxRate = (rate: number | null, target: number | null) => {
  if (rate === null) return '—';
  const s = shownRate(rate, target);
  return percent(viFixed(s.value, s.digits));
};
/** A share to one decimal, "85,3 %". */
export const docxPercent = (v: number | null) => (v === null ? '—' : percent(viFixed(v, 1)));
/** A target as the print page writes it: "90 %", "87,5 %". */
export const docxTarget = (v: number | null) =>
  v === null ? '—' : percent(new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 }).format(v));
/** A 95 % interval, "80,1 – 88,2 %". */
export const docxInterval = (i: { low: number; high: number } | null) =>
  i ? percent(`${viFixed(i.low, 1)} – ${viFixed(i.high, 1)}`) : '—';

interface RunStyle {
  bold?: boolean;
  italics?: boolean;
  underline?: boolean;
  size?: number;
}
const run = (text: string, s: RunStyle = {}) =>
  new TextRun({ text, bold: s.bold, italics: s.italics, size: s.size, underline: s.underline ? {} : undefined });

export const centred = (text: string, s: RunStyle = {}) => new Paragraph({ alignment: AlignmentType.CENTER, children: [run(text, s)] });

/** A body paragraph: justified (the document's default), first line indented, 6 pt after. */
export const bodyParagraph = (text: string, s: RunStyle = {}) =>
  new Paragraph({ indent: { firstLine: FIRST_LINE }, spacing: { after: 120 }, children: [run(text, s)] });

/** A section heading of the body, bold, indented as a body paragraph. */
export const heading = (text: string) =>
  new Paragraph({
    indent: { firstLine: FIRST_LINE },
    spacing: { before: 120, after: 120 },
    keepNext: true,
    children: [run(text, { bold: true })],
  });

/** A table cell: its text in one or more lines; figures right-aligned. */
export interface CellText {
  lines: string[];
  bold?: boolean;
  align?: 'left' | 'center' | 'right';
}
const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;
const asCell = (c: string | CellText): CellText => (typeof c === 'string' ? { lines: [c] } : c);

function tableCell(c: CellText, width: number, size: number, header: boolean) {
  return new TableCell({
    width: { size: width, type: WidthType.PERCENTAGE },
    verticalAlign: VerticalAlign.CENTER,
    margins: { left: 80, right: 80, top: 20, bottom: 20 },
    children: c.lines.map(
      (l) =>
        new Paragraph({
          alignment: ALIGN[c.align ?? (header ? 'center' : 'left')],
          children: [run(l, { bold: header || c.bold, size })],
        }),
    ),
  });
}

/**
 * A real Word table a reader can edit: a bold header row repeated on each page, then the rows.
 * `widths` are the columns' shares of the text width, in percent.
 */
export function wordTable(headers: string[], rows: (string | CellText)[][], widths: number[], size = TABLE_SIZE): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: headers.map((h, i) => tableCell({ lines: [h] }, widths[i]!, size, true)),
      }),
      ...rows.map((r) => new TableRow({ cantSplit: true, children: r.map((c, i) => tableCell(asCell(c), widths[i]!, size, false)) })),
    ],
  });
}

/** A figure's cell: right-aligned, bold on a total line. */
export const num = (text: string, bold = false): CellText => ({ lines: [text], align: 'right', bold });
