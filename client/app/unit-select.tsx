import type { MetaUnit } from './api-types';
import { unitOptions } from './unit-options';

// A <select> cannot hold markup, so the tree is drawn with spaces and a corner mark (as in the filter bar).
const INDENT = '\u00a0\u00a0\u00a0';
const BRANCH = '└\u00a0';

interface Props {
  units: readonly MetaUnit[];
  value: number | undefined;
  onChange: (unit: number | undefined) => void;
  label: string;
  /** The first option: "all units" where that means something, "choose…" otherwise. */
  emptyLabel: string;
  name: string;
  /** Units that cannot be picked again (already a stratum). */
  disabled?: ReadonlySet<number>;
  testid?: string;
  /** The label is for screen readers only (a table's column already says it). */
  labelHidden?: boolean;
}

/** The unit tree as an indented select, with its label. */
export function UnitSelect({ units, value, onChange, label, emptyLabel, name, disabled, testid, labelHidden }: Props) {
  return (
    <label>
      <span class={labelHidden ? 'visually-hidden' : undefined}>{label}</span>
      <select
        name={name}
        value={value === undefined ? '' : String(value)}
        onChange={(e) => onChange(e.currentTarget.value ? Number(e.currentTarget.value) : undefined)}
        data-testid={testid}
      >
        <option value="">{emptyLabel}</option>
        {unitOptions(units).map((u) => (
          <option key={u.id} value={String(u.id)} disabled={disabled?.has(u.id)}>
            {(u.depth > 0 ? INDENT.repeat(u.depth - 1) + BRANCH : '') + u.name}
          </option>
        ))}
      </select>
    </label>
  );
}
