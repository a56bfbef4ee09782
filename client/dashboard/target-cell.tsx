import type { StatsRow } from '../app/api-types';
import { formatCount, formatRate, formatTarget } from '../app/format';
import type { Lang } from '../app/i18n';
import { sectorLabel } from '../app/sector-display';
import { VerdictBadge } from '../app/verdict-badge';
import { TARGET_BASIS_WORDS } from '../../surveys/row-target';

/**
 * A row's target and why it applies: a row of several sectors is judged against the overall
 * target, says so, and opens to each sector against its own target.
 */
export function TargetCell({ row, lang }: { row: StatsRow; lang: Lang }) {
  if (row.targetBasis !== 'mixed' || !row.sectors?.length) return <>{formatTarget(row.target, lang)}</>;
  return (
    <details class="target-basis" data-testid="target-mixed">
      <summary>
        {formatTarget(row.target, lang)} <span class="muted">({TARGET_BASIS_WORDS.mixed[lang]})</span>
      </summary>
      <ul>
        {row.sectors.map((s) => (
          <li key={s.sector} data-sector={s.sector} data-verdict={s.verdict}>
            {sectorLabel({ key: s.sector, label: s.label }, null, lang)}: {formatRate(s.rate, s.target, lang)} /{' '}
            {formatTarget(s.target, lang)}, n = {formatCount(s.n, lang)} <VerdictBadge verdict={s.verdict} lang={lang} />
          </li>
        ))}
      </ul>
    </details>
  );
}
