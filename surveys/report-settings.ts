import { z } from 'zod';

/**
 * Who issues and signs a tenant's Word reports, in the layout of Decree 30/2020/NĐ-CP: the agency
 * (upper case in the header block) and the one above it, the suffix of the number
 * ("Số: 12/BC-UBND"), the place on the date line, the signer's authority ("KT. CHỦ TỊCH"), title
 * and name, and the recipients under "Nơi nhận:". Until an administrator saves them, they follow
 * from the tenant's name.
 */
export interface ReportSettings {
  agency: string;
  superiorAgency: string;
  numberSuffix: string;
  place: string;
  signerAuthority: string;
  signerTitle: string;
  signerName: string;
  recipients: string[];
}

const line = (max: number) => z.string().trim().max(max, `at most ${max} characters`);
const needed = (max: number) => line(max).min(1, 'must not be empty');

export const reportSettingsSchema = z
  .object({
    agency: needed(120),
    superiorAgency: line(120),
    numberSuffix: needed(30).regex(
      /^[\p{Lu}0-9]+(?:[-.][\p{Lu}0-9]+)*$/u,
      'capital letters and digits joined by "-", as in BC-UBND (viết hoa, nối bằng "-")',
    ),
    place: needed(60),
    signerAuthority: line(60),
    signerTitle: needed(60),
    signerName: line(80),
    recipients: z.array(needed(200)).min(1, 'at least one recipient (ít nhất một nơi nhận)').max(20, 'at most 20 recipients'),
  })
  .strict();

const PROVINCE = /^(Tỉnh|Thành phố)\s+/u;

/** The defaults for a tenant: a province's People's Committee, a ministry, or the body by its own name. */
export function defaultReportSettings(tenantName: string): ReportSettings {
  const name = tenantName.trim();
  const upper = name.toLocaleUpperCase('vi');
  const common = { superiorAgency: '', signerName: '', recipients: ['Như trên', 'Lưu: VT'] };
  if (PROVINCE.test(name))
    return {
      ...common,
      agency: `ỦY BAN NHÂN DÂN ${upper}`,
      numberSuffix: 'BC-UBND',
      // The place is the province's name alone: "Hưng Yên", without a note such as "(demo)".
      place: name.replace(PROVINCE, '').replace(/\s*\(.*\)$/u, ''),
      signerAuthority: 'KT. CHỦ TỊCH',
      signerTitle: 'PHÓ CHỦ TỊCH',
    };
  if (/^Bộ\s/u.test(name))
    return { ...common, agency: upper, numberSuffix: 'BC', place: 'Hà Nội', signerAuthority: 'KT. BỘ TRƯỞNG', signerTitle: 'THỨ TRƯỞNG' };
  return { ...common, agency: upper, numberSuffix: 'BC', place: name, signerAuthority: 'KT. THỦ TRƯỞNG', signerTitle: 'PHÓ THỦ TRƯỞNG' };
}

/**
 * The lines under "Nơi nhận:" as Decree 30 writes them: each after "- ", ended by ";" but the
 * last, ended by "." (whatever ending the administrator typed).
 */
export function recipientLines(recipients: readonly string[]): string[] {
  return recipients.map((r, i) => `- ${r.replace(/[\s;.,]+$/u, '')}${i === recipients.length - 1 ? '.' : ';'}`);
}
