import { useState } from 'preact/hooks';
import type { MetaUnit } from '../app/api-types';
import { formatCount } from '../app/format';
import { t, type Lang } from '../app/i18n';
import { UnitSelect } from '../app/unit-select';
import { requiredFor, type DraftErrors, type StratumDraft } from './wave-draft';

interface Props {
  units: readonly MetaUnit[];
  strata: StratumDraft[];
  margin: string;
  errors: DraftErrors;
  lang: Lang;
  onChange: (strata: StratumDraft[]) => void;
}

/**
 * The wave's strata: pick a unit from the tree, type its population N, and see the Yamane sample
 * size n recomputed as each digit goes in. A unit can be one stratum only.
 */
export function StrataEditor({ units, strata, margin, errors, lang, onChange }: Props) {
  const [picked, setPicked] = useState<number | undefined>(undefined);
  const taken = new Set(strata.map((s) => s.unitId));
  const nameOf = (id: number) => units.find((u) => u.id === id)?.name ?? String(id);
  const add = () => {
    if (picked === undefined || taken.has(picked)) return;
    onChange([...strata, { unitId: picked, population: '' }]);
    setPicked(undefined);
    // The new row's N is what the analyst types next.
    requestAnimationFrame(() => document.querySelector<HTMLInputElement>(`input[data-unit="${picked}"]`)?.focus());
  };
  const sizes = strata.map((s) => requiredFor(s.population, margin));
  const total = sizes.every((n) => n !== null) && sizes.length > 0 ? sizes.reduce<number>((a, n) => a + n, 0) : null;
  return (
    <fieldset class="strata-editor" aria-describedby="strata-hint" data-testid="strata-editor">
      <legend>{t(lang, 'strata')}</legend>
      <p id="strata-hint" class="muted">
        {t(lang, 'strataHint')}
      </p>
      <div class="strata-add">
        <UnitSelect
          units={units}
          value={picked}
          onChange={setPicked}
          label={t(lang, 'unit')}
          emptyLabel={t(lang, 'chooseUnit')}
          name="stratumUnit"
          disabled={taken}
          testid="stratum-unit"
        />
        <button type="button" class="button secondary" onClick={add} disabled={picked === undefined} data-testid="add-stratum">
          {t(lang, 'addStratum')}
        </button>
      </div>
      {errors.strata && (
        <p class="form-error" id="strata-error" role="alert">
          {t(lang, errors.strata)}
        </p>
      )}
      {strata.length > 0 && (
        <table class="stats-table strata-table" data-testid="strata-table">
          <thead>
            <tr>
              <th scope="col">{t(lang, 'unit')}</th>
              <th scope="col" class="num">
                {t(lang, 'population')}
              </th>
              <th scope="col" class="num">
                {t(lang, 'required')}
              </th>
              <th scope="col">
                <span class="visually-hidden">{t(lang, 'remove')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {strata.map((s, i) => {
              const err = errors[`population_${i}`];
              const id = `population-${s.unitId}`;
              return (
                <tr key={s.unitId} data-key={s.unitId}>
                  <th scope="row">
                    <label for={id}>{nameOf(s.unitId)}</label>
                  </th>
                  <td class="num">
                    <input
                      id={id}
                      class="population-input"
                      inputMode="numeric"
                      autoComplete="off"
                      value={s.population}
                      data-unit={s.unitId}
                      aria-invalid={err ? true : undefined}
                      aria-describedby={err ? `${id}-error` : undefined}
                      onInput={(e) => onChange(strata.map((x, j) => (j === i ? { ...x, population: e.currentTarget.value } : x)))}
                    />
                    {err && (
                      <span class="field-error" id={`${id}-error`}>
                        {t(lang, err)}
                      </span>
                    )}
                  </td>
                  <td class="num" data-col="required" data-value={sizes[i] ?? ''} aria-live="polite">
                    {sizes[i] === null ? '—' : formatCount(sizes[i]!, lang)}
                  </td>
                  <td>
                    <button type="button" class="button secondary small" onClick={() => onChange(strata.filter((_, j) => j !== i))}>
                      {t(lang, 'remove')} <span class="visually-hidden">{nameOf(s.unitId)}</span>
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t(lang, 'totalRow')}</th>
              <td />
              <td class="num" data-col="required-total" data-value={total ?? ''}>
                {total === null ? '—' : formatCount(total, lang)}
              </td>
              <td />
            </tr>
          </tfoot>
        </table>
      )}
    </fieldset>
  );
}
