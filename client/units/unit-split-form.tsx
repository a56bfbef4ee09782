import { useState } from 'preact/hooks';
import type { UnitKind } from '../../surveys/unit-kinds';
import { ActionMessage } from '../app/action-message';
import { formatDecimal } from '../app/format';
import { inBothLanguages, t, type Lang } from '../app/i18n';
import { useAction } from '../app/use-action';
import { useApi } from '../app/use-api';
import { EventBasisFields, unitLabel, useEventBasis } from './unit-event-fields';
import { NewUnitFields, type NewUnitState } from './unit-fields';
import { SplitHandover } from './unit-split-handover';
import { fetchCountersInService, recordReorganisation } from './units-api';
import type { UnitView } from './units-types';

interface Part {
  code: string;
  name: string;
  kind: UnitKind;
  parent: string;
  /** A percentage as typed ("60", "33,5"). */
  share: string;
}

const blank = (from: UnitView | null): Part => ({
  code: '',
  name: '',
  kind: from?.kind ?? 'ward',
  parent: from?.parentId == null ? '' : String(from.parentId),
  share: '',
});

/** "33,5" and "33.5" both read; anything else is NaN, which the server refuses in words. */
const percent = (typed: string) => (typed.trim() === '' ? NaN : Number(typed.trim().replace(',', '.')));

/**
 * One unit in force split into two or more new units from a day (POST /api/units/reorganisations,
 * kind split): each new unit's fields and its share of the old unit's past in percent, with the sum
 * shown as it is typed; each counter in service sent to one new unit; the units under it to one.
 */
export function SplitUnit({
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
  const action = useAction();
  const basis = useEventBasis();
  const [fromId, setFromId] = useState('');
  const [parts, setParts] = useState<Part[]>([blank(null), blank(null)]);
  const [counterTo, setCounterTo] = useState<Record<number, string>>({});
  const [childrenTo, setChildrenTo] = useState('0');
  const [counters] = useApi(fetchCountersInService, `counters-in-service-${version}`);
  const from = units.find((u) => String(u.id) === fromId) ?? null;
  const itsCounters = counters.kind === 'ready' && from ? counters.data.filter((c) => c.unitId === from.id) : [];
  const hasChildren = from !== null && units.some((u) => u.parentId === from.id && !u.retired);
  const sum = parts.reduce((acc, p) => acc + (percent(p.share) || 0), 0);
  const sumOk = Math.abs(sum - 100) < 1e-6;
  const typed = parts.some((p) => p.share.trim() !== '');

  const choose = (id: string) => {
    setFromId(id);
    const u = units.find((x) => String(x.id) === id) ?? null;
    // The new units are most often of the old one's kind, under its parent.
    setParts((ps) => ps.map((p) => ({ ...p, kind: u?.kind ?? p.kind, parent: u?.parentId == null ? '' : String(u.parentId) })));
    setCounterTo({});
  };
  const change = (i: number, patch: Partial<Part>) => setParts((ps) => ps.map((p, j) => (j === i ? { ...p, ...patch } : p)));
  const fieldsOf = (p: Part, i: number): NewUnitState => ({
    ...p,
    set: {
      code: (code: string) => change(i, { code }),
      name: (name: string) => change(i, { name }),
      kind: (kind: UnitKind) => change(i, { kind }),
      parent: (parent: string) => change(i, { parent }),
    },
  });
  const remove = (i: number) => {
    setParts((ps) => ps.filter((_, j) => j !== i));
    // Positions after the removed one move up by one; a mapping to it is asked again.
    const shift = (v: string) => (v === '' || Number(v) === i ? '' : String(Number(v) > i ? Number(v) - 1 : Number(v)));
    setCounterTo((m) => Object.fromEntries(Object.entries(m).map(([k, v]) => [k, shift(v)])));
    setChildrenTo((v) => shift(v) || '0');
  };

  const sumText = (l: Lang) => formatDecimal(sum, l, Number.isInteger(sum) ? 0 : 2);
  const submit = async () => {
    if (!from) return;
    // Said in percent, as typed: the server's own check speaks of fractions adding up to 1.
    if (!sumOk) {
      const wrong = inBothLanguages('unitSplitSumWrong');
      action.setDone(null);
      action.setError({ vi: wrong.vi.replace('{s}', sumText('vi')), en: wrong.en.replace('{s}', sumText('en')) });
      return;
    }
    const done = await action.run(
      () =>
        recordReorganisation({
          kind: 'split',
          ...basis.value(),
          from: from.id,
          into: parts.map((p) => ({
            code: p.code.trim(),
            name: p.name.trim(),
            kind: p.kind,
            parentId: p.parent === '' ? null : Number(p.parent),
            share: percent(p.share) / 100,
          })),
          ...(itsCounters.length > 0 ? { counters: itsCounters.map((c) => ({ counterId: c.id, to: Number(counterTo[c.id] ?? '') })) } : {}),
          ...(hasChildren ? { childrenTo: Number(childrenTo) } : {}),
        }),
      inBothLanguages('unitSplitDone', { n: `${from.name} (${from.code})` }),
    );
    if (done) {
      setFromId('');
      setParts([blank(null), blank(null)]);
      setCounterTo({});
      setChildrenTo('0');
      onSaved();
    }
  };
  const partName = (p: Part, i: number) => p.name.trim() || t(lang, 'unitSplitNew').replace('{i}', String(i + 1));
  return (
    <section class="reorganise-form" aria-labelledby="unit-split-title">
      <h3 id="unit-split-title">{t(lang, 'unitSplitTitle')}</h3>
      <p class="muted intro">{t(lang, 'unitSplitIntro')}</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
        data-testid="unit-split-form"
      >
        <div class="form-grid">
          <label>
            <span>{t(lang, 'unitSplitFrom')}</span>
            <select value={fromId} onChange={(e) => choose(e.currentTarget.value)} required data-testid="unit-split-from">
              <option value="">{t(lang, 'unitSplitChoose')}</option>
              {units
                .filter((u) => !u.retired && u.depth > 0)
                .map((u) => (
                  <option key={u.id} value={String(u.id)}>
                    {unitLabel(u)}
                  </option>
                ))}
            </select>
          </label>
          <EventBasisFields basis={basis} prefix="unit-split" />
        </div>
        {parts.map((p, i) => (
          <fieldset key={i} class="split-part" data-testid="unit-split-part">
            <legend>{t(lang, 'unitSplitNew').replace('{i}', String(i + 1))}</legend>
            <div class="form-grid">
              <NewUnitFields unit={fieldsOf(p, i)} units={units} prefix={`unit-split-${i}`} />
              <label>
                <span>{t(lang, 'unitSplitShare')}</span>
                <input
                  inputMode="decimal"
                  value={p.share}
                  onInput={(e) => change(i, { share: e.currentTarget.value })}
                  required
                  pattern="[0-9]+([.,][0-9]+)?"
                  data-testid={`unit-split-${i}-share`}
                />
              </label>
            </div>
            {parts.length > 2 && (
              <button type="button" class="button secondary small" onClick={() => remove(i)} data-testid={`unit-split-${i}-remove`}>
                {t(lang, 'unitSplitRemove')}
              </button>
            )}
          </fieldset>
        ))}
        <p
          class={sumOk ? 'split-sum split-sum-ok' : typed ? 'split-sum split-sum-off' : 'split-sum muted'}
          aria-live="polite"
          data-testid="unit-split-sum"
        >
          {t(lang, 'unitSplitSum').replace('{s}', sumText(lang))}
          {!sumOk && ` ${t(lang, 'unitSplitSumOff')}`}
        </p>
        <div class="form-actions">
          <button
            type="button"
            class="button secondary"
            disabled={parts.length >= 50}
            onClick={() => setParts((ps) => [...ps, blank(from)])}
            data-testid="unit-split-add"
          >
            {t(lang, 'unitSplitAdd')}
          </button>
        </div>
        <SplitHandover
          counters={itsCounters}
          hasChildren={hasChildren}
          targets={parts.map(partName)}
          counterTo={counterTo}
          onCounter={(id, to) => setCounterTo((m) => ({ ...m, [id]: to }))}
          childrenTo={childrenTo}
          onChildren={setChildrenTo}
        />
        <div class="form-actions">
          <button type="submit" class="button primary" disabled={action.busy} data-testid="unit-split">
            {t(lang, 'unitSplitRun')}
          </button>
        </div>
        <ActionMessage error={action.error} done={action.done} testid="unit-split" />
      </form>
    </section>
  );
}
