import { useEffect, useState } from 'preact/hooks';
import { formatCount, formatDateTime } from '../app/format';
import { inBothLanguages, t, type Lang, type StringKey } from '../app/i18n';
import { messageOf } from '../app/use-api';
import type { LocalizedText } from '../app/api-types';
import { fetchReasonDossiers, reasonCsvUrl } from './reconciliation-api';
import type { ReasonDossier, ReasonQuery } from './reconciliation-types';

/** The dossiers of one reason (200 at a time) and the same list as a CSV for Excel. */
export function ReasonDossiers({ query, lang, onClose }: { query: ReasonQuery; lang: Lang; onClose: () => void }) {
  const [dossiers, setDossiers] = useState<ReasonDossier[]>([]);
  const [total, setTotal] = useState<number | null>(null);
  const [next, setNext] = useState<number | null>(null);
  const [error, setError] = useState<LocalizedText | null>(null);
  const load = (offset: number) =>
    fetchReasonDossiers(query, offset).then(
      (page) => {
        setDossiers((before) => (offset === 0 ? page.dossiers : [...before, ...page.dossiers]));
        setTotal(page.total);
        setNext(page.next);
      },
      (err: unknown) => setError(messageOf(err)),
    );
  useEffect(() => {
    setDossiers([]);
    setTotal(null);
    setError(null);
    void load(0);
  }, [JSON.stringify(query)]);
  const title = inBothLanguages('reconListTitle', { r: t(lang, `reason_${query.reason}` as StringKey) })[lang];
  const when = (iso: string | null) => (iso ? formatDateTime(iso, lang) : '—');
  return (
    <section class="panel recon-dossiers" aria-labelledby="recon-dossiers-title" data-testid="recon-dossiers">
      <div class="panel-head">
        <h2 id="recon-dossiers-title">{title}</h2>
        <div class="recon-list-actions">
          <a class="button small" href={reasonCsvUrl(query)} download data-testid="recon-csv">
            {t(lang, 'reconListCsv')}
          </a>
          <button type="button" class="small" onClick={onClose}>
            {t(lang, 'reconListClose')}
          </button>
        </div>
      </div>
      {error && (
        <p class="form-error" role="alert">
          {error[lang]}
        </p>
      )}
      {total !== null && (
        <p class="muted" data-testid="recon-dossiers-total" data-total={total}>
          {inBothLanguages('reconListCount', { n: formatCount(total, lang) })[lang]}
        </p>
      )}
      <div class="table-scroll">
        <table class="stats-table stack-on-phone">
          <thead>
            <tr>
              <th scope="col">{t(lang, 'reconCode')}</th>
              <th scope="col" data-col="procedure">
                {t(lang, 'reconProcedure')}
              </th>
              <th scope="col" data-col="received">
                {t(lang, 'reconReceived')}
              </th>
              <th scope="col" data-col="due">
                {t(lang, 'reconDue')}
              </th>
              <th scope="col" data-col="finished">
                {t(lang, 'reconFinished')}
              </th>
              <th scope="col" data-col="rating">
                {t(lang, 'reconRating')}
              </th>
            </tr>
          </thead>
          <tbody>
            {dossiers.map((d) => (
              <tr key={d.code} data-testid="recon-dossier" data-code={d.code}>
                <th scope="row">
                  <code>{d.code}</code>
                </th>
                <td data-label={t(lang, 'reconProcedure')} class="full-row">
                  {d.procedureName || d.procedureCode}
                </td>
                <td data-label={t(lang, 'reconReceived')}>{when(d.receivedAt)}</td>
                <td data-label={t(lang, 'reconDue')}>{when(d.dueAt)}</td>
                <td data-label={t(lang, 'reconFinished')}>{when(d.finishedAt)}</td>
                <td data-label={t(lang, 'reconRating')}>{d.rating === null ? '—' : `${d.rating}/${d.ratingScale ?? ''}`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {next !== null && (
        <button type="button" onClick={() => void load(next)}>
          {t(lang, 'reconListMore')}
        </button>
      )}
    </section>
  );
}
