import { useState } from 'preact/hooks';
import { ActionMessage } from '../app/action-message';
import { inBothLanguages, t, type Lang } from '../app/i18n';
import { useAction } from '../app/use-action';
import { recordMerge } from './units-api';
import type { UnitView } from './units-types';

import { NewUnitFields, useNewUnit } from './unit-fields';

/** Several units merged into one new unit from a date (POST /api/units/reorganisations, kind merge). */
export function MergeUnits({ units, lang, onSaved }: { units: readonly UnitView[]; lang: Lang; onSaved: () => void }) {
  const action = useAction();
  const [from, setFrom] = useState<string[]>([]);
  const unit = useNewUnit('ward');
  const [effectiveOn, setEffectiveOn] = useState('');
  const [note, setNote] = useState('');
  const submit = async () => {
    const done = await action.run(
      () =>
        recordMerge({
          kind: 'merge',
          effectiveOn,
          ...(note.trim() ? { note: note.trim() } : {}),
          from: from.map(Number),
          into: unit.value(),
        }),
      inBothLanguages('unitMergeDone', { n: unit.name.trim() }),
    );
    if (done) {
      setFrom([]);
      unit.clear();
      onSaved();
    }
  };
  return (
    <section class="reorganise-form" aria-labelledby="unit-merge-title">
      <h3 id="unit-merge-title">{t(lang, 'unitMergeTitle')}</h3>
      <p class="muted intro">{t(lang, 'unitMergeIntro')}</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
        data-testid="unit-merge-form"
      >
        <div class="form-grid">
          <label>
            <span>{t(lang, 'unitMergeFrom')}</span>
            <select
              multiple
              size={6}
              required
              onChange={(e) => setFrom(Array.from(e.currentTarget.selectedOptions, (o) => o.value))}
              data-testid="unit-merge-from"
            >
              {units
                .filter((u) => !u.retired && u.depth > 0)
                .map((u) => (
                  <option key={u.id} value={String(u.id)} selected={from.includes(String(u.id))} data-kind={u.kind}>
                    {`${'· '.repeat(u.depth)}${u.name} (${u.code})`}
                  </option>
                ))}
            </select>
          </label>
          <label>
            <span>{t(lang, 'unitMergeOn')}</span>
            <input
              type="date"
              value={effectiveOn}
              onInput={(e) => setEffectiveOn(e.currentTarget.value)}
              required
              data-testid="unit-merge-on"
            />
          </label>
          <NewUnitFields unit={unit} units={units} prefix="unit-merge" />
          <label>
            <span>{t(lang, 'unitMergeNote')}</span>
            <input value={note} onInput={(e) => setNote(e.currentTarget.value)} maxLength={2000} data-testid="unit-merge-note" />
          </label>
        </div>
        <div class="form-actions">
          <button type="submit" class="button primary" disabled={action.busy} data-testid="unit-merge">
            {t(lang, 'unitMergeRun')}
          </button>
        </div>
        <ActionMessage error={action.error} done={action.done} testid="unit-merge" />
      </form>
    </section>
  );
}
