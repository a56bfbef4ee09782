import { useState } from 'preact/hooks';
import { ActionMessage } from '../app/action-message';
import type { Meta } from '../app/api-types';
import { inBothLanguages, t, type Lang } from '../app/i18n';
import { InBothLanguages } from '../app/in-both-languages';
import { useAction } from '../app/use-action';
import { setStaffCounters } from './admin-api';
import { staffCounterChoices, staffCounterWords } from './admin-helpers';
import type { UserItem } from './admin-types';

/**
 * The counters an officer staffs: what is linked now, in words, and folded beneath it a tick box
 * for each counter in service in the officer's unit, saved as one set (PUT /api/users/:id/counters).
 */
export function StaffCounters({ user, meta, lang, onChanged }: { user: UserItem; meta: Meta | null; lang: Lang; onChanged: () => void }) {
  const linked = user.counters ?? [];
  const [ticked, setTicked] = useState<ReadonlySet<string>>(new Set(linked));
  const action = useAction();
  const choices = meta ? staffCounterChoices(meta, user.unitId) : [];
  const toggle = (code: string, on: boolean) => {
    const next = new Set(ticked);
    if (on) next.add(code);
    else next.delete(code);
    setTicked(next);
  };
  const save = async () => {
    // Only counters still offered are sent: a link to one retired or moved away is dropped on save.
    const codes = choices.map((k) => k.code).filter((code) => ticked.has(code));
    if (await action.run(() => setStaffCounters(user.id, codes), inBothLanguages('countersSaved', { u: user.username }))) onChanged();
  };
  return (
    <details class="staff-counters" data-testid="staff-counters">
      <summary>
        {t(lang, 'staffCounters')}: <InBothLanguages text={staffCounterWords(linked)} testid="staff-counters-now" />
      </summary>
      {choices.length === 0 ? (
        <p class="muted small">{t(lang, 'noCountersToStaff')}</p>
      ) : (
        <fieldset class="choice-list">
          <legend>{inBothLanguages('staffCountersOf', { u: user.username })[lang]}</legend>
          {choices.map((k) => (
            <label key={k.code}>
              <input
                type="checkbox"
                name={`counters-${user.id}`}
                value={k.code}
                checked={ticked.has(k.code)}
                onChange={(e) => toggle(k.code, e.currentTarget.checked)}
                data-testid="staff-counter"
              />
              {k.name} ({k.code})
            </label>
          ))}
        </fieldset>
      )}
      <p class="muted small">{t(lang, 'staffCountersHint')}</p>
      {choices.length > 0 && (
        <button type="button" class="small" onClick={save} disabled={action.busy} data-testid="save-staff-counters">
          {t(lang, 'saveCounters')}
          <span class="visually-hidden"> {user.username}</span>
        </button>
      )}
      <ActionMessage error={action.error} done={action.done} testid="staff-counters" />
    </details>
  );
}
