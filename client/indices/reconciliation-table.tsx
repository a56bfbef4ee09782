import { formatCount, formatDay, formatPercent, formatPoints } from '../app/format';
import { inBothLanguages, t, type Lang, type StringKey } from '../app/i18n';
import { RECONCILIATION_REASONS, type ReconciliationReason } from '../../surveys/portal-figures';
import type { ReasonQuery, ReconciliationRow } from './reconciliation-types';

/** The reasons that speak to an indicator: the complaint ratios are explained by complaints. */
const REASONS_FOR: Record<'complaints' | 'dossiers', readonly ReconciliationReason[]> = {
  complaints: ['complained', 'complaint_late', 'complaint_unsatisfied'],
  dossiers: RECONCILIATION_REASONS.filter((r) => r !== 'complaint_late' && r !== 'complaint_unsatisfied'),
};

/** "+12,5" with an arrow and words, so the sign never rests on colour alone. */
function Difference({ row, lang }: { row: ReconciliationRow; lang: Lang }) {
  const d = row.difference;
  if (d === null) return <span class="muted">{t(lang, 'reconNoDossiers')}</span>;
  const way = Math.abs(d) < 0.005 ? 'same' : d > 0 ? 'up' : 'down';
  const words = t(lang, way === 'same' ? 'reconSame' : way === 'up' ? 'reconHigher' : 'reconLower');
  return (
    <span class={`recon-diff recon-diff-${way}`} data-testid="recon-difference" data-value={d}>
      <span aria-hidden="true">{way === 'same' ? '=' : way === 'up' ? '▲' : '▼'} </span>
      <strong>
        {formatPoints(d, lang)} {lang === 'vi' ? 'điểm %' : 'pp'}
      </strong>{' '}
      <span class="small">({words})</span>
    </span>
  );
}

function FailedSentence({ row, lang }: { row: ReconciliationRow; lang: Lang }) {
  const f = row.explanation.failed;
  if (!f) return null;
  const fill = { n: formatCount(Math.abs(f.more), lang), p: formatCount(f.portal, lang), h: formatCount(f.hailong, lang) };
  const key = f.more > 0 ? 'reconPortalMore' : f.more < 0 ? 'reconPortalFewer' : 'reconPortalSame';
  return (
    <p class="recon-failed" data-testid="recon-failed" data-more={f.more}>
      {inBothLanguages(key, fill)[lang]}
    </p>
  );
}

interface Props {
  rows: readonly ReconciliationRow[];
  lang: Lang;
  onReason: (q: ReasonQuery) => void;
  onDelete: (row: ReconciliationRow) => void;
}

/** Each portal figure beside hailong's, the difference with its sign, and the dossiers behind it. */
export function ReconciliationTable({ rows, lang, onReason, onDelete }: Props) {
  const cols = {
    portal: t(lang, 'reconPortal'),
    hailong: t(lang, 'reconHailong'),
    diff: t(lang, 'reconDifference'),
    why: t(lang, 'reconExplanation'),
  };
  return (
    <div class="table-scroll">
      <table class="stats-table stack-on-phone recon-table" data-testid="recon-table">
        <thead>
          <tr>
            <th scope="col">
              {t(lang, 'reconUnit')} · {t(lang, 'reconIndicator')} · {t(lang, 'reconPeriod')}
            </th>
            <th scope="col" class="num" data-col="portal">
              {cols.portal}
            </th>
            <th scope="col" class="num" data-col="hailong">
              {cols.hailong}
            </th>
            <th scope="col" data-col="difference">
              {cols.diff}
            </th>
            <th scope="col" data-col="explanation">
              {cols.why}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const reasons = REASONS_FOR[row.indicator === 'r1' || row.indicator === 'r2' ? 'complaints' : 'dossiers'];
            const query = { unit: row.unit.id, from: row.from, to: row.to, dossierChannel: row.explanation.dossierChannel ?? undefined };
            return (
              <tr key={row.id} data-testid="recon-row" data-id={row.id} data-indicator={row.indicator} data-unit={row.unit.code}>
                <th scope="row">
                  <span class="recon-unit">{row.unit.name}</span>
                  <span class="muted small recon-what">
                    {' '}
                    {t(lang, `indicator_${row.indicator}` as StringKey)} · {formatDay(row.from, lang)} – {formatDay(row.to, lang)}
                  </span>
                  {row.note && <span class="muted small recon-note"> · {row.note}</span>}
                </th>
                <td class="num" data-col="portal" data-label={cols.portal} data-testid="recon-portal">
                  {formatPercent(row.portal, lang, 2)}
                </td>
                <td class="num" data-col="hailong" data-label={cols.hailong} data-testid="recon-hailong">
                  {formatPercent(row.hailong.value, lang, 2)}
                  <span class="muted small recon-nd">
                    {' '}
                    ({formatCount(row.hailong.numerator, lang)}/{formatCount(row.hailong.denominator, lang)})
                  </span>
                </td>
                <td data-col="difference" data-label={cols.diff} class="full-row">
                  <Difference row={row} lang={lang} />
                </td>
                <td data-col="explanation" data-label={cols.why} class="full-row">
                  <FailedSentence row={row} lang={lang} />
                  {row.explanation.dossierChannel === 'online' && <p class="muted small">{t(lang, 'reconOnlineOnly')}</p>}
                  <ul class="recon-reasons">
                    {reasons.map((reason) => (
                      <li key={reason}>
                        <button
                          type="button"
                          class="link-button"
                          disabled={row.explanation.counts[reason] === 0}
                          onClick={() => onReason({ ...query, reason })}
                          data-testid={`recon-reason-${reason}`}
                          data-count={row.explanation.counts[reason]}
                        >
                          <span>
                            {t(lang, `reason_${reason}` as StringKey)}: <strong>{formatCount(row.explanation.counts[reason], lang)}</strong>
                          </span>
                        </button>
                      </li>
                    ))}
                  </ul>
                  {row.explanation.ratedOnly && row.explanation.ratedOnly.value !== null && (
                    <p class="muted small">
                      {inBothLanguages('reconRatedOnly', { v: formatPercent(row.explanation.ratedOnly.value, lang, 2) })[lang]}
                    </p>
                  )}
                  <button type="button" class="small recon-delete" onClick={() => onDelete(row)} data-testid="recon-delete">
                    {t(lang, 'reconDelete')}
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
