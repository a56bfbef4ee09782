import { useState } from 'preact/hooks';
import { inBothLanguages, type Lang } from '../app/i18n';
import { InBothLanguages, inBothLanguagesText } from '../app/in-both-languages';
import { ChangeUnitForm } from './unit-change-forms';
import { MergeUnits } from './unit-merge-form';
import { SplitUnit } from './unit-split-form';
import type { ReorganisationKind, UnitView } from './units-types';

export const REORGANISATION_KINDS = ['merge', 'split', 'rename', 'recode', 'move'] as const satisfies readonly ReorganisationKind[];

/** One panel for the five kinds of change: a select (it fits a phone, unlike five tabs) shows one form at a time. */
export function ReorganiseUnits({
  units,
  lang,
  onSaved,
  version,
}: {
  units: readonly UnitView[];
  lang: Lang;
  onSaved: () => void;
  version: number;
}) {
  const [kind, setKind] = useState<ReorganisationKind>('merge');
  return (
    <section class="panel" aria-labelledby="unit-reorganise-title">
      <h2 id="unit-reorganise-title">
        <InBothLanguages text={inBothLanguages('unitReorganiseTitle')} />
      </h2>
      <label class="reorganise-kind">
        <InBothLanguages text={inBothLanguages('unitReorganiseKind')} />
        <select value={kind} onChange={(e) => setKind(e.currentTarget.value as ReorganisationKind)} data-testid="unit-reorganise-kind">
          {REORGANISATION_KINDS.map((k) => (
            <option key={k} value={k}>
              {inBothLanguagesText(inBothLanguages(`reorgKind_${k}`))}
            </option>
          ))}
        </select>
      </label>
      {kind === 'merge' && <MergeUnits units={units} lang={lang} onSaved={onSaved} />}
      {kind === 'split' && <SplitUnit units={units} lang={lang} onSaved={onSaved} version={version} />}
      {(kind === 'rename' || kind === 'recode' || kind === 'move') && (
        <ChangeUnitForm key={kind} kind={kind} units={units} lang={lang} onSaved={onSaved} />
      )}
    </section>
  );
}
