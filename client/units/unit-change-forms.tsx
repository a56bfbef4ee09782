import { useState } from 'preact/hooks';
import { ActionMessage } from '../app/action-message';
import { inBothLanguages, t, type Lang } from '../app/i18n';
import { useAction } from '../app/use-action';
import { EventBasisFields, unitLabel, useEventBasis } from './unit-event-fields';
import { ParentSelect } from './unit-fields';
import { recordReorganisation } from './units-api';
import type { UnitEventBody, UnitView } from './units-types';

type ChangeKind = 'rename' | 'recode' | 'move';

const WORDS = {
  rename: { title: 'unitRenameTitle', intro: 'unitRenameIntro', field: 'unitRenameNew', run: 'unitRenameRun' },
  recode: { title: 'unitRecodeTitle', intro: 'unitRecodeIntro', field: 'unitRecodeNew', run: 'unitRecodeRun' },
  move: { title: 'unitMoveTitle', intro: 'unitMoveIntro', field: 'unitMoveNew', run: 'unitMoveRun' },
} as const;

/**
 * A rename, recode or move of one unit in force, from a day (POST /api/units/reorganisations):
 * the three differ only in the one new value asked. Test ids: unit-rename-unit, unit-rename-value…
 */
export function ChangeUnitForm({
  kind,
  units,
  lang,
  onSaved,
}: {
  kind: ChangeKind;
  units: readonly UnitView[];
  lang: Lang;
  onSaved: () => void;
}) {
  const action = useAction();
  const basis = useEventBasis();
  const [unitId, setUnitId] = useState('');
  const [value, setValue] = useState('');
  const unit = units.find((u) => String(u.id) === unitId) ?? null;
  // The top unit can only be renamed (the server says so too): a commune administrator's own unit.
  const choices = units.filter((u) => !u.retired && (kind === 'rename' || u.depth > 0));
  const words = WORDS[kind];
  const pick = (id: string) => {
    setUnitId(id);
    const u = units.find((x) => String(x.id) === id);
    if (kind === 'move') setValue(u?.parentId == null ? '' : String(u.parentId));
    else setValue(kind === 'rename' ? (u?.name ?? '') : (u?.code ?? ''));
  };
  const body = (): UnitEventBody => {
    const common = { ...basis.value(), unitId: Number(unitId) };
    if (kind === 'rename') return { ...common, kind, name: value.trim() };
    if (kind === 'recode') return { ...common, kind, code: value.trim() };
    return { ...common, kind, parentId: value === '' ? null : Number(value) };
  };
  const submit = async () => {
    const kindWords = inBothLanguages(`reorgKind_${kind}`);
    const named = unit ? `${unit.name} (${unit.code})` : '';
    const done = await action.run(() => recordReorganisation(body()), {
      vi: inBothLanguages('unitChangeDone', { n: named }).vi.replace('{k}', kindWords.vi),
      en: inBothLanguages('unitChangeDone', { n: named }).en.replace('{k}', kindWords.en),
    });
    if (done) {
      setUnitId('');
      setValue('');
      onSaved();
    }
  };
  const prefix = `unit-${kind}`;
  return (
    <section class="reorganise-form" aria-labelledby={`${prefix}-title`}>
      <h3 id={`${prefix}-title`}>{t(lang, words.title)}</h3>
      <p class="muted intro">{t(lang, words.intro)}</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
        data-testid={`${prefix}-form`}
      >
        <div class="form-grid">
          <label>
            <span>{t(lang, 'unitChangeUnit')}</span>
            <select value={unitId} onChange={(e) => pick(e.currentTarget.value)} required data-testid={`${prefix}-unit`}>
              <option value="">{t(lang, 'unitSplitChoose')}</option>
              {choices.map((u) => (
                <option key={u.id} value={String(u.id)}>
                  {unitLabel(u)}
                </option>
              ))}
            </select>
          </label>
          <label>
            <span>{t(lang, words.field)}</span>
            {kind === 'move' ? (
              <ParentSelect all={units} value={value} onChange={setValue} moving={unit} testid={`${prefix}-value`} />
            ) : (
              <input
                value={value}
                onInput={(e) => setValue(e.currentTarget.value)}
                required
                maxLength={kind === 'rename' ? 200 : 40}
                data-testid={`${prefix}-value`}
              />
            )}
          </label>
          <EventBasisFields basis={basis} prefix={prefix} />
        </div>
        <div class="form-actions">
          <button type="submit" class="button primary" disabled={action.busy} data-testid={prefix}>
            {t(lang, words.run)}
          </button>
        </div>
        <ActionMessage error={action.error} done={action.done} testid={prefix} />
      </form>
    </section>
  );
}
