export interface AlertSummary {
  kind: 'case_overdue' | 'below_target' | 'sharp_drop';
  unitName: string;
  sectorLabel?: string | undefined;
  caseId?: number | undefined;
  dueAt?: string | undefined;
  rate?: number | null | undefined;
  target?: number | undefined;
}

function lineVi(a: AlertSummary): string {
  if (a.kind === 'case_overdue') return `Phản ánh #${a.caseId} của ${a.unitName} đã quá hạn (hạn ${a.dueAt}).`;
  const what = a.kind === 'below_target' ? 'dưới chỉ tiêu' : 'giảm hơn 5 điểm';
  return `${a.unitName}, lĩnh vực ${a.sectorLabel}: mức hài lòng 30 ngày ${what}.`;
}

function lineEn(a: AlertSummary): string {
  if (a.kind === 'case_overdue') return `Complaint case #${a.caseId} of ${a.unitName} is overdue (due ${a.dueAt}).`;
  const what = a.kind === 'below_target' ? 'below target' : 'down by more than 5 points';
  return `${a.unitName}, sector ${a.sectorLabel}: 30-day satisfaction ${what}.`;
}

/** One e-mail for one or more alerts: Vietnamese first, English below. */
export function alertMail(alerts: readonly AlertSummary[]) {
  const one = alerts.length === 1 ? alerts[0] : undefined;
  const subject = one
    ? `[hailong] Cảnh báo: ${lineVi(one)} / Alert`
    : `[hailong] Tổng hợp ${alerts.length} cảnh báo / Digest of ${alerts.length} alerts`;
  const text = [
    'Cảnh báo mới từ hailong:',
    ...alerts.map((a) => `- ${lineVi(a)}`),
    '',
    'New alerts from hailong:',
    ...alerts.map((a) => `- ${lineEn(a)}`),
  ].join('\n');
  return { subject, text };
}
