import { REPORT_KINDS } from '../../surveys/periods';
import { formatDay } from '../app/format';
import { t, type Lang } from '../app/i18n';
import { choiceHolding, choiceOf, PERIOD_KINDS, rangeOf, yearOptions, type PeriodChoice, type PeriodKind } from './period-choice';

interface Props {
  from: string;
  to: string;
  thisYear: number;
  lang: Lang;
  onChange: (range: { from: string; to: string }) => void;
}

const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);
const QUARTER_NAMES = ['I', 'II', 'III', 'IV'] as const;

/**
 * Month, quarter, year, a report period of Decree 09/2019 (which runs from the 15th to the 14th),
 * or any two days. The URL keeps only from/to; the picker reads back which kind they are.
 */
export function PeriodPicker({ from, to, thisYear, lang, onChange }: Props) {
  const choice = choiceOf(from, to);
  const apply = (next: PeriodChoice) => onChange(rangeOf(next));
  const year = choice.kind === 'custom' ? Number(to.slice(0, 4)) : choice.year;
  const yearSelect = (c: Exclude<PeriodChoice, { kind: 'custom' }>) => (
    <label>
      <span>{t(lang, 'year')}</span>
      <select name="year" value={String(c.year)} onChange={(e) => apply({ ...c, year: Number(e.currentTarget.value) })}>
        {yearOptions(thisYear, year).map((y) => (
          <option key={y} value={String(y)}>
            {y}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <fieldset class="period-picker" data-testid="period-picker">
      <legend>{t(lang, 'period')}</legend>
      <label>
        <span>{t(lang, 'periodKind')}</span>
        <select
          name="periodKind"
          value={choice.kind}
          onChange={(e) => apply(choiceHolding(e.currentTarget.value as PeriodKind, to, { from, to }))}
        >
          {PERIOD_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(lang, `kind_${k}`)}
            </option>
          ))}
        </select>
      </label>
      {choice.kind === 'month' && (
        <>
          <label>
            <span>{t(lang, 'month')}</span>
            <select name="month" value={String(choice.month)} onChange={(e) => apply({ ...choice, month: Number(e.currentTarget.value) })}>
              {MONTHS.map((m) => (
                <option key={m} value={String(m)}>
                  {lang === 'vi'
                    ? `Tháng ${m}`
                    : new Date(Date.UTC(2000, m - 1, 15)).toLocaleString('en-GB', { month: 'long', timeZone: 'UTC' })}
                </option>
              ))}
            </select>
          </label>
          {yearSelect(choice)}
        </>
      )}
      {choice.kind === 'quarter' && (
        <>
          <label>
            <span>{t(lang, 'quarter')}</span>
            <select
              name="quarter"
              value={String(choice.quarter)}
              onChange={(e) => apply({ ...choice, quarter: Number(e.currentTarget.value) as 1 | 2 | 3 | 4 })}
            >
              {QUARTER_NAMES.map((q, i) => (
                <option key={q} value={String(i + 1)}>
                  {lang === 'vi' ? `Quý ${q}` : `Q${i + 1}`}
                </option>
              ))}
            </select>
          </label>
          {yearSelect(choice)}
        </>
      )}
      {choice.kind === 'year' && yearSelect(choice)}
      {choice.kind === 'report' && (
        <>
          <label>
            <span>{t(lang, 'report')}</span>
            <select
              name="report"
              value={choice.report}
              onChange={(e) => apply({ ...choice, report: e.currentTarget.value as typeof choice.report })}
            >
              {REPORT_KINDS.map((r) => (
                <option key={r} value={r}>
                  {t(lang, `report_${r}`)}
                </option>
              ))}
            </select>
          </label>
          {yearSelect(choice)}
        </>
      )}
      {choice.kind === 'custom' && (
        <>
          <label>
            <span>{t(lang, 'from')}</span>
            <input
              type="date"
              name="from"
              value={from}
              max={to}
              required
              onChange={(e) => e.currentTarget.value && onChange({ from: e.currentTarget.value, to })}
            />
          </label>
          <label>
            <span>{t(lang, 'to')}</span>
            <input
              type="date"
              name="to"
              value={to}
              min={from}
              required
              onChange={(e) => e.currentTarget.value && onChange({ from, to: e.currentTarget.value })}
            />
          </label>
        </>
      )}
      {/* The exact days, since a report period's 15th-to-14th is easy to misremember. */}
      <p class="period-range" data-testid="period-range" data-from={from} data-to={to}>
        {formatDay(from, lang)} – {formatDay(to, lang)}
      </p>
    </fieldset>
  );
}
