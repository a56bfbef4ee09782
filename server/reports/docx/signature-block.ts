import { AlignmentType, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { recipientLines } from '../../../surveys/report-settings';
import { centred, NO_BORDERS, NO_CELL_BORDERS } from './docx-parts';
import type { DocxSection } from './docx-context';

/**
 * The foot of the report (Decree 30/2020/NĐ-CP, Appendix I): "Nơi nhận:" and its lines at the
 * bottom left (12 pt bold italic, 11 pt), the signer's authority and title in bold capitals at the
 * right, room for the signature and seal, then the signer's name: a two-column table without borders.
 */
export const signatureBlock: DocxSection = ({ settings }) => {
  const recipients = [
    new Paragraph({ alignment: AlignmentType.LEFT, children: [new TextRun({ text: 'Nơi nhận:', bold: true, italics: true, size: 24 })] }),
    ...recipientLines(settings.recipients).map(
      (text) => new Paragraph({ alignment: AlignmentType.LEFT, children: [new TextRun({ text, size: 22 })] }),
    ),
  ];
  const signer = [
    ...(settings.signerAuthority ? [centred(settings.signerAuthority.toLocaleUpperCase('vi'), { bold: true })] : []),
    centred(settings.signerTitle.toLocaleUpperCase('vi'), { bold: true }),
    // Room for the signature and the seal.
    ...Array.from({ length: 4 }, () => centred('')),
    centred(settings.signerName, { bold: true }),
  ];
  return [
    new Paragraph({ spacing: { before: 240 }, children: [] }),
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      borders: NO_BORDERS,
      rows: [
        new TableRow({
          cantSplit: true,
          children: [
            new TableCell({ width: { size: 50, type: WidthType.PERCENTAGE }, borders: NO_CELL_BORDERS, children: recipients }),
            new TableCell({ width: { size: 50, type: WidthType.PERCENTAGE }, borders: NO_CELL_BORDERS, children: signer }),
          ],
        }),
      ],
    }),
  ];
};
