import type { LocalizedText } from '../app/api-types';

/** The words of the public results settings page, Vietnamese first. */
export const PUBLIC_RESULTS_STRINGS = {
  'page_public-results': { vi: 'Công khai kết quả', en: 'Public results' },
  publicResultsTitle: { vi: 'Trang công khai mức độ hài lòng', en: 'Public satisfaction results page' },
  publicResultsIntro: {
    vi: 'Khi bật, ai cũng xem được tỷ lệ hài lòng theo lĩnh vực của từng đơn vị, không cần đăng nhập. Tỷ lệ dựa trên ít ý kiến hơn ngưỡng bị ẩn, cùng các ô cần ẩn thêm để không suy ra được.',
    en: 'When on, anyone can see each unit’s satisfaction by sector without signing in. A rate from fewer answers than the threshold is hidden, with whatever else must be hidden so it cannot be worked out.',
  },
  publicResultsEnabled: { vi: 'Bật trang công khai', en: 'Publish the page' },
  publicResultsComplaints: { vi: 'Hiện số phản ánh và trả lời', en: 'Show complaints and answers' },
  publicResultsCases: { vi: 'Hiện kết quả xử lý đã chọn công khai', en: 'Show the case outcomes chosen for publishing' },
  publicResultsThreshold: { vi: 'Ngưỡng tối thiểu (số ý kiến)', en: 'Smallest number of answers' },
  publicResultsSave: { vi: 'Lưu', en: 'Save' },
  publicResultsLink: { vi: 'Địa chỉ công khai', en: 'Public address' },
} satisfies Record<string, LocalizedText>;
