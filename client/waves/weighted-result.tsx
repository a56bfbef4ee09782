import { DEFAULT_MIN_SAMPLE } from '../../surveys/statistics';
import { formatCount, formatDecimal, formatInterval, formatPercent, formatRate, formatTarget, NO_VALUE } from '../app/format';
import { t, type Lang } from '../app/i18n';
import { confidenceText } from '../app/verdict';
import { VerdictBadge } from '../app/verdict-badge';
import type { RateSummary, WeightedSummary } from './waves-types';

/**
 * A wave's weighted rate, labelled as such, with the unweighted one beside it for comparison.
 * It always stands on its own card: a weighted wave rate is never added to counter QR rates.
 * Beside the rate: valid interviews (what the minimum sample counts), Kish's n_eff and the design
 * effective n the interval is computed on.
 */
export function WeightedResult({
  weighted,
  unweighted,
  lang,
  testid = 'weighted-result',
}: {
  weighted: WeightedSummary;
  unweighted: RateSummary;
  lang: Lang;
  testid?: string;
}) {
  return (
    <div class={`weighted-card tone-${weighted.verdict}`} data-testid={testid}>
      <div class="weighted-main" data-testid="weighted">
        <h3>
          {t(lang, 'weightedTitle')} <span class="tag">{t(lang, 'weightedTag')}</span>
        </h3>
        <p class="overall-rate">
          <span class="big" data-col="rate" data-value={weighted.rate ?? ''}>
            {formatRate(weighted.rate, weighted.target, lang)}
          </span>
          <span class="vs">
            {t(lang, 'target')}{' '}
            <span data-col="target" data-value={weighted.target}>
              {formatTarget(weighted.target, lang)}
            </span>
          </span>
        </p>
        <p class="overall-verdict">
          <span data-col="verdict" data-value={weighted.verdict}>
            <VerdictBadge verdict={weighted.verdict} lang={lang} />
          </span>
          {weighted.confidence && <span class="confidence">{confidenceText(weighted.confidence, lang)}</span>}
        </p>
        <dl class="overall-facts">
          <div>
            <dt>{t(lang, 'validInterviews')}</dt>
            <dd data-col="n" data-value={weighted.n}>
              {formatCount(weighted.n, lang)}
            </dd>
          </div>
          <div>
            <dt>{t(lang, 'nEff')}</dt>
            <dd data-col="nEff" data-value={weighted.nEff}>
              {formatDecimal(weighted.nEff, lang)}
            </dd>
          </div>
          <div>
            <dt>{t(lang, 'nDesign')}</dt>
            <dd data-col="nDesign" data-value={weighted.nDesign ?? ''} data-basis={weighted.intervalBasis ?? ''}>
              {weighted.nDesign !== null
                ? formatDecimal(weighted.nDesign, lang)
                : weighted.intervalBasis === 'census'
                  ? t(lang, 'census')
                  : NO_VALUE}
            </dd>
          </div>
          <div>
            <dt>{t(lang, 'interval')}</dt>
            <dd data-col="interval" data-low={weighted.interval?.low ?? ''} data-high={weighted.interval?.high ?? ''}>
              {formatInterval(weighted.interval, lang)}
            </dd>
          </div>
        </dl>
        {weighted.intervalBasis === 'kish' && <p class="note">{t(lang, 'basisKish')}</p>}
        {weighted.intervalBasis === 'census' && <p class="note">{t(lang, 'basisCensus')}</p>}
      </div>
      <div class="weighted-side" data-testid="unweighted">
        <h3>{t(lang, 'unweightedTitle')}</h3>
        <p>
          <span class="mid" data-col="rate" data-value={unweighted.rate ?? ''}>
            {formatPercent(unweighted.rate, lang)}
          </span>{' '}
          <span class="muted">
            n ={' '}
            <span data-col="n" data-value={unweighted.n}>
              {formatCount(unweighted.n, lang)}
            </span>{' '}
            · {formatInterval(unweighted.interval, lang)}
          </span>
        </p>
      </div>
      <p class="note weighted-note">{t(lang, 'weightedNote').replace('{min}', String(DEFAULT_MIN_SAMPLE))}</p>
    </div>
  );
}
