import { AlignmentType, Document, Footer, Header, Packer, PageNumber, Paragraph, TextRun } from 'docx';
import { channelSection, complaintsSection } from './docx/count-sections';
import type { DocxContext, DocxSection } from './docx/docx-context';
import { BODY_SIZE, MM } from './docx/docx-parts';
import { headerBlock } from './docx/header-block';
import { index766Section } from './docx/index766-section';
import { methodsSection } from './docx/methods-section';
import { sectorSection, unitSection } from './docx/rate-sections';
import { signatureBlock } from './docx/signature-block';
import { chartParagraphs } from './report-charts';

export { docxRate } from './docx/docx-parts';
export type { DocxContext } from './docx/docx-context';

/**
 * The document from top to bottom, one section per entry (server/reports/docx/): the Decree 30
 * header block and title, the body sections 1–6, then "Nơi nhận:" and the signature. A chart of
 * the sector figures goes in as its own entry right after `sectorSection`, whose table ends it.
 */
export const DOCX_SECTIONS: readonly DocxSection[] = [
  headerBlock,
  sectorSection,
  (ctx) => chartParagraphs(ctx.report),
  unitSection,
  channelSection,
  complaintsSection,
  index766Section,
  methodsSection,
  signatureBlock,
];

/**
 * The periodic report as a Word document in the layout of Decree 30/2020/NĐ-CP: A4, margins
 * 20 / 20 / 30 / 15 mm, Times New Roman 13 pt justified, the page number centred at the top from
 * page 2. Its figures are the report's (report-data.ts), the same as /api/stats and the workbook.
 */
export async function reportDocx(ctx: DocxContext, sections: readonly DocxSection[] = DOCX_SECTIONS): Promise<Uint8Array<ArrayBuffer>> {
  const children = (await Promise.all(sections.map(async (s) => s(ctx)))).flat();
  const doc = new Document({
    creator: 'hailong',
    title: ctx.report.title.vi,
    styles: {
      default: { document: { run: { font: 'Times New Roman', size: BODY_SIZE }, paragraph: { alignment: AlignmentType.JUSTIFIED } } },
    },
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
        children,
      },
    ],
  });
  return new Uint8Array(await Packer.toArrayBuffer(doc));
}
