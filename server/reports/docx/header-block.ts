import { Paragraph, Table, TableCell, TableRow, WidthType } from 'docx';
import { documentDate } from '../../../surveys/date-display';
import { reportSubject } from '../../../surveys/report-title';
import { centred, NO_BORDERS, NO_CELL_BORDERS, TITLE_SIZE } from './docx-parts';
import type { DocxSection } from './docx-context';

/**
 * The header block of Decree 30/2020/NĐ-CP (Appendix I): on the left the agency above (if any)
 * and the issuing agency in bold capitals, then "Số: 12/BC-UBND"; on the right the national
 * motto, and the place and date in italics; then "BÁO CÁO" and the subject line.
 */
export const headerBlock: DocxSection = ({ report, settings, number, day }) => {
  const left = [
    ...(settings.superiorAgency ? [centred(settings.superiorAgency.toLocaleUpperCase('vi'), { size: 26 })] : []),
    centred(settings.agency.toLocaleUpperCase('vi'), { bold: true, size: 26 }),
    // The short rule under the agency's name (Decree 30: a third to half of the line, centred).
    centred('———', { size: 16 }),
    centred(`Số: ${number ?? '\u00a0'.repeat(6)}/${settings.numberSuffix}`),
  ];
  const right = [
    centred('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true, size: 24 }),
    centred('Độc lập - Tự do - Hạnh phúc', { bold: true, underline: true }),
    centred(''),
    centred(`${settings.place}, ${documentDate(day)}`, { italics: true }),
  ];
  const header = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: NO_BORDERS,
    rows: [
      new TableRow({
        children: [
          new TableCell({ width: { size: 40, type: WidthType.PERCENTAGE }, borders: NO_CELL_BORDERS, children: left }),
          new TableCell({ width: { size: 60, type: WidthType.PERCENTAGE }, borders: NO_CELL_BORDERS, children: right }),
        ],
      }),
    ],
  });
  return [
    header,
    new Paragraph({ spacing: { before: 240 }, children: [] }),
    centred('BÁO CÁO', { bold: true, size: TITLE_SIZE }),
    centred(reportSubject(report.period.phrase), { bold: true, size: TITLE_SIZE }),
    centred('———', { size: 16 }),
    ...(report.unit ? [centred(`(${report.unit.name})`, { italics: true })] : []),
  ];
};
