import type { LocalizedText } from '../../surveys/localized-text';

/** The words of the portal-figure checks, Vietnamese first (the same for the form and the sheet). */
export const PF = {
  invalid: { vi: 'Số liệu của Cổng chưa hợp lệ.', en: 'The portal figure is not valid.' },
  unit: { vi: 'Chọn đơn vị (mã số đơn vị).', en: 'Choose a unit (its id).' },
  unitCode: (code: string): LocalizedText =>
    code === ''
      ? { vi: 'Thiếu mã đơn vị.', en: 'The unit code is missing.' }
      : { vi: `Không có đơn vị đang hoạt động mang mã "${code}".`, en: `No unit in force has the code "${code}".` },
  outOfScope: (code: string): LocalizedText => ({
    vi: `Đơn vị "${code}" nằm ngoài phạm vi được phép.`,
    en: `Unit "${code}" is outside the units you may enter figures for.`,
  }),
  indicator: {
    vi: 'Chỉ số phải là R1, R2, R3 hoặc Trực tuyến (online).',
    en: 'The indicator must be R1, R2, R3 or online ("Trực tuyến").',
  },
  day: (which: 'from' | 'to'): LocalizedText =>
    which === 'from'
      ? { vi: 'Từ ngày phải có dạng YYYY-MM-DD (hoặc DD/MM/YYYY).', en: '"from" must be a date as YYYY-MM-DD (or DD/MM/YYYY).' }
      : { vi: 'Đến ngày phải có dạng YYYY-MM-DD (hoặc DD/MM/YYYY).', en: '"to" must be a date as YYYY-MM-DD (or DD/MM/YYYY).' },
  order: { vi: 'Từ ngày không được sau Đến ngày.', en: '"from" must not be after "to".' },
  value: {
    vi: 'Giá trị là tỷ lệ phần trăm từ 0 đến 100, ví dụ 85,3 hoặc 85.3.',
    en: 'The value is a percentage from 0 to 100, e.g. 85.3 or 85,3.',
  },
  note: { vi: 'Ghi chú tối đa 500 ký tự.', en: 'The note is 500 characters at most.' },
  notFound: { vi: 'Không tìm thấy số liệu này.', en: 'This figure does not exist.' },
  twice: (line: number): LocalizedText => ({
    vi: `Đơn vị, chỉ số và kỳ này đã có ở dòng ${line}.`,
    en: `Line ${line} already gives this unit, indicator and period.`,
  }),
  missingColumns: (columns: readonly string[]): LocalizedText => ({
    vi: `Thiếu cột: ${columns.join(', ')}.`,
    en: `Missing columns: ${columns.join(', ')}.`,
  }),
  empty: { vi: 'Tệp không có dòng số liệu nào.', en: 'The file has no rows of figures.' },
  tooMany: (max: number): LocalizedText => ({
    vi: `Tệp có quá ${max} dòng; xin chia nhỏ.`,
    en: `More than ${max} rows; please split the file.`,
  }),
  refused: {
    vi: 'Chưa nhập số liệu nào: có dòng chưa hợp lệ. Xin sửa và gửi lại cả tệp.',
    en: 'Nothing was imported: some lines are not valid. Fix them and send the whole file again.',
  },
  reason: {
    vi: 'Lý do phải là overdue, unsatisfied, complained, unrated, open, complaint_late hoặc complaint_unsatisfied.',
    en: '"reason" must be overdue, unsatisfied, complained, unrated, open, complaint_late or complaint_unsatisfied.',
  },
  periodNeeded: { vi: 'Cần Từ ngày và Đến ngày (from, to).', en: 'Give the period: from and to.' },
} as const;
