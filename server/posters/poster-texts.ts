import type { LocalizedText } from '../../surveys/localized-text';

/** Words of the posters and their refusals, Vietnamese first. */
export const P = {
  inviteHead: { vi: 'Quét mã để đánh giá sự hài lòng', en: 'Scan to rate our service' },
  /** {time} is the form's own length (surveys/answer-time.ts), never a fixed promise. */
  inviteTail: { vi: 'Chỉ mất {time} · không cần ghi tên', en: '{time}, anonymous' },
  orOpen: { vi: 'Hoặc mở địa chỉ này trên điện thoại', en: 'Or open this address on your phone' },
  sectors: { vi: 'Lĩnh vực', en: 'Sectors' },
  privacy: {
    vi: 'Phiếu ẩn danh: không hỏi tên, không lưu địa chỉ IP.',
    en: 'Anonymous: no name asked, no IP address stored.',
  },
  resultsAt: { vi: 'Kết quả khảo sát của đơn vị được công khai tại', en: 'This unit’s survey results are public at' },
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
  addressUnsetTitle: { vi: 'Chưa đặt địa chỉ công khai HAILONG_PUBLIC_URL', en: 'HAILONG_PUBLIC_URL (the public address) is not set' },
  addressUnset: {
    vi: 'Mã QR dưới đây trỏ tới {base}, là địa chỉ trang này vừa được mở. Nếu điện thoại của người dân không mở được địa chỉ đó, họ sẽ không quét được. Trước khi in, xin đặt biến môi trường HAILONG_PUBLIC_URL là địa chỉ người dân mở được (ví dụ https://hailong.hungyen.gov.vn) rồi khởi động lại hailong.',
    en: "The QR code below points to {base}, the address this page was opened at. If citizens' phones cannot open that address, the code will not work for them. Before printing, set the environment variable HAILONG_PUBLIC_URL to an address citizens can open (e.g. https://hailong.hungyen.gov.vn) and restart hailong.",
  },
  addressLocalTitle: { vi: 'HAILONG_PUBLIC_URL chỉ mở được trên chính máy chủ', en: 'HAILONG_PUBLIC_URL only works on the server itself' },
  addressLocal: {
    vi: 'HAILONG_PUBLIC_URL đang là {base}: chỉ chính máy chủ mở được địa chỉ này, điện thoại của người dân thì không. Trước khi in, xin đặt HAILONG_PUBLIC_URL là địa chỉ người dân mở được (ví dụ https://hailong.hungyen.gov.vn) rồi khởi động lại hailong.',
    en: "HAILONG_PUBLIC_URL is {base}: only the server itself can open that address, citizens' phones cannot. Before printing, set HAILONG_PUBLIC_URL to an address citizens can open (e.g. https://hailong.hungyen.gov.vn) and restart hailong.",
  },
  badDossier: {
    vi: 'Mã hồ sơ không đúng định dạng. Ví dụ đúng: 000.00.17.H31-230101-0001.',
    en: 'The dossier code is malformed. It looks like 000.00.17.H31-230101-0001.',
  },
} satisfies Record<string, LocalizedText>;
