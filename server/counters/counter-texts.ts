import type { LocalizedText } from '../../surveys/localized-text';

/** What the counters API says to an administrator, Vietnamese first. */
export const CT = {
  notFound: { vi: 'Không tìm thấy quầy.', en: 'Counter not found.' },
  unknownUnit: { vi: 'Không tìm thấy đơn vị đã chọn.', en: 'The unit chosen does not exist.' },
  unknownUnitCode: (code: string): LocalizedText => ({
    vi: `Không có đơn vị nào mã "${code}".`,
    en: `No unit has the code "${code}".`,
  }),
  retiredUnit: (name: string): LocalizedText => ({
    vi: `Đơn vị "${name}" đã ngừng hoạt động: xin chọn đơn vị đang hoạt động.`,
    en: `The unit "${name}" is no longer in force: choose a unit in force.`,
  }),
  outOfScope: {
    vi: 'Bạn chỉ quản lý được quầy thuộc đơn vị của mình.',
    en: 'You can only manage counters of your own units.',
  },
  noSectors: { vi: 'Xin chọn ít nhất một lĩnh vực cho quầy.', en: 'Choose at least one sector for the counter.' },
  unknownSectors: (codes: readonly string[]): LocalizedText => ({
    vi: `Lĩnh vực chưa có trong danh mục: ${codes.join(', ')}.`,
    en: `Sectors not in the list: ${codes.join(', ')}.`,
  }),
  unknownSurvey: (key: string): LocalizedText => ({
    vi: `Không có phiếu khảo sát "${key}".`,
    en: `There is no survey "${key}".`,
  }),
  noName: { vi: 'Xin nhập tên quầy.', en: 'Enter the counter’s name.' },
  longName: { vi: 'Tên quầy dài quá 120 ký tự.', en: 'The counter’s name is longer than 120 characters.' },
  badCode: (code: string): LocalizedText => ({
    vi: `Mã quầy "${code}" chưa đúng: 2–63 ký tự, chữ thường không dấu, số và dấu "-", không bắt đầu bằng "-".`,
    en: `The counter code "${code}" is not valid: 2–63 characters, lower-case letters, digits and "-", not starting with "-".`,
  }),
  codeTaken: (code: string): LocalizedText => ({
    vi: `Mã quầy "${code}" đã có quầy khác dùng: xin chọn mã khác.`,
    en: `The counter code "${code}" is used by another counter: choose another code.`,
  }),
  codeTwice: (line: number): LocalizedText => ({
    vi: `Mã quầy trùng với dòng ${line}.`,
    en: `Same counter code as line ${line}.`,
  }),
  badKiosk: {
    vi: 'Cột kiosk chỉ nhận: có / không (1 / 0).',
    en: 'The kiosk column takes yes / no (1 / 0) only.',
  },
  missingColumns: (columns: readonly string[]): LocalizedText => ({
    vi: `Tệp thiếu cột: ${columns.join(', ')}.`,
    en: `Columns missing from the file: ${columns.join(', ')}.`,
  }),
  sheetRefused: {
    vi: 'Chưa lưu dòng nào: có dòng chưa hợp lệ. Xin sửa và gửi lại cả tệp.',
    en: 'Nothing was saved: some rows are not valid. Fix them and send the whole file again.',
  },
  emptySheet: { vi: 'Tệp không có dòng quầy nào.', en: 'The file has no counter rows.' },
} as const;
