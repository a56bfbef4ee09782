import { useState } from 'preact/hooks';
import { factorMeanName, factorsIntro } from '../../surveys/instrument-family';
import { formatCount, formatInterval, formatPercent } from '../app/format';
import { t, type Lang } from '../app/i18n';
import { useLang } from '../app/lang-context';
import { LoadView } from '../app/load-states';
import { SortableTable, type Column } from '../app/sortable-table';
import { useApi } from '../app/use-api';
import { fetchFactors } from './dashboard-api';
import type { FactorIndex, Factors, ItemRate } from './dashboard-types';
import { FactorChart } from './factor-chart';
import type { PageProps } from './page-props';

/** The weakest factor with a value: where to look first when a rate is low. */
export function weakestFactor(factors: readonly FactorIndex[]): FactorIndex | null {
  let low: FactorIndex | null = null;
  for (const f of factors) if (f.index !== null && (low === null || f.index < (low.index ?? Infinity))) low = f;
  return low;
}

/** Why a rate is what it is: each survey's factor indices (SIPAS, or the ministry's groups), and each question on demand. */
export function FactorsPage({ filter, query }: PageProps) {
  const { lang } = useLang();
  const [factors, retry] = useApi(() => fetchFactors(filter), query);
  return (
    <LoadView load={factors} retry={retry} isEmpty={(d) => d.surveys.every((s) => s.n === 0)}>
      {(data) => (
        <>
          {data.surveys
            .filter((s) => s.n > 0)
            .map((s) => (
              <SurveyFactors key={s.survey} survey={s} lang={lang} />
            ))}
        </>
      )}
    </LoadView>
  );
}

export function SurveyFactors({ survey, lang }: { survey: Factors['surveys'][number]; lang: Lang }) {
  const [showItems, setShowItems] = useState(false);
  const weakest = weakestFactor(survey.factors);
  const headingId = `factors-${survey.survey}`;
  const factorColumns: Column<FactorIndex>[] = [
    { key: 'factor', label: t(lang, 'factor'), rowHeader: true, value: (f) => f.label[lang] },
    {
      key: 'satisfied',
      label: t(lang, 'satisfied'),
      numeric: true,
      value: (f) => f.satisfied,
      render: (f) => formatCount(f.satisfied, lang),
    },
    { key: 'valid', label: t(lang, 'validAnswers'), numeric: true, value: (f) => f.valid, render: (f) => formatCount(f.valid, lang) },
    { key: 'index', label: t(lang, 'factorIndex'), numeric: true, value: (f) => f.index, render: (f) => formatPercent(f.index, lang) },
    {
      key: 'interval',
      label: t(lang, 'interval'),
      numeric: true,
      value: (f) => f.interval?.low ?? null,
      attrs: (f) => ({ 'data-low': f.interval?.low ?? '', 'data-high': f.interval?.high ?? '' }),
      render: (f) => formatInterval(f.interval, lang),
    },
  ];
  const factorName = new Map(survey.factors.map((f) => [f.key, f.label[lang]]));
  const itemColumns: Column<ItemRate>[] = [
    { key: 'factor', label: t(lang, 'factor'), value: (i) => factorName.get(i.factor) ?? i.factor },
    {
      key: 'item',
      label: t(lang, 'item'),
      rowHeader: true,
      value: (i) => i.text[lang] + (i.scale === 'scale3' ? ` (${t(lang, 'scale3Short')})` : ''),
    },
    {
      key: 'satisfied',
      label: t(lang, 'satisfied'),
      numeric: true,
      value: (i) => i.satisfied,
      render: (i) => formatCount(i.satisfied, lang),
    },
    { key: 'valid', label: t(lang, 'validAnswers'), numeric: true, value: (i) => i.valid, render: (i) => formatCount(i.valid, lang) },
    { key: 'rate', label: t(lang, 'rate'), numeric: true, value: (i) => i.rate, render: (i) => formatPercent(i.rate, lang) },
    {
      key: 'interval',
      label: t(lang, 'interval'),
      numeric: true,
      value: (i) => i.interval?.low ?? null,
      attrs: (i) => ({ 'data-low': i.interval?.low ?? '', 'data-high': i.interval?.high ?? '' }),
      render: (i) => formatInterval(i.interval, lang),
    },
  ];
  return (
    <section class="panel" aria-labelledby={headingId} data-testid="factor-survey" data-survey={survey.survey}>
      <h2 id={headingId}>{survey.title[lang]}</h2>
      <p class="note" data-testid="factors-intro">
        {factorsIntro({ kind: survey.kind, factorCount: survey.factors.length })[lang]}
      </p>
      {survey.items.some((i) => i.scale === 'scale3') ? (
        <p class="note" data-testid="factors-scale3-rule">
          {t(lang, 'factorsScale3Rule')}
        </p>
      ) : null}
      <dl class="overall-facts">
        <div>
          <dt>{t(lang, 'respondents')}</dt>
          <dd data-col="n" data-value={survey.n}>
            {formatCount(survey.n, lang)}
          </dd>
        </div>
        <div>
          <dt>{factorMeanName(survey.kind)[lang]}</dt>
          <dd data-col="sipasIndex" data-value={survey.sipasIndex ?? ''}>
            {formatPercent(survey.sipasIndex, lang)}
          </dd>
        </div>
        {weakest && (
          <div>
            <dt>{t(lang, 'weakest')}</dt>
            <dd data-col="weakest" data-value={weakest.key}>
              {weakest.label[lang]} ({formatPercent(weakest.index, lang)})
            </dd>
          </div>
        )}
      </dl>
      <div class="chart-and-table">
        <FactorChart factors={survey.factors} weakest={weakest?.key ?? null} lang={lang} testid={`factor-chart-${survey.survey}`} />
        <SortableTable
          rows={survey.factors}
          columns={factorColumns}
          rowKey={(f) => f.key}
          caption={`${t(lang, 'factorsTitle')} — ${survey.title[lang]}`}
          testid={`factor-table-${survey.survey}`}
        />
      </div>
      {survey.items.length > 0 && (
        <>
          <button
            type="button"
            class="button secondary"
            aria-expanded={showItems}
            onClick={() => setShowItems(!showItems)}
            data-testid="toggle-items"
          >
            {t(lang, showItems ? 'hideItems' : 'showItems')}
          </button>
          {showItems && (
            <SortableTable
              rows={survey.items}
              columns={itemColumns}
              rowKey={(i) => i.key}
              caption={t(lang, 'showItems')}
              testid={`item-table-${survey.survey}`}
            />
          )}
        </>
      )}
    </section>
  );
}
