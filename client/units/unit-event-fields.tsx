import { useState } from 'preact/hooks';
import { t } from '../app/i18n';
import { useLang } from '../app/lang-context';

/** The effective date and the basis (resolution, decision) every reorganisation carries. */
export function useEventBasis() {
  const [effectiveOn, setEffectiveOn] = useState('');
  const [note, setNote] = useState('');
  return {
    effectiveOn,
    note,
    set: { effectiveOn: setEffectiveOn, note: setNote },
    /** As the API takes it: a blank note is left out. */
    value: () => ({ effectiveOn, ...(note.trim() ? { note: note.trim() } : {}) }),
  };
}

export type EventBasis = ReturnType<typeof useEventBasis>;

/** The two fields inside a form's grid; `prefix` names their test ids (unit-split-on, unit-split-note). */
export function EventBasisFields({ basis, prefix }: { basis: EventBasis; prefix: string }) {
  const { lang } = useLang();
  return (
    <>
      <label>
        <span>{t(lang, 'unitMergeOn')}</span>
        <input
          type="date"
          value={basis.effectiveOn}
          onInput={(e) => basis.set.effectiveOn(e.currentTarget.value)}
          required
          data-testid={`${prefix}-on`}
        />
      </label>
      <label>
        <span>{t(lang, 'unitMergeNote')}</span>
        <input value={basis.note} onInput={(e) => basis.set.note(e.currentTarget.value)} maxLength={2000} data-testid={`${prefix}-note`} />
      </label>
    </>
  );
}

/** A unit as a choice: indented by depth, its code in brackets. */
export const unitLabel = (u: { depth: number; name: string; code: string }) => `${'· '.repeat(u.depth)}${u.name} (${u.code})`;
