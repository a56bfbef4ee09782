import { formatCount, formatDecimal, formatInterval, formatPercent, formatRate, formatTarget } from '../app/format';
import { t, type Lang } from '../app/i18n';
import { confidenceText } from '../app/verdict';
import { VerdictBadge } from '../app/verdict-badge';
import type { RateSummary, WeightedSummary } from './waves-types';

/**
 * A wave's weighted rate, labelled as such, with the unweighted one beside it for comparison.
 * It always stands on its own card: a weighted wave rate is never added to counter QR rates.
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
            <dt>{t(lang, 'answers')}</dt>
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
            <dt>{t(lang, 'interval')}</dt>
            <dd data-col="interval" data-low={weighted.interval?.low ?? ''} data-high={weighted.interval?.high ?? ''}>
              {formatInterval(weighted.interval, lang)}
            </dd>
          </div>
        </dl>
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
      <p class="note weighted-note">{t(lang, 'weightedNote')}</p>
    </div>
  );
}
