import type { LocalizedText } from '../../surveys/localized-text';

/** Words of the posters and their refusals, Vietnamese first. */
export const P = {
  inviteHead: { vi: 'Quét mã để đánh giá sự hài lòng', en: 'Scan to rate our service' },
  inviteTail: { vi: 'Chỉ 1 phút · không cần ghi tên', en: 'One minute, anonymous' },
  orOpen: { vi: 'Hoặc mở địa chỉ này trên điện thoại', en: 'Or open this address on your phone' },
  sectors: { vi: 'Lĩnh vực', en: 'Sectors' },
  privacy: {
    vi: 'Phiếu ẩn danh: không hỏi tên, không lưu địa chỉ IP.',
    en: 'Anonymous: no name asked, no IP address stored.',
  },
  print: { vi: 'In áp phích', en: 'Print' },
  downloadSvg: { vi: 'Tải mã QR (SVG)', en: 'Download QR (SVG)' },
  downloadPng: { vi: 'Tải mã QR (PNG)', en: 'Download QR (PNG)' },
  paper: { vi: 'Khổ giấy', en: 'Paper' },
  printHint: {
    vi: 'Mỗi áp phích in trên một trang. Chọn “Không lề / thu phóng 100%” khi in.',
    en: 'One poster per printed page. Print at 100% scale.',
  },
  noCounters: {
    vi: 'Đơn vị này và các đơn vị trực thuộc chưa có quầy nào đang nhận đánh giá.',
    en: 'This unit and the units under it have no counter taking ratings.',
  },
  counterNotFound: {
    vi: 'Không tìm thấy quầy này, hoặc quầy đã ngừng nhận đánh giá. Xin kiểm tra lại mã quầy.',
    en: 'No such counter, or it no longer takes ratings. Please check the counter code.',
  },
  unitNotFound: {
    vi: 'Không tìm thấy đơn vị này.',
    en: 'No such unit.',
  },
  badDossier: {
    vi: 'Mã hồ sơ không đúng định dạng. Ví dụ đúng: 000.00.17.H31-230101-0001.',
    en: 'The dossier code is malformed. It looks like 000.00.17.H31-230101-0001.',
  },
} satisfies Record<string, LocalizedText>;
