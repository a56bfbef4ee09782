import { useCallback } from 'preact/hooks';
import type { StatsRow } from '../app/api-types';
import { formatMonth } from '../app/format';
import { t } from '../app/i18n';
import { useLang } from '../app/lang-context';
import { LoadView } from '../app/load-states';
import { surveyName } from '../app/survey-options';
import { useApi } from '../app/use-api';
import { fetchTrend } from './dashboard-api';
import type { PageProps } from './page-props';
import { StatsTable } from './stats-table';
import { TrendChart } from './trend-chart';
import { reorganisationWords } from './reorganisation-words';

/** Month by month against the target, and where a survey's wording changed. */
export function TrendPage({ filter, query }: PageProps) {
  const { lang } = useLang();
  const [trend, retry] = useApi(() => fetchTrend(filter), query);
  const labelOf = useCallback((row: StatsRow) => formatMonth(row.key, lang), [lang]);
  return (
    <LoadView load={trend} retry={retry} isEmpty={(d) => d.rows.every((r) => r.n === 0)}>
      {(data) => (
        <section class="panel" aria-labelledby="trend-title">
          <h2 id="trend-title">{t(lang, 'trendTitle')}</h2>
          {data.rows.length < 2 && <p class="note">{t(lang, 'fewMonths')}</p>}
          {data.versionChanges.length > 0 && (
            <div class="note" data-testid="version-changes">
              <strong>{t(lang, 'versionChanges')}:</strong>{' '}
              {data.versionChanges.map((c, i) => (
                <span key={`${c.survey}-${c.version}`} data-month={c.month} data-survey={c.survey}>
                  {i > 0 && '; '}
                  {formatMonth(c.month, lang)} — {c.title[lang] || surveyName(c.survey, lang)}, {t(lang, 'version')} {c.version}
                </span>
              ))}
              . {t(lang, 'versionChangeNote')}
            </div>
          )}
          {(data.reorganisations ?? []).length > 0 && (
            <div class="note" data-testid="reorganisation-breaks">
              <strong>{t(lang, 'reorganisations')}:</strong>{' '}
              {data.reorganisations!.map((r, i) => (
                <span key={`${r.day}-${i}`} data-day={r.day} data-kind={r.kind}>
                  {i > 0 && '; '}
                  {reorganisationWords(r, lang)}
                </span>
              ))}
              . {t(lang, 'reorganisationNote')}
            </div>
          )}
          <div class="chart-and-table">
            <TrendChart trend={data} lang={lang} />
            <StatsTable
              rows={data.rows}
              lang={lang}
              labelOf={labelOf}
              kind="month"
              testid="trend-table"
              caption={t(lang, 'trendCaption')}
            />
          </div>
        </section>
      )}
    </LoadView>
  );
}
