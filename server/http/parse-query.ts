import type { z } from 'zod';
import { CHANNELS } from '../../surveys/channels';
import type { LocalizedText } from '../../surveys/localized-text';
import { RequestError } from './errors';

/** What each filter parameter takes, said to the person who mistyped it. */
const PARAM_HELP: Record<string, LocalizedText> = {
  from: {
    vi: 'Ngày bắt đầu phải có dạng YYYY-MM-DD (ví dụ 2026-03-14) và không sau ngày kết thúc.',
    en: '"from" must be a date as YYYY-MM-DD (e.g. 2026-03-14), not after "to".',
  },
  to: { vi: 'Ngày kết thúc phải có dạng YYYY-MM-DD, ví dụ 2026-03-14.', en: '"to" must be a date as YYYY-MM-DD, e.g. 2026-03-14.' },
  unit: { vi: 'Đơn vị phải là mã số đơn vị (số nguyên dương).', en: '"unit" must be a unit id (a positive whole number).' },
  sector: { vi: 'Lĩnh vực không có trong danh mục.', en: '"sector" must be a known sector code, e.g. land or health.' },
  counter: { vi: 'Mã quầy không hợp lệ.', en: '"counter" must be a counter code.' },
  channel: { vi: `Kênh phải là một trong: ${CHANNELS.join(', ')}.`, en: `"channel" must be one of: ${CHANNELS.join(', ')}.` },
  survey: { vi: 'Mã phiếu khảo sát không hợp lệ.', en: '"survey" must be a survey key.' },
  wave: { vi: 'Đợt khảo sát phải là mã số đợt (số nguyên dương).', en: '"wave" must be a survey wave id.' },
  months: { vi: 'Số tháng phải là số nguyên từ 1 đến 120.', en: '"months" must be a whole number from 1 to 120.' },
  groupBy: {
    vi: 'Nhóm theo phải là sector, unit, counter, day, month hoặc none.',
    en: '"groupBy" must be sector, unit, counter, day, month or none.',
  },
};

/** Checks a query string against a schema (blank parameters count as absent); a mistake is a 400 naming each parameter. */
export function parseQuery<S extends z.ZodType>(
  schema: S,
  query: Record<string, string>,
  /** What this route's own parameters take, where they differ from the shared filter's. */
  help: Record<string, LocalizedText> = {},
): z.output<S> {
  const blanksRemoved = Object.fromEntries(Object.entries(query).filter(([, v]) => v !== ''));
  const parsed = schema.safeParse(blanksRemoved);
  if (parsed.success) return parsed.data;
  const fields: Record<string, LocalizedText> = {};
  for (const issue of parsed.error.issues) {
    const key = String(issue.path[0] ?? '_query');
    fields[key] ??= help[key] ?? PARAM_HELP[key] ?? { vi: 'Tham số không hợp lệ.', en: issue.message };
  }
  throw new RequestError(400, { vi: 'Bộ lọc không hợp lệ.', en: 'The filter is not valid.' }, fields);
}
