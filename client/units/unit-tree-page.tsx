import { useState } from 'preact/hooks';
import { UNIT_KIND_NAMES } from '../../surveys/unit-kinds';
import { ActionMessage } from '../app/action-message';
import { inBothLanguages, t, type Lang } from '../app/i18n';
import { InBothLanguages } from '../app/in-both-languages';
import { useLang } from '../app/lang-context';
import { LoadView } from '../app/load-states';
import { useAction } from '../app/use-action';
import { useApi } from '../app/use-api';
import { changeUnit, createUnit, fetchUnits } from './units-api';
import type { UnitView } from './units-types';
import { NewUnitFields, ParentSelect, useNewUnit } from './unit-fields';
import { ImportUnits } from './unit-import-form';
import { ReorganisationHistory } from './reorganisation-history';
import { ReorganiseUnits } from './unit-reorganise-panel';
import { ImportReorganisation } from './reorganisation-import-form';

/**
 * The administrator's unit tree: every unit of their subtree as an indented list (kind, code,
 * name, validity), a form to add one under a unit of the tree, each unit's own edit (rename,
 * recode, move with its subtree, retire or bring back), and a whole unit list imported at once.
 * The server checks every rule; the page shows its refusal in words.
 */
export function UnitTreePage() {
  const { lang } = useLang();
  const [retired, setRetired] = useState(false);
  const [version, setVersion] = useState(0);
  const [units, retry] = useApi(() => fetchUnits(retired), `units-${retired ? 1 : 0}-${version}`);
  const reload = () => setVersion((v) => v + 1);
  const list = units.kind === 'ready' ? units.data.units : [];
  return (
    <>
      <section class="panel" aria-labelledby="unit-tree-title">
        <h2 id="unit-tree-title">
          <InBothLanguages text={inBothLanguages('unitTreeTitle')} />
        </h2>
        <p class="muted intro">{t(lang, 'unitTreeIntro')}</p>
        <label class="unit-show-retired">
          <input type="checkbox" checked={retired} onChange={(e) => setRetired(e.currentTarget.checked)} data-testid="units-show-retired" />{' '}
          {t(lang, 'unitShowRetired')}
        </label>
        <LoadView load={units} retry={retry} isEmpty={(d) => d.units.length === 0} emptyText="unitNone">
          {(data) => (
            <ul class="unit-tree" data-testid="unit-tree">
              {data.units.map((u) => (
                <UnitRow key={u.id} unit={u} all={data.units} lang={lang} onSaved={reload} />
              ))}
            </ul>
          )}
        </LoadView>
      </section>
      <CreateUnit units={list} lang={lang} onSaved={reload} />
      <ReorganiseUnits units={list} lang={lang} onSaved={reload} version={version} />
      <ReorganisationHistory lang={lang} version={version} onChanged={reload} />
      <ImportUnits lang={lang} onSaved={reload} />
      <ImportReorganisation lang={lang} onSaved={reload} />
    </>
  );
}

function validity(u: UnitView, lang: Lang): string {
  const parts: string[] = [];
  if (u.validFrom) parts.push(t(lang, 'unitSince').replace('{d}', u.validFrom));
  if (u.validTo) parts.push(t(lang, 'unitUntil').replace('{d}', u.validTo));
  return parts.length > 0 ? parts.join(' ') : t(lang, 'unitAlways');
}

function UnitRow({ unit, all, lang, onSaved }: { unit: UnitView; all: readonly UnitView[]; lang: Lang; onSaved: () => void }) {
  const [editing, setEditing] = useState(false);
  const indent = `${Math.min(unit.depth, 6) * 0.75}rem`;
  return (
    <li
      class={unit.retired ? 'unit-row unit-retired' : 'unit-row'}
      style={{ marginInlineStart: indent }}
      data-testid="unit-row"
      data-code={unit.code}
      data-depth={unit.depth}
      data-retired={unit.retired ? '1' : '0'}
    >
      <div class="unit-line">
        <span class="unit-kind">{UNIT_KIND_NAMES[unit.kind][lang]}</span>
        <code class="unit-code">{unit.code}</code>
        <span class="unit-name">{unit.name}</span>
        <span class={unit.retired ? 'unit-validity state-off' : 'unit-validity muted'}>
          {unit.retired && <strong>{t(lang, 'unitRetired')} · </strong>}
          {validity(unit, lang)}
        </span>
        <button
          type="button"
          class="button secondary small"
          aria-expanded={editing}
          onClick={() => setEditing(!editing)}
          data-testid="unit-edit"
        >
          {t(lang, editing ? 'unitCloseEdit' : 'unitEdit')}
          <span class="visually-hidden"> {unit.name}</span>
        </button>
      </div>
      {editing && <EditUnit unit={unit} all={all} lang={lang} onSaved={onSaved} />}
    </li>
  );
}

function EditUnit({ unit, all, lang, onSaved }: { unit: UnitView; all: readonly UnitView[]; lang: Lang; onSaved: () => void }) {
  const action = useAction();
  const [name, setName] = useState(unit.name);
  const [code, setCode] = useState(unit.code);
  const [parent, setParent] = useState(unit.parentId === null ? '' : String(unit.parentId));
  const [lastDay, setLastDay] = useState('');
  const save = async () => {
    const body: { name?: string; code?: string; parentId?: number | null } = {};
    if (name.trim() !== unit.name) body.name = name.trim();
    if (code.trim() !== unit.code) body.code = code.trim();
    const parentId = parent === '' ? null : Number(parent);
    if (parentId !== unit.parentId) body.parentId = parentId;
    if (Object.keys(body).length === 0) return;
    const saved = await action.run(() => changeUnit(unit.id, body), inBothLanguages('unitSaved', { n: name.trim() }));
    if (saved) onSaved();
  };
  const retire = async (back: boolean) => {
    const body = back ? { retired: false } : lastDay ? { validTo: lastDay } : { retired: true };
    const done = inBothLanguages(back ? 'unitBackDone' : 'unitRetiredDone', { n: unit.name });
    const saved = await action.run(() => changeUnit(unit.id, body), done);
    if (saved) onSaved();
  };
  const id = `unit-${unit.id}`;
  return (
    <form
      class="unit-edit"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
      data-testid="unit-edit-form"
    >
      <div class="form-grid">
        <label>
          <span>{t(lang, 'unitName')}</span>
          <input value={name} onInput={(e) => setName(e.currentTarget.value)} required maxLength={200} data-testid="unit-edit-name" />
        </label>
        <label>
          <span>{t(lang, 'unitCode')}</span>
          <input value={code} onInput={(e) => setCode(e.currentTarget.value)} required maxLength={40} data-testid="unit-edit-code" />
        </label>
        <label>
          <span>{t(lang, 'unitParent')}</span>
          <ParentSelect all={all} value={parent} onChange={setParent} moving={unit} testid="unit-edit-parent" />
        </label>
      </div>
      <div class="form-actions">
        <button type="submit" class="button primary" disabled={action.busy} data-testid="unit-save">
          {t(lang, 'unitSave')}
        </button>
      </div>
      <div class="form-grid">
        {!unit.retired && (
          <label for={`${id}-last`}>
            <span>{t(lang, 'unitValidTo')}</span>
            <input
              id={`${id}-last`}
              type="date"
              value={lastDay}
              onInput={(e) => setLastDay(e.currentTarget.value)}
              data-testid="unit-last-day"
            />
            <span class="muted small">{t(lang, 'unitRetireHint')}</span>
          </label>
        )}
      </div>
      <div class="form-actions">
        {unit.retired ? (
          <button
            type="button"
            class="button secondary"
            disabled={action.busy}
            onClick={() => void retire(true)}
            data-testid="unit-reactivate"
          >
            {t(lang, 'unitReactivate')}
          </button>
        ) : (
          <button
            type="button"
            class="button secondary"
            disabled={action.busy}
            onClick={() => void retire(false)}
            data-testid="unit-retire"
          >
            {t(lang, 'unitRetire')}
          </button>
        )}
      </div>
      <ActionMessage error={action.error} done={action.done} testid="unit-edit" />
    </form>
  );
}

function CreateUnit({ units, lang, onSaved }: { units: readonly UnitView[]; lang: Lang; onSaved: () => void }) {
  const action = useAction();
  const unit = useNewUnit('commune');
  const [validFrom, setValidFrom] = useState('');
  const submit = async () => {
    const created = await action.run(
      () =>
        createUnit({
          ...unit.value(),
          ...(validFrom ? { validFrom } : {}),
        }),
      inBothLanguages('unitCreated', { n: unit.name.trim() }),
    );
    if (created) {
      unit.clear();
      onSaved();
    }
  };
  return (
    <section class="panel" aria-labelledby="unit-create-title">
      <h2 id="unit-create-title">
        <InBothLanguages text={inBothLanguages('unitCreateTitle')} />
      </h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
        data-testid="unit-create-form"
      >
        <div class="form-grid">
          <NewUnitFields unit={unit} units={units} prefix="unit-create" />
          <label>
            <span>{t(lang, 'unitValidFrom')}</span>
            <input type="date" value={validFrom} onInput={(e) => setValidFrom(e.currentTarget.value)} data-testid="unit-create-from" />
          </label>
        </div>
        <div class="form-actions">
          <button type="submit" class="button primary" disabled={action.busy} data-testid="unit-create">
            {t(lang, 'unitCreate')}
          </button>
        </div>
        <ActionMessage error={action.error} done={action.done} testid="unit-create" />
      </form>
    </section>
  );
}

/** A merge of two or more units in force into a new unit, effective on a day. */
