import type { LocalizedText } from '../app/api-types';

/** The words of the reports page, Vietnamese first. */
export const REPORTS_STRINGS = {
  page_reports: { vi: 'Báo cáo', en: 'Reports' },
  // Reports
  reportTitle: { vi: 'Báo cáo định kỳ', en: 'Periodic report' },
  reportIntro: {
    vi: 'Kỳ báo cáo theo Nghị định 09/2019/NĐ-CP: số liệu từ ngày 15 tháng trước kỳ đến ngày 14 tháng cuối kỳ. Có thể chọn khoảng ngày bất kỳ.',
    en: 'Report periods follow Decree 09/2019: data from the 15th of the month before the period to the 14th of its last month. Any date range works too.',
  },
  reportKind: { vi: 'Loại báo cáo', en: 'Report' },
  report_custom: { vi: 'Khoảng ngày tùy chọn', en: 'Custom date range' },
  openPrintable: { vi: 'Mở bản in', en: 'Open printable' },
  downloadExcel: { vi: 'Tải Excel', en: 'Download Excel' },
  downloadWord: { vi: 'Tải Word (để ký)', en: 'Download Word (to sign)' },
  docNumber: { vi: 'Số văn bản (không bắt buộc)', en: 'Document number (optional)' },
  // Who issues and signs the Word report (Decree 30/2020/NĐ-CP)
  rsTitle: { vi: 'Thông tin ban hành báo cáo Word', en: 'Word report issuer and signer' },
  rsIntro: {
    vi: 'Tên cơ quan, số ký hiệu, địa danh và người ký in trên báo cáo Word theo Nghị định 30/2020/NĐ-CP.',
    en: 'The agency, number suffix, place and signer printed on the Word report (Decree 30/2020).',
  },
  rsSuperiorAgency: { vi: 'Cơ quan chủ quản (nếu có)', en: 'Superior agency (if any)' },
  rsAgency: { vi: 'Cơ quan ban hành', en: 'Issuing agency' },
  rsNumberSuffix: { vi: 'Ký hiệu sau số (BC-UBND)', en: 'Number suffix (BC-UBND)' },
  rsPlace: { vi: 'Địa danh', en: 'Place name' },
  rsSignerAuthority: { vi: 'Quyền hạn ký (KT. CHỦ TỊCH)', en: 'Signing authority (KT. CHỦ TỊCH)' },
  rsSignerTitle: { vi: 'Chức vụ người ký', en: 'Signer’s title' },
  rsSignerName: { vi: 'Họ tên người ký', en: 'Signer’s name' },
  rsRecipients: { vi: 'Nơi nhận (mỗi dòng một nơi)', en: 'Recipients (one per line)' },
  rsSave: { vi: 'Lưu', en: 'Save' },
  rsSaved: { vi: 'Đã lưu.', en: 'Saved.' },
  due: { vi: 'Hạn nộp', en: 'Due' },
  byUnit: { vi: 'Theo đơn vị', en: 'By unit' },
  byChannel: { vi: 'Số phiếu theo kênh', en: 'Answers by channel' },
  commentsSummary: { vi: 'Góp ý', en: 'Comments' },
  commentsLine: { vi: '{t} góp ý, trong đó {d} từ người chưa hài lòng.', en: '{t} comments, {d} of them from people not satisfied.' },
  reportWaves: {
    vi: 'Điều tra xã hội học trong kỳ (gia quyền, báo cáo riêng)',
    en: 'Survey waves in the period (weighted, reported apart)',
  },
  methods: { vi: 'Ghi chú phương pháp', en: 'Methods note' },
  none: { vi: 'Không có.', en: 'None.' },
  reportUnitCaption: { vi: 'Tỷ lệ hài lòng theo đơn vị trong kỳ báo cáo', en: 'Satisfaction rate by unit in the report period' },
} satisfies Record<string, LocalizedText>;
