import type { MetaUnit } from '../app/api-types';
import { inBothLanguages, type Lang } from '../app/i18n';
import { inBothLanguagesText } from '../app/in-both-languages';
import { unitTreeOptions } from '../app/unit-options';

interface Props {
  /** The units the administrator manages (their own subtree: the shell's scoped lists). */
  units: readonly MetaUnit[];
  value: number | null;
  onChange: (unitId: number | null) => void;
  /** Whether "the whole tenant" may be chosen: only a tenant-wide administrator gives that scope. */
  wholeTenant: boolean;
  lang: Lang;
  label: string;
  name: string;
  testid: string;
  labelHidden?: boolean;
}

/**
 * The scope an account is given, chosen from the unit tree: each unit indented by depth with its
 * code and kind, and (for a tenant-wide administrator) the whole tenant first, named as such.
 */
export function ScopeSelect({ units, value, onChange, wholeTenant, lang, label, name, testid, labelHidden }: Props) {
  const options = unitTreeOptions(units, lang);
  return (
    <label>
      <span class={labelHidden ? 'visually-hidden' : undefined}>{label}</span>
      <select
        class="scope-select"
        name={name}
        value={value === null ? '' : String(value)}
        onChange={(e) => onChange(e.currentTarget.value ? Number(e.currentTarget.value) : null)}
        data-testid={testid}
      >
        {wholeTenant && <option value="">{inBothLanguagesText(inBothLanguages('scopeWholeTenant'))}</option>}
        {options.map((u) => (
          <option key={u.id} value={String(u.id)}>
            {u.label}
          </option>
        ))}
      </select>
    </label>
  );
}
