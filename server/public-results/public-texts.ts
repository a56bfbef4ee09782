import type { LocalizedText } from '../../surveys/localized-text';

/** Every word of the public results page, Vietnamese first. */
export const P = {
  title: { vi: 'Công khai mức độ hài lòng', en: 'Public satisfaction results' },
  intro: {
    vi: 'Tỷ lệ người dân, tổ chức hài lòng với dịch vụ hành chính công, theo lĩnh vực, so với chỉ tiêu của tỉnh.',
    en: 'The share of citizens and organisations satisfied with public administrative services, by sector, against the province’s targets.',
  },
  sector: { vi: 'Lĩnh vực', en: 'Sector' },
  overall: { vi: 'Chung', en: 'Overall' },
  rate: { vi: 'Tỷ lệ hài lòng', en: 'Satisfied' },
  target: { vi: 'Chỉ tiêu', en: 'Target' },
  verdict: { vi: 'Kết quả', en: 'Verdict' },
  interval: { vi: 'khoảng tin cậy 95 %', en: '95 % interval' },
  answers: { vi: 'ý kiến', en: 'answers' },
  trend: { vi: 'Theo quý (tỷ lệ chung)', en: 'By quarter (overall rate)' },
  trendBySector: {
    vi: 'Theo lĩnh vực và quý (“ẩn”: chưa công bố, xem ghi chú cuối trang)',
    en: 'By sector and quarter (“hidden”: not shown, see the note below)',
  },
  hiddenShort: { vi: 'ẩn', en: 'hidden' },
  children: { vi: 'Các đơn vị trực thuộc', en: 'Units below' },
  complaints: { vi: 'Người dân nói, chúng tôi làm', en: 'You said, we did' },
  received: { vi: 'Phản ánh nhận được', en: 'Complaints received' },
  answered: { vi: 'Đã trả lời', en: 'Answered' },
  onTime: { vi: 'Trả lời đúng hạn', en: 'Answered on time' },
  outcomes: { vi: 'Kết quả xử lý một số phản ánh', en: 'What some complaints led to' },
  noAnswers: { vi: 'Chưa có ý kiến', en: 'No answers yet' },
  rule: {
    vi: 'Để bảo vệ người trả lời, tỷ lệ dựa trên dưới {t} ý kiến không được công bố, và một số ô khác cũng được ẩn để không thể suy ra ô đó.',
    en: 'To protect those who answered, a rate from fewer than {t} answers is not shown, and some other figures are hidden too so that it cannot be worked out.',
  },
  up: { vi: 'Lên đơn vị cấp trên', en: 'Up one level' },
  json: { vi: 'Số liệu dạng JSON', en: 'Figures as JSON' },
  otherLang: { vi: 'English', en: 'Tiếng Việt' },
  disabled: {
    vi: 'Đơn vị chưa bật trang công khai kết quả khảo sát.',
    en: 'This agency has not turned on its public results page.',
  },
  disabledTitle: { vi: 'Chưa công khai', en: 'Not published' },
  notFoundTitle: { vi: 'Không tìm thấy', en: 'Not found' },
  unitNotFound: { vi: 'Không tìm thấy đơn vị.', en: 'Unit not found.' },
} satisfies Record<string, LocalizedText>;
