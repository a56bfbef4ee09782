import { useState } from 'preact/hooks';
import { caseFilterFromQuery, caseFilterToQuery, casesApiQuery, type CaseFilter } from '../admin/admin-helpers';
import { CASE_STATUSES } from '../../surveys/case-states';
import type { CaseItem } from '../admin/admin-types';
import { t } from '../app/i18n';
import { useLang } from '../app/lang-context';
import { casesLink } from '../app/links';
import { LoadView } from '../app/load-states';
import { navigate } from '../app/router';
import { useApi } from '../app/use-api';
import { CaseTable } from './case-table';
import { fetchCases } from './cases-api';

/** Complaints, filtered by status and "overdue" (kept in the address bar), newest first, a page at a time. */
export function CasesPage({ search }: { search: string }) {
  const { lang } = useLang();
  const filter = caseFilterFromQuery(search);
  const own = caseFilterToQuery(filter);
  const [pages, setPages] = useState<{ key: string; items: CaseItem[]; next: number | null }>({ key: '', items: [], next: null });
  const [list, retry] = useApi(() => fetchCases(casesApiQuery(filter)), own);
  const [more, setMore] = useState(false);
  const setFilter = (next: CaseFilter) => navigate(casesLink(next));
  const extra = pages.key === own ? pages : { key: own, items: [], next: null };
  const loadMore = async (before: number) => {
    setMore(true);
    try {
      const r = await fetchCases(casesApiQuery(filter, before));
      setPages({ key: own, items: [...extra.items, ...r.items], next: r.nextBefore });
    } catch {
      // The button stays; the next click tries again.
    } finally {
      setMore(false);
    }
  };
  return (
    <section class="panel" aria-labelledby="cases-title">
      <h2 id="cases-title">{t(lang, 'casesTitle')}</h2>
      <p class="muted intro">{t(lang, 'casesIntro')}</p>
      <form class="case-filter" onSubmit={(e) => e.preventDefault()} data-testid="case-filter">
        <label>
          <span>{t(lang, 'status')}</span>
          <select
            name="status"
            value={filter.status ?? ''}
            onChange={(e) => setFilter({ ...filter, status: (e.currentTarget.value || undefined) as CaseFilter['status'] })}
            data-testid="case-status-filter"
          >
            <option value="">{t(lang, 'allStatuses')}</option>
            {CASE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(lang, `case_${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label class="check">
          <input
            type="checkbox"
            name="overdue"
            checked={filter.overdue}
            onChange={(e) => setFilter({ ...filter, overdue: e.currentTarget.checked })}
            data-testid="case-overdue-filter"
          />
          <span>{t(lang, 'onlyOverdue')}</span>
        </label>
      </form>
      <LoadView load={list} retry={retry} isEmpty={(d) => d.items.length === 0} emptyText="noCases">
        {(data) => {
          const items = [...data.items, ...extra.items];
          const next = extra.items.length > 0 ? extra.next : data.nextBefore;
          return (
            <>
              <CaseTable items={items} lang={lang} />
              {next !== null && (
                <button type="button" class="button secondary" disabled={more} onClick={() => loadMore(next)} data-testid="cases-more">
                  {more ? t(lang, 'loading') : t(lang, 'loadMore')}
                </button>
              )}
            </>
          );
        }}
      </LoadView>
    </section>
  );
}
