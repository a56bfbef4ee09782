import type { LocalizedText } from '../app/api-types';

/** The words of the imports page, Vietnamese first. */
export const IMPORTS_STRINGS = {
  page_imports: { vi: 'Nhập tệp', en: 'Import' },
  // Imports
  importTitle: { vi: 'Nhập kết quả khảo sát giấy (CSV, Excel)', en: 'Import paper-survey results (CSV, Excel)' },
  importIntro: {
    vi: 'Tên cột như tệp xuất của hailong: submitted_at (YYYY-MM-DD), mã các câu hỏi hoặc tên biến trong tệp xuất như sipas_overall (1–5; "Không ý kiến" ghi 9 hoặc chữ), comment, dossier_code, sector, channel (paper: phiếu giấy, mặc định khi nhập vào quầy; interviewer: điều tra viên, mặc định khi nhập vào đợt điều tra); với đợt điều tra thêm unit_code. Cả tệp được kiểm tra từng dòng: hoặc nhập hết, hoặc không nhập dòng nào.',
    en: 'Columns named as in hailong’s exports: submitted_at (YYYY-MM-DD), the question keys or their export names such as sipas_overall (1–5; no opinion as 9 or in words), comment, dossier_code, sector, channel (paper: paper forms, the default for a counter; interviewer: the default for a wave); for a wave also unit_code. Every row is checked: the whole file is imported, or none of it.',
  },
  importInto: { vi: 'Nhập vào', en: 'Import into' },
  importCounter: { vi: 'Quầy (phiếu giấy tại quầy)', en: 'A counter (paper forms at the counter)' },
  importWave: { vi: 'Đợt điều tra xã hội học', en: 'A survey wave' },
  chooseCounter: { vi: 'Chọn quầy…', en: 'Choose a counter…' },
  chooseWave: { vi: 'Chọn đợt…', en: 'Choose a wave…' },
  file: { vi: 'Tệp CSV hoặc Excel (tối đa 10 MB)', en: 'CSV or Excel file (10 MB at most)' },
  check: { vi: 'Kiểm tra', en: 'Check' },
  doImport: { vi: 'Nhập', en: 'Import' },
  working: { vi: 'Đang xử lý…', en: 'Working…' },
  checkFirst: { vi: 'Kiểm tra tệp trước khi nhập.', en: 'Check the file before importing.' },
  checkedOk: { vi: 'Tệp hợp lệ: {v}/{r} dòng sẽ được nhập.', en: 'The file is valid: {v} of {r} rows will be imported.' },
  importedOk: {
    vi: 'Đã nhập {s} phiếu ({a} phiếu đã có từ lần nhập trước).',
    en: 'Imported {s} responses ({a} were already imported before).',
  },
  importCasesOpened: {
    vi: 'Đã mở {c} phản ánh cho phiếu tại quầy có đánh giá mức 1–2 còn trong thời hạn xử lý.',
    en: 'Opened {c} complaint cases for counter forms rated 1–2 still within the time to answer one.',
  },
  importCasesRule: {
    vi: 'Phiếu giấy tại quầy có đánh giá mức 1–2 và còn trong thời hạn xử lý phản ánh sẽ tự mở phản ánh; phiếu cũ hơn và phiếu điều tra xã hội học thì không.',
    en: 'A counter’s paper form rated 1–2 that is still within the time to answer a complaint opens a case by itself; older forms and survey-wave interviews do not.',
  },
  importRejected: {
    vi: 'Chưa nhập dòng nào: {p} lỗi trong {r} dòng. Xin sửa tệp rồi gửi lại cả tệp.',
    en: 'Nothing imported: {p} problems in {r} rows. Fix the file and send the whole file again.',
  },
  problemsCaption: { vi: 'Các dòng chưa hợp lệ: dòng, cột và lý do', en: 'Rows that are not valid: line, column and why' },
  line: { vi: 'Dòng', en: 'Line' },
  column: { vi: 'Cột', en: 'Column' },
  reason: { vi: 'Lý do', en: 'Why' },
} satisfies Record<string, LocalizedText>;
