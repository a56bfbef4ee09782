import type { LocalizedText } from './localized-text';

/**
 * The rule of each view of the past (issue 16), in the words the analysis pages and the reports
 * state beside the figures. `day` is the asOf day as the reader sees it (e.g. 30/06/2025), or
 * undefined for today's units.
 */
export function viewRule(day: string | undefined): LocalizedText {
  if (day === undefined) {
    return {
      vi: 'Số liệu theo cơ cấu đơn vị hiện nay: phiếu của các kỳ trước ở đơn vị đã sáp nhập được tính toàn bộ cho đơn vị sau sáp nhập; ở đơn vị đã chia tách, tính cho từng đơn vị mới theo tỷ lệ đã ghi (n có thể lẻ). Phiếu đã lưu không bị sửa.',
      en: 'Figures for today’s units: earlier answers of a merged unit count wholly for the unit it became; those of a split unit count for each new unit by its recorded share (n may be fractional). Stored answers are never changed.',
    };
  }
  return {
    vi: `Số liệu theo cơ cấu đơn vị tại ngày ${day}: mỗi phiếu tính cho đơn vị đang hoạt động ngày đó (qua các lần sắp xếp đến ngày đó); phiếu ở đơn vị lập sau ngày đó vẫn tính cho chính đơn vị ấy.`,
    en: `Figures for the units in force on ${day}: each answer counts for the unit it belonged to that day (through the reorganisations up to then); answers at units formed later count for those units.`,
  };
}
