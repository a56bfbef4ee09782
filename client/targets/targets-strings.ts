import type { LocalizedText } from '../app/api-types';

/** The words of the targets page (chỉ tiêu theo năm kế hoạch và lĩnh vực), Vietnamese first. */
export const TARGETS_STRINGS = {
  page_targets: { vi: 'Chỉ tiêu và lĩnh vực', en: 'Targets and sectors' },
  targetsTitle: { vi: 'Chỉ tiêu hài lòng theo năm kế hoạch', en: 'Satisfaction targets by plan year' },
  targetsIntro: {
    vi: 'Kết quả của một kỳ được so với chỉ tiêu của năm kế hoạch chứa kỳ đó. Năm không có kế hoạch riêng cho một lĩnh vực dùng chỉ tiêu của năm kế hoạch gần nhất trước đó; chưa có kế hoạch nào thì dùng mức mặc định (90 % chung, 85 % cho đất đai, xây dựng, đầu tư, y tế, giáo dục).',
    en: "A period's results are judged against the target of the plan year it falls in. A year without its own plan for a sector keeps the latest earlier plan's target; with no plan at all, the defaults apply (90 % overall, 85 % for land, construction, investment, health, education).",
  },
  targetsYear: { vi: 'Năm kế hoạch', en: 'Plan year' },
  targetsYearHasPlan: { vi: '{y} (có kế hoạch riêng)', en: '{y} (own plan)' },
  targetsSector: { vi: 'Lĩnh vực', en: 'Sector' },
  targetsInForce: { vi: 'Chỉ tiêu đang áp dụng', en: 'Target in force' },
  targetsSource: { vi: 'Nguồn', en: 'From' },
  targetsNew: { vi: 'Chỉ tiêu mới (%)', en: 'New target (%)' },
  targetsFromPlan: { vi: 'theo kế hoạch năm {y}', en: 'the {y} plan' },
  targetsFromDefault: { vi: 'mặc định', en: 'default' },
  targetsFromOverall: { vi: 'theo chỉ tiêu chung năm {y}', en: 'the overall target of {y}' },
  targetsLocal: { vi: 'lĩnh vực riêng của tỉnh', en: "the province's own sector" },
  targetsPast: {
    vi: 'Năm {y} đã qua: kết quả của năm này đã được đánh giá theo chỉ tiêu cũ. Muốn sửa phải ghi lý do; lý do được lưu vào nhật ký.',
    en: '{y} is past: its results were judged against the old targets. A change needs a reason, kept in the audit log.',
  },
  targetsReason: { vi: 'Lý do thay đổi (bắt buộc, ít nhất 10 ký tự)', en: 'Reason for the change (required, at least 10 characters)' },
  targetsReasonMissing: { vi: 'Xin ghi lý do, ít nhất 10 ký tự.', en: 'Please give a reason of at least 10 characters.' },
  targetsBadValue: {
    vi: 'Chỉ tiêu là số lớn hơn 0, không quá 100, nhiều nhất một chữ số thập phân (ví dụ 87,5).',
    en: 'A target is a number above 0, at most 100, with at most one decimal (e.g. 87.5).',
  },
  targetsSave: { vi: 'Lưu chỉ tiêu năm {y}', en: 'Save the {y} targets' },
  targetsNothing: { vi: 'Không có chỉ tiêu nào thay đổi.', en: 'No target was changed.' },
  targetsSaved: { vi: 'Đã lưu {n} thay đổi cho năm {y}.', en: 'Saved {n} change(s) for {y}.' },
  targetsReadOnly: {
    vi: 'Chỉ quản trị viên cấp tỉnh được sửa chỉ tiêu và thêm lĩnh vực.',
    en: 'Only a province-wide administrator may change targets or add sectors.',
  },
  sectorAddTitle: { vi: 'Thêm lĩnh vực riêng của tỉnh', en: "Add a sector of the province's own" },
  sectorAddIntro: {
    vi: 'Lĩnh vực mới xuất hiện trong bộ lọc, khi khai báo quầy và trong số liệu. Không ghi chỉ tiêu thì áp dụng chỉ tiêu chung.',
    en: 'A new sector appears in the filter, in counter set-up and in the figures. Without a target of its own, the overall target applies.',
  },
  sectorCode: { vi: 'Mã (chữ thường, số, dấu _; ví dụ phong_chay)', en: 'Code (lower-case letters, digits, _; e.g. fire_safety)' },
  sectorBadCode: {
    vi: 'Mã bắt đầu bằng chữ thường, dài 2–32 ký tự: chữ thường không dấu, số hoặc dấu _.',
    en: 'A code starts with a lower-case letter, 2–32 characters: lower-case letters, digits or _.',
  },
  sectorNameVi: { vi: 'Tên tiếng Việt (bắt buộc)', en: 'Name in Vietnamese (required)' },
  sectorNameEn: { vi: 'Tên tiếng Anh (không bắt buộc)', en: 'Name in English (optional)' },
  sectorNameMissing: { vi: 'Xin ghi tên tiếng Việt.', en: 'Please give the Vietnamese name.' },
  sectorTarget: { vi: 'Chỉ tiêu năm {y} (%, không bắt buộc)', en: '{y} target (%, optional)' },
  sectorAdd: { vi: 'Thêm lĩnh vực', en: 'Add the sector' },
  sectorAdded: { vi: 'Đã thêm lĩnh vực "{name}".', en: 'Added the sector "{name}".' },
} satisfies Record<string, LocalizedText>;
