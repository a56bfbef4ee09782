import { useState } from 'preact/hooks';
import { ActionMessage } from '../app/action-message';
import type { MetaUnit } from '../app/api-types';
import { formatPercent } from '../app/format';
import { inBothLanguages, t, type Lang, type StringKey } from '../app/i18n';
import { InBothLanguages } from '../app/in-both-languages';
import { UnitSelect } from '../app/unit-select';
import { useAction } from '../app/use-action';
import { PORTAL_INDICATORS, portalValueOf, type PortalIndicator } from '../../surveys/portal-figures';
import { saveFigure } from './reconciliation-api';
import { periodOptions } from './reconciliation-periods';

const GROUPS = [
  ['months', 'reconMonths'],
  ['quarters', 'reconQuarters'],
  ['reports', 'reconReports'],
] as const;

/** One figure of the portal: unit, indicator, a period of the reporting calendar (or any dates), value, note. */
export function FigureForm({ lang, units, year, onSaved }: { lang: Lang; units: readonly MetaUnit[]; year: number; onSaved: () => void }) {
  const periods = periodOptions(year);
  const [unit, setUnit] = useState<number | undefined>(units.length === 1 ? units[0]!.id : undefined);
  const [indicator, setIndicator] = useState<PortalIndicator>('r3');
  const [period, setPeriod] = useState('q1');
  const [custom, setCustom] = useState({ from: `${year}-01-01`, to: `${year}-03-31` });
  const [value, setValue] = useState('');
  const [note, setNote] = useState('');
  const [badValue, setBadValue] = useState(false);
  const action = useAction();
  const chosen = periods.find((p) => p.key === period);
  const range = period === 'custom' || !chosen ? custom : chosen;
  const submit = async (e: Event) => {
    e.preventDefault();
    const bad = portalValueOf(value) === null;
    setBadValue(bad);
    if (bad || unit === undefined) return;
    const saved = await action.run(() => saveFigure({ unitId: unit, indicator, from: range.from, to: range.to, value, note }));
    if (!saved) return;
    action.setDone(
      saved.replaced ? inBothLanguages('reconReplaced', { v: formatPercent(saved.replaced.value, lang) }) : inBothLanguages('reconSaved'),
    );
    setValue('');
    setNote('');
    onSaved();
  };
  return (
    <section class="panel" aria-labelledby="recon-enter-title">
      <h2 id="recon-enter-title">
        <InBothLanguages text={inBothLanguages('reconEnterTitle')} />
      </h2>
      <form onSubmit={submit} noValidate data-testid="recon-form">
        <div class="form-grid">
          <UnitSelect
            units={units}
            value={unit}
            onChange={setUnit}
            label={t(lang, 'reconUnit')}
            emptyLabel={t(lang, 'reconChooseUnit')}
            name="unit"
            testid="recon-unit"
          />
          <label>
            <span>{t(lang, 'reconIndicator')}</span>
            <select
              name="indicator"
              value={indicator}
              onChange={(e) => setIndicator(e.currentTarget.value as PortalIndicator)}
              data-testid="recon-indicator"
            >
              {PORTAL_INDICATORS.map((i) => (
                <option key={i} value={i}>
                  {t(lang, `indicator_${i}` as StringKey)}
                </option>
              ))}
            </select>
          </label>
          <label>
            <span>{t(lang, 'reconPeriod')}</span>
            <select name="period" value={period} onChange={(e) => setPeriod(e.currentTarget.value)} data-testid="recon-period">
              {GROUPS.map(([group, label]) => (
                <optgroup key={group} label={t(lang, label)}>
                  {periods
                    .filter((p) => p.group === group)
                    .map((p) => (
                      <option key={p.key} value={p.key}>
                        {p.label[lang]}
                      </option>
                    ))}
                </optgroup>
              ))}
              <option value="year">{periods.find((p) => p.key === 'year')!.label[lang]}</option>
              <option value="custom">{t(lang, 'reconCustom')}</option>
            </select>
          </label>
          {period === 'custom' && (
            <>
              <label>
                <span>{t(lang, 'from')}</span>
                <input
                  type="date"
                  value={custom.from}
                  onInput={(e) => setCustom({ ...custom, from: e.currentTarget.value })}
                  data-testid="recon-from"
                />
              </label>
              <label>
                <span>{t(lang, 'to')}</span>
                <input
                  type="date"
                  value={custom.to}
                  onInput={(e) => setCustom({ ...custom, to: e.currentTarget.value })}
                  data-testid="recon-to"
                />
              </label>
            </>
          )}
          <label>
            <span>{t(lang, 'reconValue')}</span>
            <input
              name="value"
              inputMode="decimal"
              placeholder={t(lang, 'reconValueHelp')}
              value={value}
              aria-invalid={badValue}
              aria-describedby={badValue ? 'recon-value-error' : undefined}
              onInput={(e) => setValue(e.currentTarget.value)}
              data-testid="recon-value"
            />
            {badValue && (
              <span id="recon-value-error" class="field-error">
                {t(lang, 'reconBadValue')}
              </span>
            )}
          </label>
          <label>
            <span>{t(lang, 'reconNote')}</span>
            <input name="note" maxLength={500} value={note} onInput={(e) => setNote(e.currentTarget.value)} data-testid="recon-note" />
          </label>
        </div>
        <div class="form-actions">
          <button type="submit" class="button primary" disabled={action.busy || unit === undefined} data-testid="recon-save">
            {action.busy ? t(lang, 'working') : t(lang, 'reconSave')}
          </button>
        </div>
        <ActionMessage error={action.error} done={action.done} testid="recon-save" />
      </form>
    </section>
  );
}
