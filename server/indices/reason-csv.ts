import { stringify } from 'csv-stringify/sync';
import type { ReasonDossier } from '../../db/dossier-reasons';
import { VIETNAM_OFFSET_MS } from '../../surveys/time';
import { neutralizeFormula } from '../exports/formula-guard';
import { UTF8_BOM } from '../exports/responses-csv';

export const REASON_CSV_HEADER = [
  'Mã hồ sơ',
  'Mã thủ tục',
  'Tên thủ tục',
  'Lĩnh vực',
  'Mã đơn vị',
  'Kênh',
  'Tiếp nhận',
  'Hạn trả kết quả',
  'Hoàn thành',
  'Đánh giá',
  'Thang đánh giá',
  'Phản ánh',
  'Hạn trả lời phản ánh',
  'Trả lời phản ánh',
  'Hài lòng với trả lời',
];

/** An instant as Excel reads it, in Vietnam time: 2026-03-09 10:00. */
export function vietnamTime(d: Date | null): string {
  if (!d) return '';
  return new Date(d.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}

const yesNo = (b: boolean | null) => (b === null ? '' : b ? 'Có' : 'Không');

export const reasonCsvHeader = () => UTF8_BOM + stringify([REASON_CSV_HEADER]);

export function reasonCsvRows(rows: readonly ReasonDossier[]): string {
  return stringify(
    rows.map((r) => [
      neutralizeFormula(r.code),
      neutralizeFormula(r.procedure_code),
      neutralizeFormula(r.procedure_name),
      r.sector_code,
      neutralizeFormula(r.unit_code),
      r.channel === 'online' ? 'Trực tuyến' : 'Trực tiếp',
      vietnamTime(r.received_at),
      vietnamTime(r.due_at),
      vietnamTime(r.finished_at),
      r.rating ?? '',
      r.rating_scale ?? '',
      yesNo(r.complained),
      vietnamTime(r.complaint_due_at),
      vietnamTime(r.complaint_answered_at),
      r.complained ? yesNo(r.complaint_satisfied) : '',
    ]),
  );
}
