import type { CaseItem } from '../admin/admin-types';
import { formatDateTime, NO_VALUE } from '../app/format';
import { t, type Lang } from '../app/i18n';
import { casePath, followLink } from '../app/links';
import { reasonName } from './case-reason';

/** The complaints of one list page: each links to its own page; the phone is shown masked, as the server sends it. */
export function CaseTable({ items, lang }: { items: CaseItem[]; lang: Lang }) {
  return (
    <div class="table-scroll">
      <table class="stats-table" data-testid="cases-table">
        <caption>{t(lang, 'casesCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t(lang, 'caseNo')}</th>
            <th scope="col">{t(lang, 'status')}</th>
            <th scope="col">{t(lang, 'caseReason')}</th>
            <th scope="col">{t(lang, 'unit')}</th>
            <th scope="col">{t(lang, 'assignedUnit')}</th>
            <th scope="col">{t(lang, 'createdAt')}</th>
            <th scope="col">{t(lang, 'dueAt')}</th>
            <th scope="col">{t(lang, 'phone')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((c) => (
            <tr key={c.id} data-key={c.id} data-testid="case-row" data-status={c.status} data-overdue={c.overdue ? '1' : '0'}>
              <th scope="row">
                <a href={casePath(c.id)} onClick={followLink(casePath(c.id))} data-testid="case-link">
                  #{c.id}
                </a>
              </th>
              <td data-col="status">{t(lang, `case_${c.status}`)}</td>
              <td data-col="reason">{reasonName(c.reason, lang)}</td>
              <td data-col="unit">{c.unit.name}</td>
              <td data-col="assignedUnit">{c.assignedUnit?.name ?? NO_VALUE}</td>
              <td data-col="createdAt">{formatDateTime(c.createdAt, lang)}</td>
              <td data-col="dueAt">
                {formatDateTime(c.dueAt, lang)}{' '}
                {c.overdue && (
                  <span class="badge-overdue" data-testid="case-overdue">
                    {t(lang, 'overdue')}
                  </span>
                )}
              </td>
              <td data-col="phone">{c.contact?.phone ?? t(lang, 'noPhone')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
