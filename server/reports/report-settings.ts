import type { Kysely } from 'kysely';
import { z } from 'zod';
import { savedReportSettings } from '../../db/report-settings';
import type { Database } from '../../db/types';
import type { LocalizedText } from '../../surveys/localized-text';
import { defaultReportSettings, type ReportSettings } from '../../surveys/report-settings';
import type { SessionUser } from '../http/context';
import { RequestError } from '../http/errors';

/** The tenant's report settings as saved, or the defaults from its name. */
export async function reportSettingsOf(db: Kysely<Database>, user: SessionUser): Promise<ReportSettings> {
  return (await savedReportSettings(db, user.tenant_id)) ?? defaultReportSettings(user.tenant_name);
}

/** The Word report's own parameter beside the period's: the document's number, "12" in "Số: 12/BC-UBND". */
export const docxQuery = z.object({
  number: z
    .string()
    .regex(/^[0-9]{1,7}$/)
    .optional(),
});
export const DOCX_QUERY_HELP: Record<string, LocalizedText> = {
  number: {
    vi: 'Số văn bản phải là số nguyên dương (tối đa 7 chữ số), ví dụ 12.',
    en: '"number" must be the document\'s number, a whole number of up to 7 digits, e.g. 12.',
  },
};

/** The issuer of the tenant's reports is the whole tenant's: an administrator tied to one unit reads it but cannot change it. */
export function assertTenantWideAdmin(user: SessionUser): void {
  if (user.unit_id === null) return;
  throw new RequestError(403, {
    vi: 'Thông tin ban hành báo cáo là của cả đơn vị sử dụng: chỉ quản trị viên cấp tỉnh (không gắn với một đơn vị) được thay đổi.',
    en: "The reports' issuer belongs to the whole tenant: only an administrator not tied to one unit may change it.",
  });
}
