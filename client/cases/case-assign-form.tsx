import { useEffect, useState } from 'preact/hooks';
import type { CaseAssignees } from '../admin/admin-types';
import { ActionMessage } from '../app/action-message';
import type { Meta } from '../app/api-types';
import { inBothLanguages, t } from '../app/i18n';
import { useLang } from '../app/lang-context';
import { UnitSelect } from '../app/unit-select';
import { useAction } from '../app/use-action';
import { assignCase, fetchAssignees } from './cases-api';

/** Whom a case of the chosen unit may be given to, fetched when the unit changes; empty until one is chosen. */
function useAssignees(unitId: number | undefined): CaseAssignees['items'] {
  const [list, setList] = useState<{ unitId: number; items: CaseAssignees['items'] } | null>(null);
  useEffect(() => {
    if (unitId === undefined) return;
    let live = true;
    fetchAssignees(unitId)
      .then((r) => live && setList({ unitId, items: r.items }))
      .catch(() => live && setList({ unitId, items: [] }));
    return () => {
      live = false;
    };
  }, [unitId]);
  return list && list.unitId === unitId ? list.items : [];
}

/** Hands a complaint to a unit and, if chosen, a person of it (the one who may call back), with a new due date if one is given. */
export function AssignForm({ id, meta, onDone }: { id: number; meta: Meta | null; onDone: () => void }) {
  const { lang } = useLang();
  const [unitId, setUnitId] = useState<number | undefined>(undefined);
  const [assigneeId, setAssigneeId] = useState<number | undefined>(undefined);
  const [due, setDue] = useState('');
  const people = useAssignees(unitId);
  const action = useAction();
  const submit = async (e: Event) => {
    e.preventDefault();
    if (unitId === undefined) {
      action.setError(inBothLanguages('fillUnit'));
      return;
    }
    const person = people.some((p) => p.id === assigneeId) ? assigneeId : undefined;
    if (await action.run(() => assignCase(id, unitId, person, due || undefined), inBothLanguages('caseSaved'))) onDone();
  };
  return (
    <form class="case-action" onSubmit={submit} noValidate data-testid="case-assign-form">
      <h3>{t(lang, 'assignTitle')}</h3>
      <UnitSelect
        units={meta?.units ?? []}
        value={unitId}
        onChange={(u) => {
          setUnitId(u);
          setAssigneeId(undefined);
        }}
        label={t(lang, 'assignedUnit')}
        emptyLabel={t(lang, 'chooseUnit')}
        name="unitId"
        testid="case-assign-unit"
      />
      <label>
        <span>{t(lang, 'assigneeOptional')}</span>
        <select
          name="assigneeId"
          value={assigneeId ?? ''}
          disabled={unitId === undefined}
          onChange={(e) => setAssigneeId(e.currentTarget.value ? Number(e.currentTarget.value) : undefined)}
          data-testid="case-assign-person"
        >
          <option value="">{t(lang, unitId === undefined ? 'chooseUnitFirst' : 'noAssignee')}</option>
          {people.map((p) => (
            <option key={p.id} value={p.id}>
              {p.username}
              {p.unitName ? ` — ${p.unitName}` : ''}
            </option>
          ))}
        </select>
      </label>
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
