import { displayInstant, displayRange } from '../../../surveys/date-display';
import { bodyParagraph, docxCount, heading } from './docx-parts';
import type { DocxSection } from './docx-context';

/** 6. How the figures were computed: the same words as the printable page's methods note (report-data.ts). */
export const methodsSection: DocxSection = ({ report }) => {
  const m = report.methods;
  const versions = m.surveyVersions.map((v) => `${v.title.vi} (phiên bản ${v.version}, ${displayRange(v.from, v.to, 'vi')})`).join('; ');
  return [
    heading('6. Ghi chú phương pháp'),
    bodyParagraph(
      `Kỳ báo cáo: ${displayRange(report.period.from, report.period.to, 'vi')}; ${docxCount(m.n)} phiếu hợp lệ. ${m.rule.vi} ` +
        `${m.interval.vi}. ${m.verdict.vi}`,
    ),
    bodyParagraph(m.weighting.vi),
    ...(m.units ? [bodyParagraph(m.units.vi)] : []),
    ...(report.excluded.flagged > 0
      ? [bodyParagraph(`${docxCount(report.excluded.flagged)} phiếu bị gắn cờ (gửi dồn dập) không được tính.`)]
      : []),
    bodyParagraph(`Phiếu khảo sát đã dùng: ${versions || 'không có'}.`),
    bodyParagraph(`Số liệu lập lúc ${displayInstant(report.generatedAt, 'vi')} (giờ Việt Nam) từ hệ thống hailong.`, { italics: true }),
  ];
};
