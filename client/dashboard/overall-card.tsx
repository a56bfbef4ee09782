import type { StatsRow } from '../app/api-types';
import { formatCount, formatInterval, formatRate, formatTarget } from '../app/format';
import { t, type Lang } from '../app/i18n';
import { confidenceText } from '../app/verdict';
import { VerdictBadge } from '../app/verdict-badge';

interface Props {
  overall: StatsRow;
  /** The name of the filtered sector, when one is chosen; otherwise "all sectors". */
  title: string;
  lang: Lang;
}

/** The headline: the rate of everything in the filter against its target, with the evidence for the verdict. */
export function OverallCard({ overall, title, lang }: Props) {
  return (
    <section class={`overall-card tone-${overall.verdict}`} data-testid="overall" aria-labelledby="overall-title">
      <h2 id="overall-title">{title}</h2>
      <p class="overall-rate">
        <span class="big" data-col="rate" data-value={overall.rate ?? ''}>
          {formatRate(overall.rate, overall.target, lang)}
        </span>
        <span class="vs">
          {t(lang, 'target')}{' '}
          <span data-col="target" data-value={overall.target}>
            {formatTarget(overall.target, lang)}
          </span>
        </span>
      </p>
      <p class="overall-verdict">
        <span data-col="verdict" data-value={overall.verdict}>
          <VerdictBadge verdict={overall.verdict} lang={lang} />
        </span>
        {overall.confidence && (
          <span class="confidence" data-col="confidence" data-value={overall.confidence}>
            {confidenceText(overall.confidence, lang)}
          </span>
        )}
      </p>
      <dl class="overall-facts">
        <div>
          <dt>{t(lang, 'answers')}</dt>
          <dd data-col="n" data-value={overall.n}>
            {formatCount(overall.n, lang)}
          </dd>
        </div>
        <div>
          <dt>{t(lang, 'satisfied')}</dt>
          <dd data-col="satisfied" data-value={overall.satisfied}>
            {formatCount(overall.satisfied, lang)}
          </dd>
        </div>
        <div>
          <dt>{t(lang, 'interval')}</dt>
          <dd data-col="interval" data-low={overall.interval?.low ?? ''} data-high={overall.interval?.high ?? ''}>
            {formatInterval(overall.interval, lang)}
          </dd>
        </div>
      </dl>
    </section>
  );
}
