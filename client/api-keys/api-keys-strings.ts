import type { LocalizedText } from '../app/api-types';

/** The words of the API keys page, Vietnamese first. */
export const API_KEYS_STRINGS = {
  'page_api-keys': { vi: 'Khóa API', en: 'API keys' },
  akNewTitle: { vi: 'Tạo khóa API cho hệ thống một cửa', en: 'Create an API key for the one-stop system' },
  akIntro: {
    vi: 'Hệ thống một cửa của tỉnh gửi hồ sơ vào hailong bằng khóa này (POST /api/dossiers/batch). Khóa chỉ gửi được hồ sơ của đơn vị đã chọn và các đơn vị trực thuộc.',
    en: 'The province’s one-stop system sends dossiers to hailong with this key (POST /api/dossiers/batch). A key may send dossiers of the chosen unit and the units under it only.',
  },
  akName: { vi: 'Tên khóa (hệ thống nào dùng)', en: 'Key name (which system uses it)' },
  akUnit: { vi: 'Đơn vị được gửi hồ sơ', en: 'Unit it may send for' },
  akScopes: { vi: 'Quyền', en: 'Scopes' },
  'akScope_dossiers:write': { vi: 'Gửi hồ sơ một cửa (dossiers:write)', en: 'Send one-stop dossiers (dossiers:write)' },
  akCreate: { vi: 'Tạo khóa', en: 'Create key' },
  akNeedName: { vi: 'Xin đặt tên cho khóa.', en: 'Please name the key.' },
  akNeedScope: { vi: 'Xin chọn ít nhất một quyền.', en: 'Please choose at least one scope.' },
  akCreated: { vi: 'Đã tạo khóa "{n}".', en: 'Key "{n}" created.' },
  akShownOnce: { vi: 'Khóa API "{n}":', en: 'API key "{n}":' },
  akOnce: {
    vi: 'Khóa này sẽ không hiển thị lại. Sao chép và cất vào cấu hình của hệ thống một cửa ngay bây giờ.',
    en: 'This key will not be shown again. Copy it into the one-stop system’s configuration now.',
  },
  akHide: { vi: 'Đã lưu khóa, ẩn đi', en: 'Saved it, hide it' },
  akListTitle: { vi: 'Các khóa đã tạo', en: 'Keys created' },
  akCaption: { vi: 'Khóa API của phạm vi bạn quản lý', en: 'API keys of the units you manage' },
  akNone: { vi: 'Chưa có khóa API nào.', en: 'No API keys yet.' },
  akPrefix: { vi: 'Mã nhận diện', en: 'Prefix' },
  akWholeTenant: { vi: 'Cả tỉnh', en: 'Whole tenant' },
  akCreatedCol: { vi: 'Tạo lúc', en: 'Created' },
  akLastUsed: { vi: 'Dùng lần cuối', en: 'Last used' },
  akNeverUsed: { vi: 'Chưa dùng', en: 'Never used' },
  akState: { vi: 'Trạng thái', en: 'State' },
  akActive: { vi: 'Đang dùng', en: 'Active' },
  akRevokedAt: { vi: 'Đã thu hồi {t}', en: 'Revoked {t}' },
  akRevoke: { vi: 'Thu hồi', en: 'Revoke' },
  akRevokeConfirm: {
    vi: 'Thu hồi khóa "{n}"? Hệ thống dùng khóa này sẽ không gửi được hồ sơ nữa; không thể hoàn tác.',
    en: 'Revoke key "{n}"? The system using it will no longer be able to send dossiers; this cannot be undone.',
  },
  akBy: { vi: 'bởi {u}', en: 'by {u}' },
} satisfies Record<string, LocalizedText>;
