import type { Meta } from '../app/api-types';
import { formatDay } from '../app/format';
import { t, type Lang } from '../app/i18n';
import { addDays } from '../../surveys/time';
import { viewRule } from '../../surveys/view-rule';

/** The day before the latest reorganisation: the last day of the tree before it, a sensible first choice. */
const lastDayBefore = (days: readonly string[]) => addDays([...days].sort().at(-1)!, -1);

/**
 * Which tree the figures are told in, offered once units were reorganised: today's units
 * (view=now) or those in force on a chosen day (view=asOf).
 */
export function ViewChoice({
  asOf,
  meta,
  lang,
  onChange,
}: {
  asOf: string | undefined;
  meta: Meta;
  lang: Lang;
  onChange: (asOf: string | undefined) => void;
}) {
  const days = meta.reorganisationDays ?? [];
  return (
    <>
      <label>
        <span>{t(lang, 'unitTree')}</span>
        <select
          name="view"
          value={asOf ? 'asOf' : 'now'}
          onChange={(e) => onChange(e.currentTarget.value === 'asOf' ? lastDayBefore(days) : undefined)}
        >
          <option value="now">{t(lang, 'viewNow')}</option>
          <option value="asOf">{t(lang, 'viewAsOf')}</option>
        </select>
      </label>
      {asOf && (
        <label>
          <span>{t(lang, 'viewDay')}</span>
          <input type="date" name="asOf" value={asOf} required onChange={(e) => e.currentTarget.value && onChange(e.currentTarget.value)} />
        </label>
      )}
    </>
  );
}

/** The rule of the view in force, said beside the figures. */
export function ViewRule({ asOf, lang }: { asOf: string | undefined; lang: Lang }) {
  const text = viewRule(asOf ? formatDay(asOf, lang) : undefined)[lang];
  return (
    <p class="note view-rule" data-testid="view-rule">
      {text}
    </p>
  );
}
