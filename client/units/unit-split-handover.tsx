import { t } from '../app/i18n';
import { useLang } from '../app/lang-context';
import type { CounterInService } from './units-types';

/**
 * Where a split unit's counters in service and the units under it go: one select per counter (none
 * chosen at first, the server wants each one placed) and one for the units, among the new units
 * named `targets` in their order.
 */
export function SplitHandover({
  counters,
  hasChildren,
  targets,
  counterTo,
  onCounter,
  childrenTo,
  onChildren,
}: {
  counters: readonly CounterInService[];
  hasChildren: boolean;
  targets: readonly string[];
  counterTo: Readonly<Record<number, string>>;
  onCounter: (counterId: number, to: string) => void;
  childrenTo: string;
  onChildren: (to: string) => void;
}) {
  const { lang } = useLang();
  if (counters.length === 0 && !hasChildren) return null;
  const options = targets.map((name, i) => (
    <option key={i} value={String(i)}>
      {name}
    </option>
  ));
  return (
    <fieldset class="split-part">
      <legend>{t(lang, 'unitSplitCounters')}</legend>
      <div class="form-grid">
        {counters.map((c) => (
          <label key={c.id}>
            <span>{t(lang, 'unitSplitCounter').replace('{n}', `${c.name} (${c.code})`)}</span>
            <select
              value={counterTo[c.id] ?? ''}
              onChange={(e) => onCounter(c.id, e.currentTarget.value)}
              required
              data-testid={`unit-split-counter-${c.code}`}
            >
              <option value="">{t(lang, 'unitSplitCounterPick')}</option>
              {options}
            </select>
          </label>
        ))}
        {hasChildren && (
          <label>
            <span>{t(lang, 'unitSplitChildren')}</span>
            <select value={childrenTo} onChange={(e) => onChildren(e.currentTarget.value)} data-testid="unit-split-children">
              {options}
            </select>
          </label>
        )}
      </div>
    </fieldset>
  );
}
