import { useState } from 'preact/hooks';
import { CURRENT_UNIT_KINDS, UNIT_KIND_NAMES, type UnitKind } from '../../surveys/unit-kinds';
import { t } from '../app/i18n';
import { inBothLanguagesText } from '../app/in-both-languages';
import { useLang } from '../app/lang-context';
import type { UnitView } from './units-types';

export const kindName = (kind: UnitKind) => inBothLanguagesText(UNIT_KIND_NAMES[kind]);

/** The units a unit may be put under: those in force, outside its own subtree. */
function parentChoices(all: readonly UnitView[], moving: UnitView | null): UnitView[] {
  if (!moving) return all.filter((u) => !u.retired);
  const below = new Set<number>([moving.id]);
  for (const u of all) if (u.parentId !== null && below.has(u.parentId)) below.add(u.id);
  return all.filter((u) => !u.retired && !below.has(u.id));
}

/** A commune administrator's tree starts at their own unit, which has a parent they do not see. */
const isScoped = (all: readonly UnitView[]) => all.some((u) => u.depth === 0 && u.parentId !== null);

export function ParentSelect({
  all,
  value,
  onChange,
  moving,
  testid,
}: {
  all: readonly UnitView[];
  value: string;
  onChange: (v: string) => void;
  moving: UnitView | null;
  testid: string;
}) {
  const { lang } = useLang();
  return (
    <select value={value} onChange={(e) => onChange(e.currentTarget.value)} data-testid={testid}>
      {(!isScoped(all) || value === '') && <option value="">{t(lang, 'unitTop')}</option>}
      {parentChoices(all, moving).map((u) => (
        <option key={u.id} value={String(u.id)}>
          {`${'· '.repeat(u.depth)}${u.name} (${u.code})`}
        </option>
      ))}
    </select>
  );
}

/** What a new unit needs — parent, kind, code, name — as the create and merge forms both ask it. */
export function useNewUnit(defaultKind: UnitKind) {
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [kind, setKind] = useState<UnitKind>(defaultKind);
  const [parent, setParent] = useState('');
  return {
    code,
    name,
    kind,
    parent,
    set: { code: setCode, name: setName, kind: setKind, parent: setParent },
    /** The unit as the API takes it. */
    value: () => ({ code: code.trim(), name: name.trim(), kind, parentId: parent === '' ? null : Number(parent) }),
    clear: () => {
      setCode('');
      setName('');
    },
  };
}

export type NewUnit = ReturnType<typeof useNewUnit>;

/** What the fields read and write: a split keeps several of these in one list. */
export interface NewUnitState {
  code: string;
  name: string;
  kind: UnitKind;
  parent: string;
  set: { code: (v: string) => void; name: (v: string) => void; kind: (v: UnitKind) => void; parent: (v: string) => void };
}

/** The four fields of a new unit inside a form's grid; `prefix` names their test ids (unit-create, unit-merge, unit-split-0). */
export function NewUnitFields({ unit, units, prefix }: { unit: NewUnitState; units: readonly UnitView[]; prefix: string }) {
  const { lang } = useLang();
  return (
    <>
      <label>
        <span>{t(lang, 'unitParent')}</span>
        <ParentSelect all={units} value={unit.parent} onChange={unit.set.parent} moving={null} testid={`${prefix}-parent`} />
      </label>
      <label>
        <span>{t(lang, 'unitKind')}</span>
        <select value={unit.kind} onChange={(e) => unit.set.kind(e.currentTarget.value as UnitKind)} data-testid={`${prefix}-kind`}>
          {CURRENT_UNIT_KINDS.map((k) => (
            <option key={k} value={k}>
              {kindName(k)}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t(lang, 'unitCode')}</span>
        <input
          value={unit.code}
          onInput={(e) => unit.set.code(e.currentTarget.value)}
          required
          maxLength={40}
          data-testid={`${prefix}-code`}
        />
      </label>
      <label>
        <span>{t(lang, 'unitName')}</span>
        <input
          value={unit.name}
          onInput={(e) => unit.set.name(e.currentTarget.value)}
          required
          maxLength={200}
          data-testid={`${prefix}-name`}
        />
      </label>
    </>
  );
}
