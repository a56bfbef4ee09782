import { bodyParagraph, docxCount, docxPercent, heading, num, wordTable } from './docx-parts';
import type { DocxSection } from './docx-context';

/** 3. Valid answers by channel (QR, kiosk, web, paper, interviewer). */
export const channelSection: DocxSection = ({ report }) => {
  const total = report.byChannel.reduce((s, c) => s + c.n, 0);
  return [
    heading('3. Số phiếu theo kênh'),
    ...(report.byChannel.length === 0
      ? [bodyParagraph('Không có phiếu trong kỳ.')]
      : [
          wordTable(
            ['Kênh', 'Số phiếu hợp lệ', 'Tỷ trọng'],
            [
              ...report.byChannel.map((c) => [c.label.vi, num(docxCount(c.n)), num(docxPercent(total > 0 ? (c.n / total) * 100 : null))]),
              [{ lines: ['Tổng cộng'], bold: true }, num(docxCount(total), true), num(docxPercent(total > 0 ? 100 : null), true)],
            ],
            [50, 25, 25],
          ),
        ]),
  ];
};

/** 4. Complaints (phản ánh, kiến nghị) of the period: open and overdue at its end, answered and on time within it. */
export const complaintsSection: DocxSection = ({ report }) => {
  const c = report.complaints;
  return [
    heading('4. Tiếp nhận và xử lý phản ánh, kiến nghị'),
    wordTable(
      ['Nội dung', 'Số lượng'],
      [
        ['Phản ánh, kiến nghị đang mở (cuối kỳ)', num(docxCount(c.open))],
        ['Trong đó quá hạn', num(docxCount(c.overdue))],
        ['Đã trả lời trong kỳ', num(docxCount(c.answered))],
        ['Trả lời đúng hạn', num(docxCount(c.answeredOnTime))],
        ['Tỷ lệ trả lời đúng hạn', num(docxPercent(c.answeredOnTimeShare === null ? null : c.answeredOnTimeShare * 100))],
      ],
      [70, 30],
    ),
    bodyParagraph(report.methods.complaints.vi, { italics: true }),
  ];
};
