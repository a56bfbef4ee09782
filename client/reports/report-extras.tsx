import { formatCount } from '../app/format';
import { t, type Lang } from '../app/i18n';
import { WeightedResult } from '../waves/weighted-result';
import type { Report } from './reports-types';

/** The rest of a report's preview: answers by channel, comments, the waves of the period (apart) and the methods note. */
export function ReportExtras({ report, lang }: { report: Report; lang: Lang }) {
  const m = report.methods;
  return (
    <>
      <section class="panel" aria-labelledby="report-channels">
        <h2 id="report-channels">{t(lang, 'byChannel')}</h2>
        {report.byChannel.length === 0 ? (
          <p>{t(lang, 'none')}</p>
        ) : (
          <table class="stats-table compact" data-testid="report-channel-table">
            <thead>
              <tr>
                <th scope="col">{t(lang, 'channel')}</th>
                <th scope="col" class="num">
                  {t(lang, 'answers')}
                </th>
              </tr>
            </thead>
            <tbody>
              {report.byChannel.map((c) => (
                <tr key={c.channel} data-key={c.channel}>
                  <th scope="row">{c.label[lang]}</th>
                  <td class="num" data-col="n" data-value={c.n}>
                    {formatCount(c.n, lang)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <h3>{t(lang, 'commentsSummary')}</h3>
        <p data-testid="report-comments" data-total={report.comments.total} data-dissatisfied={report.comments.dissatisfied}>
          {t(lang, 'commentsLine')
            .replace('{t}', formatCount(report.comments.total, lang))
            .replace('{d}', formatCount(report.comments.dissatisfied, lang))}
        </p>
      </section>
      <section class="panel" aria-labelledby="report-waves">
        <h2 id="report-waves">{t(lang, 'reportWaves')}</h2>
        {report.waves.length === 0 && <p>{t(lang, 'none')}</p>}
        {report.waves.map((w) => (
          <div key={w.id} class="report-wave" data-wave={w.id}>
            <h3>{w.name}</h3>
            <WeightedResult weighted={w.weighted} unweighted={w.unweighted} lang={lang} testid={`report-wave-${w.id}`} />
          </div>
        ))}
      </section>
      <section class="panel" aria-labelledby="report-methods">
        <h2 id="report-methods">{t(lang, 'methods')}</h2>
        <p class="note">
          n = {formatCount(m.n, lang)}. {m.rule[lang]} {m.interval[lang]}. {m.weighting[lang]}
          {report.excluded.flagged > 0 && ` ${formatCount(report.excluded.flagged, lang)} ${t(lang, 'flaggedNote')}`}
        </p>
      </section>
    </>
  );
}
