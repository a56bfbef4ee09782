import type { LocalizedText } from '../../surveys/localized-text';

/** How a cell of a column becomes the value dossierInputSchema takes. */
type CellKind = 'text' | 'time' | 'channel' | 'yes_no' | 'yes_no_blank';

export interface DossierColumn {
  /** The field of dossierInputSchema the column fills. */
  field: string;
  /** The English header (the batch API's field in snake case). */
  en: string;
  /** The header of the template, as a province's one-stop export writes it. */
  vi: string;
  /** Other Vietnamese headers exports are known to use. */
  also?: readonly string[];
  kind: CellKind;
  required?: true;
  /** A filled-in value for the template's example row. */
  example: string;
}

/**
 * The one list of a dossier sheet's columns: English names and Vietnamese headers, read by the
 * import and written by the template, so the two never disagree.
 */
export const DOSSIER_COLUMNS: readonly DossierColumn[] = [
  { field: 'code', en: 'code', vi: 'Mã hồ sơ', also: ['Số hồ sơ'], kind: 'text', required: true, example: '000.00.17.H31-260302-0001' },
  { field: 'procedureCode', en: 'procedure_code', vi: 'Mã thủ tục', kind: 'text', required: true, example: '1.004227' },
  {
    field: 'procedureName',
    en: 'procedure_name',
    vi: 'Tên thủ tục',
    kind: 'text',
    example: 'Cấp giấy chứng nhận quyền sử dụng đất',
  },
  { field: 'sector', en: 'sector', vi: 'Lĩnh vực', kind: 'text', required: true, example: 'Đất đai' },
  {
    field: 'unit',
    en: 'unit_code',
    vi: 'Mã đơn vị tiếp nhận',
    also: ['Mã đơn vị'],
    kind: 'text',
    required: true,
    example: '33-TTPVHCC',
  },
  { field: 'counter', en: 'counter_code', vi: 'Mã quầy', kind: 'text', example: '' },
  { field: 'decidingUnit', en: 'deciding_unit_code', vi: 'Mã đơn vị giải quyết', kind: 'text', example: '' },
  { field: 'channel', en: 'channel', vi: 'Kênh', also: ['Hình thức nộp'], kind: 'channel', required: true, example: 'Trực tiếp' },
  { field: 'receivedAt', en: 'received_at', vi: 'Ngày tiếp nhận', kind: 'time', required: true, example: '02/03/2026 08:15' },
  { field: 'dueAt', en: 'due_at', vi: 'Hạn giải quyết', also: ['Ngày hẹn trả'], kind: 'time', required: true, example: '10/03/2026 17:00' },
  { field: 'finishedAt', en: 'finished_at', vi: 'Ngày trả kết quả', also: ['Ngày hoàn thành'], kind: 'time', example: '09/03/2026 10:00' },
  { field: 'rating', en: 'rating', vi: 'Đánh giá', also: ['Mức đánh giá'], kind: 'text', example: '3' },
  { field: 'ratingScale', en: 'rating_scale', vi: 'Thang đánh giá', kind: 'text', example: '3' },
  { field: 'complained', en: 'complained', vi: 'Có phản ánh', kind: 'yes_no', example: 'không' },
  { field: 'complaintDueAt', en: 'complaint_due_at', vi: 'Hạn trả lời phản ánh', kind: 'time', example: '' },
  { field: 'complaintAnsweredAt', en: 'complaint_answered_at', vi: 'Ngày trả lời phản ánh', kind: 'time', example: '' },
  { field: 'complaintSatisfied', en: 'complaint_satisfied', vi: 'Hài lòng với trả lời', kind: 'yes_no_blank', example: '' },
];

/** Headers compared as people type them: case, accents composed or not, extra spaces. */
const headerWord = (s: string) => s.normalize('NFC').trim().toLowerCase().replace(/\s+/g, ' ');

const BY_HEADER = new Map<string, DossierColumn>();
for (const c of DOSSIER_COLUMNS) for (const h of [c.en, c.vi, ...(c.also ?? [])]) BY_HEADER.set(headerWord(h), c);

export function dossierColumnOf(header: string): DossierColumn | undefined {
  return BY_HEADER.get(headerWord(header));
}

const YES = new Set(['có', 'co', 'x', '1', 'yes', 'y', 'true', 'đúng']);
const NO = new Set(['không', 'khong', '0', 'no', 'n', 'false', 'sai']);
const ONLINE = new Set(['online', 'trực tuyến', 'truc tuyen', 'dvc trực tuyến']);
const IN_PERSON = new Set(['in_person', 'in person', 'trực tiếp', 'truc tiep', 'tại quầy']);

export type CellValue = { ok: true; value: unknown } | { ok: false; message: LocalizedText };

/**
 * A cell as the schema wants it: blank is "not given" (false for "Có phản ánh", null for
 * "Hài lòng với trả lời"); yes/no cells take có/không, x/blank, 1/0, yes/no, true/false.
 */
export function cellValue(column: DossierColumn, text: string): CellValue {
  const word = headerWord(text);
  switch (column.kind) {
    case 'text':
    case 'time':
      return { ok: true, value: text === '' ? undefined : text };
    case 'channel':
      if (ONLINE.has(word)) return { ok: true, value: 'online' };
      if (IN_PERSON.has(word)) return { ok: true, value: 'in_person' };
      if (word === '') return { ok: true, value: undefined };
      return {
        ok: false,
        message: {
          vi: `Kênh "${text}" không hợp lệ; ghi "Trực tuyến" hoặc "Trực tiếp".`,
          en: `Channel "${text}" is not valid; write "Trực tuyến" (online) or "Trực tiếp" (in person).`,
        },
      };
    case 'yes_no':
    case 'yes_no_blank':
      if (word === '') return { ok: true, value: column.kind === 'yes_no' ? false : null };
      if (YES.has(word)) return { ok: true, value: true };
      if (NO.has(word)) return { ok: true, value: false };
      return {
        ok: false,
        message: {
          vi: `"${text}" không phải có/không; ghi có hoặc không (x, 1/0, yes/no cũng được).`,
          en: `"${text}" is not a yes or no; write có or không (x, 1/0, yes/no also work).`,
        },
      };
  }
}

/** The template's header row (Vietnamese) and one example row. */
export function dossierTemplateRows(): string[][] {
  return [DOSSIER_COLUMNS.map((c) => c.vi), DOSSIER_COLUMNS.map((c) => c.example)];
}
