import type { LocalizedText } from '../app/api-types';

/** The words of the reorganisation sheet import on the unit tree page, Vietnamese first. */
export const REORGANISATION_IMPORT_STRINGS = {
  reorgSheetTitle: { vi: 'Nhập đợt sắp xếp từ bảng tính', en: 'Import a reorganisation from a sheet' },
  reorgSheetIntro: {
    vi: 'Tệp CSV (UTF-8) hoặc Excel (.xlsx), mỗi dòng một đơn vị cũ → một đơn vị mới, với các cột old_code, new_code, share (tỷ lệ, mặc định 1; 0,6 hoặc 60%), new_name, new_kind, parent_code, effective_on, note và counter_code (quầy của đơn vị bị chia tách chuyển sang đơn vị mới nào). Nhiều mã cũ → một mã mới là sáp nhập, một mã cũ → nhiều mã mới là chia tách, cùng mã là đổi tên hoặc chuyển cấp trên, mã khác là đổi mã. Hãy kiểm tra trước: không có gì được ghi cho đến khi bạn bấm Ghi nhận, và chỉ cần một dòng sai là không đợt nào được ghi.',
    en: 'A CSV (UTF-8) or Excel (.xlsx) file, one old unit → one new unit a line, with the columns old_code, new_code, share (default 1; 0.6, 0,6 or 60%), new_name, new_kind, parent_code, effective_on, note and counter_code (which new unit a counter of a split unit goes to). Several old codes → one new code is a merge, one old code → several new codes a split, the same code a rename or a move, another code a recode. Check first: nothing is written until you press Record, and one bad line means no event is recorded.',
  },
  reorgSheetFile: { vi: 'Tệp sắp xếp', en: 'Reorganisation file' },
  reorgSheetOn: { vi: 'Ngày hiệu lực (nếu tệp không ghi)', en: 'Effective date (if the file has none)' },
  reorgSheetCheck: { vi: 'Kiểm tra trước', en: 'Check first (dry run)' },
  reorgSheetRecord: { vi: 'Ghi nhận', en: 'Record' },
  reorgSheetPreview: {
    vi: 'Nếu ghi nhận, {n} đợt sắp xếp sẽ có hiệu lực từ {d}:',
    en: 'If recorded, {n} reorganisation(s) take effect on {d}:',
  },
  reorgSheetDone: {
    vi: 'Đã ghi nhận {n} đợt sắp xếp, hiệu lực từ {d}.',
    en: '{n} reorganisation(s) recorded, effective {d}.',
  },
  reorgSheetRejected: {
    vi: 'Chưa ghi nhận gì: {p} lỗi trong {r} dòng. Xin sửa và gửi lại cả tệp.',
    en: 'Nothing was recorded: {p} problems in {r} lines. Fix them and send the whole file again.',
  },
  reorgSheetProblemsCaption: { vi: 'Các dòng chưa hợp lệ', en: 'Lines that are not valid' },
  reorgSheetCaption: { vi: 'Những gì sẽ thay đổi', en: 'What would change' },
  reorgSheetCaptionDone: { vi: 'Những gì đã thay đổi', en: 'What changed' },
  reorgSheetLines: { vi: 'Dòng', en: 'Lines' },
  reorgSheetKind: { vi: 'Loại', en: 'Kind' },
  reorgSheetOld: { vi: 'Đơn vị cũ', en: 'Old units' },
  reorgSheetNew: { vi: 'Đơn vị mới', en: 'New units' },
  reorgSheetCounters: { vi: 'Quầy chuyển', en: 'Counters moving' },
  reorgSheetChildren: { vi: 'Đơn vị trực thuộc chuyển', en: 'Units moving' },
  reorgSheetNone: { vi: 'không có', en: 'none' },
  reorgSheetEnds: { vi: 'thôi hoạt động', en: 'ends' },
  reorgSheetStays: { vi: 'giữ nguyên', en: 'stays' },
  reorgSheetCreated: { vi: 'mới', en: 'new' },
  reorgSheetContinues: { vi: 'tiếp tục', en: 'continues' },
  reorgSheetShare: { vi: 'tỷ lệ', en: 'share' },
  reorgSheet_merge: { vi: 'Sáp nhập', en: 'Merge' },
  reorgSheet_split: { vi: 'Chia tách', en: 'Split' },
  reorgSheet_rename: { vi: 'Đổi tên', en: 'Rename' },
  reorgSheet_recode: { vi: 'Đổi mã', en: 'Recode' },
  reorgSheet_move: { vi: 'Chuyển cấp trên', en: 'Move' },
} satisfies Record<string, LocalizedText>;
