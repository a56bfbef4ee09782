import type { LocalizedText } from '../app/api-types';

/** The words of the exports page and of downloads, Vietnamese first. */
export const EXPORTS_STRINGS = {
  page_exports: { vi: 'Xuất dữ liệu', en: 'Exports' },
  // Downloads
  downloading: { vi: 'Đang tải', en: 'Downloading' },
  received: { vi: 'Đã nhận', en: 'Received' },
  rowsWord: { vi: 'dòng', en: 'rows' },
  downloadDone: { vi: 'Đã tải xong', en: 'Downloaded' },
  downloadCancelled: { vi: 'Đã hủy tải xuống.', en: 'Download cancelled.' },
  downloadFailed: { vi: 'Không tải được tệp', en: 'Could not download the file' },
  // Exports
  exportsTitle: { vi: 'Xuất phiếu trả lời theo bộ lọc', en: 'Export the answers for this filter' },
  exportsIntro: {
    vi: 'Mỗi phiếu một dòng, đúng bộ lọc phía trên (kể cả phiếu bị gắn cờ, có cột flags). Tệp được gửi dần nên tệp lớn cũng không làm chậm máy chủ.',
    en: 'One row per response, for the filter above (flagged responses included, with a flags column). Files stream, so large ones do not slow the server.',
  },
  format: { vi: 'Định dạng', en: 'Format' },
  format_csv: { vi: 'CSV (UTF-8, mở được bằng Excel)', en: 'CSV (UTF-8, opens in Excel)' },
  format_xlsx: { vi: 'Excel (.xlsx): phiếu, tỷ lệ và sổ mã', en: 'Excel (.xlsx): responses, rates and codebook' },
  format_sav: { vi: 'SPSS (.sav), có nhãn biến và nhãn giá trị', en: 'SPSS (.sav), with variable and value labels' },
  format_codebook: { vi: 'Sổ mã biến (JSON)', en: 'Codebook (JSON)' },
  csvOptions: { vi: 'Tùy chọn CSV', en: 'CSV options' },
  csvLabels: { vi: 'Thêm dòng tiêu đề thứ hai bằng nhãn tiếng Việt', en: 'Add a second header row of Vietnamese labels' },
  csvCodes: { vi: 'Ghi "Không ý kiến" bằng mã số (như SPSS)', en: 'Write "no opinion" as its numeric code (as in SPSS)' },
  startDownload: { vi: 'Tải xuống', en: 'Download' },
  codebookPage: { vi: 'Xem sổ mã biến (trang đọc được)', en: 'Read the codebook (web page)' },
} satisfies Record<string, LocalizedText>;
