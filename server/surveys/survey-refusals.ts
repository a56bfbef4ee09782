import type { DefinitionProblem } from '../../surveys/definition-problems';
import type { SessionUser } from '../http/context';
import { RequestError } from '../http/errors';

export const SURVEY_NOT_FOUND = new RequestError(404, { vi: 'Không tìm thấy phiếu khảo sát.', en: 'Survey not found.' });
export const VERSION_NOT_FOUND = new RequestError(404, { vi: 'Không tìm thấy phiên bản phiếu.', en: 'Survey version not found.' });

export const BUILT_IN_READ_ONLY = new RequestError(409, {
  vi: 'Phiếu có sẵn của hệ thống không sửa được. Hãy tạo phiếu mới từ mẫu này rồi sửa phiếu mới.',
  en: 'A built-in survey cannot be changed. Create a new survey from this template and edit that one.',
});

export const NO_DRAFT = new RequestError(409, {
  vi: 'Phiếu chưa có bản nháp để xuất bản. Hãy sửa phiếu (tạo bản nháp) trước.',
  en: 'The survey has no draft to publish. Edit the survey (start a draft) first.',
});

export const KEY_TAKEN = (key: string) =>
  new RequestError(409, {
    vi: `Mã phiếu "${key}" đã được dùng. Xin chọn mã khác.`,
    en: `The survey key "${key}" is taken. Please choose another.`,
  });

export const RETIRED = new RequestError(409, {
  vi: 'Phiếu đã ngừng sử dụng. Hãy dùng lại phiếu trước khi sửa hoặc xuất bản.',
  en: 'The survey is retired. Bring it back before editing or publishing it.',
});

export const ASKED_BY_COUNTERS = (codes: readonly string[]) =>
  new RequestError(409, {
    vi: `Không ngừng được: các quầy đang dùng phiếu này (${codes.join(', ')}). Hãy chuyển các quầy sang phiếu khác trước.`,
    en: `Cannot retire: these counters ask this survey (${codes.join(', ')}). Move them to another survey first.`,
  });

export const VERSION_HAS_ANSWERS = new RequestError(409, {
  vi: 'Phiên bản này đã có phiếu trả lời nên không xóa được; dữ liệu được giữ nguyên. Có thể ngừng sử dụng cả phiếu.',
  en: 'This version has answers, so it cannot be deleted; its data is kept. You can retire the whole survey instead.',
});

export const ONLY_VERSION = new RequestError(409, {
  vi: 'Đây là phiên bản duy nhất của phiếu nên không xóa được. Có thể ngừng sử dụng cả phiếu.',
  en: 'This is the survey’s only version, so it cannot be deleted. You can retire the whole survey instead.',
});

export const UNCHANGED = new RequestError(409, {
  vi: 'Bản nháp giống hệt phiên bản mới nhất: không có gì để xuất bản.',
  en: 'The draft is the same as the newest version: there is nothing to publish.',
});

export const EFFECTIVE_IN_PAST = new RequestError(400, {
  vi: 'Ngày áp dụng không được trước hôm nay: phiếu đã trả lời không đổi phiên bản.',
  en: 'The effective day cannot be before today: answers already given keep their version.',
});

/** A definition that does not pass the schema: 400 naming each field, and the same problems as a list (a path may have several). */
export function invalidDefinition(problems: readonly DefinitionProblem[]): RequestError {
  return new RequestError(
    400,
    {
      vi: `Phiếu chưa hợp lệ (${problems.length} lỗi). Xin sửa các mục được nêu rồi thử lại.`,
      en: `The survey is not valid (${problems.length} problems). Fix the fields listed and try again.`,
    },
    Object.fromEntries(problems.map((p) => [p.path || '_form', p.message])),
    { problems },
  );
}

/** Surveys are the tenant's: an administrator kept to one unit's subtree reads them but cannot change them. */
export function assertTenantAdmin(user: SessionUser): void {
  if (user.unit_id === null) return;
  throw new RequestError(403, {
    vi: 'Phiếu khảo sát dùng chung cho cả tỉnh: chỉ quản trị viên cấp tỉnh (không gắn với một đơn vị) được thay đổi.',
    en: 'Surveys are shared by the whole province: only a province-wide administrator (not tied to one unit) may change them.',
  });
}
