import { useState } from 'preact/hooks';
import { ActionMessage } from '../app/action-message';
import type { Meta } from '../app/api-types';
import { inBothLanguages, t } from '../app/i18n';
import { useLang } from '../app/lang-context';
import { UnitSelect } from '../app/unit-select';
import { useAction } from '../app/use-action';
import { assignCase } from './cases-api';

/** Hands a complaint to a unit, with a new due date if one is given. */
export function AssignForm({ id, meta, onDone }: { id: number; meta: Meta | null; onDone: () => void }) {
  const { lang } = useLang();
  const [unitId, setUnitId] = useState<number | undefined>(undefined);
  const [due, setDue] = useState('');
  const action = useAction();
  const submit = async (e: Event) => {
    e.preventDefault();
    if (unitId === undefined) {
      action.setError(inBothLanguages('fillUnit'));
      return;
    }
    if (await action.run(() => assignCase(id, unitId, due || undefined), inBothLanguages('caseSaved'))) onDone();
  };
  return (
    <form class="case-action" onSubmit={submit} noValidate data-testid="case-assign-form">
      <h3>{t(lang, 'assignTitle')}</h3>
      <UnitSelect
        units={meta?.units ?? []}
        value={unitId}
        onChange={setUnitId}
        label={t(lang, 'assignedUnit')}
        emptyLabel={t(lang, 'chooseUnit')}
        name="unitId"
        testid="case-assign-unit"
      />
      <label>
        <span>{t(lang, 'dueAtOptional')}</span>
        <input type="date" name="dueAt" value={due} onInput={(e) => setDue(e.currentTarget.value)} data-testid="case-assign-due" />
      </label>
      <ActionMessage error={action.error} done={action.done} testid="case-assign" />
      <button type="submit" class="button primary" disabled={action.busy} data-testid="case-assign">
        {t(lang, 'assign')}
      </button>
    </form>
  );
}
