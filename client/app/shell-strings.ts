import type { LocalizedText } from './api-types';

/** The frame's words on a phone (the menu, the folded filter) and its refusals, Vietnamese first. */
export const SHELL_STRINGS = {
  menu: { vi: 'Trang', en: 'Pages' },
  showFilter: { vi: 'Đổi bộ lọc', en: 'Change the filter' },
  hideFilter: { vi: 'Thu gọn bộ lọc', en: 'Fold the filter' },
  filterSummary: { vi: 'Đang xem', en: 'Showing' },
  forbiddenTitle: { vi: 'Không xem được mục này', en: 'You cannot see this' },
  forbiddenHint: {
    vi: 'Tài khoản của bạn chỉ xem được các đơn vị được giao. Hãy chọn một đơn vị trong phạm vi đó, hoặc đề nghị quản trị viên mở rộng quyền.',
    en: 'Your account sees only the units assigned to it. Choose a unit within them, or ask an administrator for wider access.',
  },
  showOwnUnits: { vi: 'Xem các đơn vị của tôi', en: 'Show my units' },
  scopeOf: { vi: 'Phạm vi', en: 'Scope' },
} satisfies Record<string, LocalizedText>;
