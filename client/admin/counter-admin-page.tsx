import { useState } from 'preact/hooks';
import { localDay } from '../../surveys/time';
import { ActionMessage } from '../app/action-message';
import { ApiError } from '../app/api';
import type { LocalizedText, Meta } from '../app/api-types';
import { formatCount, formatDay } from '../app/format';
import { inBothLanguages, t, type Lang } from '../app/i18n';
import { InBothLanguages } from '../app/in-both-languages';
import { useLang } from '../app/lang-context';
import { LoadView } from '../app/load-states';
import { UnitSelect } from '../app/unit-select';
import { useAction } from '../app/use-action';
import { useApi } from '../app/use-api';
import { importContentType, problemsOf } from '../imports/import-file';
import type { ImportProblem } from '../imports/imports-types';
import { changeCounter, createCounter, fetchCounterSettings, importCounterSheet, setCounterKiosk } from './admin-api';
import type { CounterChange, CounterSetting, CounterSheetResult } from './admin-types';
import { RefusedFile } from '../imports/problem-table';

/**
 * The administrator's counters (/app/kiosk): a new counter, a sheet of them, and each counter of
 * their units as a card to edit, switch to kiosk mode, retire or re-open, with its QR poster.
 */
export function CounterAdminPage({ meta }: { meta: Meta | null }) {
  const { lang } = useLang();
  const [counters, retry] = useApi(fetchCounterSettings, 'counter-settings');
  return (
    <>
      <NewCounterPanel meta={meta} onCreated={retry} />
      <SheetPanel onSaved={retry} />
      <section class="panel" aria-labelledby="kiosk-title">
        <h2 id="kiosk-title">
          <InBothLanguages text={inBothLanguages('counterAdminTitle')} />
        </h2>
        <p class="muted intro">{t(lang, 'counterAdminIntro')}</p>
        <p class="muted small">{t(lang, 'kioskIntro')}</p>
        <LoadView load={counters} retry={retry} isEmpty={(d) => d.counters.length === 0} emptyText="noCounterSettings">
          {(data) => (
            <ul class="record-list" data-testid="kiosk-list">
              {data.counters.map((c) => (
                <CounterCard key={`${c.code}-${c.unit.id}-${c.retired}-${c.name}`} counter={c} meta={meta} lang={lang} onChanged={retry} />
              ))}
            </ul>
          )}
        </LoadView>
      </section>
    </>
  );
}

interface FormValues {
  name: string;
  unitId: number | undefined;
  sectors: string[];
  survey: string;
}

/** What a counter form is missing before it is worth sending, or null. */
function formProblem(v: FormValues): LocalizedText | null {
  if (v.name.trim() === '') return inBothLanguages('enterName');
  if (v.unitId === undefined) return inBothLanguages('counterUnitMissing');
  if (v.sectors.length === 0) return inBothLanguages('chooseSectors');
  return null;
}

/** Name, unit (from the tree), sectors (checkboxes, in the plan's order) and survey: the fields a counter is made of. */
function CounterFields({
  meta,
  values,
  onChange,
  idPrefix,
  surveyOptional,
}: {
  meta: Meta | null;
  values: FormValues;
  onChange: (v: FormValues) => void;
  idPrefix: string;
  surveyOptional: boolean;
}) {
  const { lang } = useLang();
  const set = (patch: Partial<FormValues>) => onChange({ ...values, ...patch });
  const toggleSector = (code: string, on: boolean) =>
    set({ sectors: on ? [...values.sectors.filter((s) => s !== code), code] : values.sectors.filter((s) => s !== code) });
  return (
    <>
      <div class="form-grid">
        <label>
          <span>{t(lang, 'counterName')}</span>
          <input
            name="name"
            autoComplete="off"
            maxLength={120}
            value={values.name}
            onInput={(e) => set({ name: e.currentTarget.value })}
            data-testid={`${idPrefix}-name`}
          />
        </label>
        <UnitSelect
          units={meta?.units ?? []}
          value={values.unitId}
          onChange={(unitId) => set({ unitId })}
          label={t(lang, 'unit')}
          emptyLabel={t(lang, 'chooseUnit')}
          name="unitId"
          testid={`${idPrefix}-unit`}
        />
        <label>
          <span>{t(lang, 'surveyAsked')}</span>
          <select
            name="survey"
            value={values.survey}
            onChange={(e) => set({ survey: e.currentTarget.value })}
            data-testid={`${idPrefix}-survey`}
          >
            {surveyOptional && <option value="">{t(lang, 'surveyDefault')}</option>}
            {(meta?.surveys ?? []).map((s) => (
              <option key={s.key} value={s.key}>
                {s.title[lang]} (v{s.version})
              </option>
            ))}
          </select>
        </label>
      </div>
      <fieldset class="choice-list counter-choices sector-choices" data-testid={`${idPrefix}-sectors`}>
        <legend>{t(lang, 'sectorsServed')}</legend>
        {(meta?.sectors ?? []).map((s) => (
          <label key={s.code}>
            <input
              type="checkbox"
              name="sectors"
              value={s.code}
              checked={values.sectors.includes(s.code)}
              onChange={(e) => toggleSector(s.code, e.currentTarget.checked)}
            />
            {s.name[lang]}
          </label>
        ))}
      </fieldset>
    </>
  );
}

function NewCounterPanel({ meta, onCreated }: { meta: Meta | null; onCreated: () => void }) {
  const { lang } = useLang();
  const empty: FormValues = { name: '', unitId: undefined, sectors: [], survey: '' };
  const [values, setValues] = useState<FormValues>(empty);
  const [code, setCode] = useState('');
  const [kiosk, setKiosk] = useState(false);
  const action = useAction();
  const submit = async (e: Event) => {
    e.preventDefault();
    const problem = formProblem(values);
    if (problem) {
      action.setError(problem);
      return;
    }
    const created = await action.run(() =>
      createCounter({
        name: values.name.trim(),
        unitId: values.unitId!,
        sectors: values.sectors,
        ...(code.trim() ? { code: code.trim() } : {}),
        ...(values.survey ? { survey: values.survey } : {}),
        kiosk,
      }),
    );
    if (created) {
      action.setDone(inBothLanguages('counterCreated', { c: created.name, k: created.code }));
      setValues(empty);
      setCode('');
      setKiosk(false);
      onCreated();
    }
  };
  return (
    <details class="panel counter-fold" data-testid="new-counter-panel">
      <summary>
        <h2>
          <InBothLanguages text={inBothLanguages('newCounterTitle')} />
        </h2>
      </summary>
      <form onSubmit={submit} noValidate data-testid="new-counter-form">
        <CounterFields meta={meta} values={values} onChange={setValues} idPrefix="new-counter" surveyOptional />
        <div class="form-grid">
          <label>
            <span>{t(lang, 'counterCodeOptional')}</span>
            <input
              name="code"
              autoComplete="off"
              maxLength={63}
              value={code}
              onInput={(e) => setCode(e.currentTarget.value)}
              aria-describedby="new-counter-code-hint"
              data-testid="new-counter-code"
            />
            <span id="new-counter-code-hint" class="muted small">
              {t(lang, 'counterCodeHint')}
            </span>
          </label>
        </div>
        <fieldset class="choice-list counter-choices">
          <legend>{t(lang, 'kioskLegend')}</legend>
          <label>
            <input
              type="checkbox"
              name="kiosk"
              checked={kiosk}
              onChange={(e) => setKiosk(e.currentTarget.checked)}
              data-testid="new-counter-kiosk"
            />
            {t(lang, 'kioskAtStart')}
          </label>
        </fieldset>
        <ActionMessage error={action.error} done={action.done} testid="new-counter" />
        <button type="submit" class="button primary" disabled={action.busy} data-testid="create-counter">
          {action.busy ? t(lang, 'saving') : t(lang, 'create')}
        </button>
      </form>
    </details>
  );
}

/** One counter: its facts, and what an administrator does with it; after a change it shows what the server answered. */
function CounterCard({
  counter: initial,
  meta,
  lang,
  onChanged,
}: {
  counter: CounterSetting;
  meta: Meta | null;
  lang: Lang;
  onChanged: () => void;
}) {
  const action = useAction();
  const [counter, setCounter] = useState(initial);
  const [editing, setEditing] = useState(false);
  const sectorName = (code: string) => meta?.sectors.find((s) => s.code === code)?.name[lang] ?? code;

  const change = async (patch: CounterChange, done: LocalizedText, reload = false) => {
    const saved = await action.run(() => changeCounter(counter.code, patch), done);
    if (saved) {
      setCounter(saved);
      if (reload) onChanged();
    }
    return saved;
  };
  const toggleKiosk = async () => {
    const done = inBothLanguages(counter.kiosk ? 'kioskTurnedOff' : 'kioskTurnedOn', { c: counter.name });
    const saved = await action.run(() => setCounterKiosk(counter.code, !counter.kiosk), done);
    if (saved) setCounter(saved);
  };
  const retire = async () => {
    if (!counter.retired && !confirm(inBothLanguages('retireConfirm', { c: counter.name })[lang])) return;
    await change(
      { retired: !counter.retired },
      inBothLanguages(counter.retired ? 'counterReactivated' : 'counterRetiredDone', { c: counter.name }),
    );
  };

  const state: LocalizedText = counter.retired
    ? inBothLanguages('counterRetiredOn', { d: counter.retiredAt ? formatDay(localDay(new Date(counter.retiredAt)), 'vi') : '' })
    : inBothLanguages(counter.kiosk ? 'kioskOn' : 'kioskOff');
  return (
    <li
      class={`record${counter.retired ? ' record-done' : ''}`}
      data-testid="kiosk-counter"
      data-code={counter.code}
      data-kiosk={counter.kiosk ? 'on' : 'off'}
      data-retired={counter.retired ? '1' : '0'}
    >
      <div class="record-main">
        <p class="record-title" data-testid="counter-name">
          {counter.name}
        </p>
        <dl class="record-facts">
          <dt>{t(lang, 'counterCode')}</dt>
          <dd>
            <code>{counter.code}</code>
          </dd>
          <dt>{t(lang, 'unit')}</dt>
          <dd data-testid="counter-unit">{counter.unit.name}</dd>
          <dt>{t(lang, 'sectorsLabel')}</dt>
          <dd data-testid="counter-sectors">{counter.sectors.map(sectorName).join(', ')}</dd>
          <dt>{t(lang, 'surveyLabel')}</dt>
          <dd>{counter.survey.title ? `${counter.survey.title[lang]} (v${counter.survey.version})` : counter.survey.key}</dd>
        </dl>
        {editing && (
          <EditCounterForm
            counter={counter}
            meta={meta}
            onCancel={() => setEditing(false)}
            onSave={async (patch) => {
              const saved = await change(patch, inBothLanguages('counterSaved', { c: patch.name ?? counter.name }), true);
              if (saved) setEditing(false);
              return saved !== undefined;
            }}
            error={action.error}
            busy={action.busy}
          />
        )}
      </div>
      <div class="record-side">
        <p class={`record-state ${counter.kiosk && !counter.retired ? 'state-on' : 'state-off'}`} data-testid="kiosk-state">
          <InBothLanguages text={state} />
        </p>
        {!counter.retired && (
          <button
            type="button"
            class={counter.kiosk ? 'button secondary' : 'button primary'}
            onClick={toggleKiosk}
            disabled={action.busy}
            data-testid="kiosk-toggle"
          >
            {t(lang, counter.kiosk ? 'turnKioskOff' : 'turnKioskOn')}
            <span class="visually-hidden"> {counter.name}</span>
          </button>
        )}
        <span class="row-actions">
          {!editing && (
            <button type="button" class="button secondary" onClick={() => setEditing(true)} data-testid="counter-edit">
              {t(lang, 'edit')}
              <span class="visually-hidden"> {counter.name}</span>
            </button>
          )}
          <button type="button" class="button secondary" onClick={retire} disabled={action.busy} data-testid="counter-retire">
            {t(lang, counter.retired ? 'reactivateCounter' : 'retireCounter')}
            <span class="visually-hidden"> {counter.name}</span>
          </button>
        </span>
        {counter.posterUrl && (
          <a href={counter.posterUrl} target="_blank" rel="noopener" data-testid="counter-poster">
            {t(lang, 'posterLink')}
            <span class="visually-hidden"> {counter.name}</span>
          </a>
        )}
        {!editing && <ActionMessage error={action.error} done={action.done} testid="kiosk" />}
      </div>
    </li>
  );
}

function EditCounterForm({
  counter,
  meta,
  onCancel,
  onSave,
  error,
  busy,
}: {
  counter: CounterSetting;
  meta: Meta | null;
  onCancel: () => void;
  onSave: (patch: CounterChange) => Promise<boolean>;
  error: LocalizedText | null;
  busy: boolean;
}) {
  const { lang } = useLang();
  const [values, setValues] = useState<FormValues>({
    name: counter.name,
    unitId: counter.unit.id,
    sectors: counter.sectors,
    survey: counter.survey.key,
  });
  const [problem, setProblem] = useState<LocalizedText | null>(null);
  const submit = async (e: Event) => {
    e.preventDefault();
    const missing = formProblem(values);
    setProblem(missing);
    if (missing) return;
    const patch: CounterChange = {};
    if (values.name.trim() !== counter.name) patch.name = values.name.trim();
    if (values.unitId !== counter.unit.id) patch.unitId = values.unitId!;
    if (values.sectors.join() !== counter.sectors.join()) patch.sectors = values.sectors;
    if (values.survey !== counter.survey.key) patch.survey = values.survey;
    if (Object.keys(patch).length === 0) {
      onCancel();
      return;
    }
    await onSave(patch);
  };
  return (
    <form
      class="counter-edit"
      onSubmit={submit}
      noValidate
      data-testid="counter-edit-form"
      aria-label={inBothLanguages('editCounter', { c: counter.name })[lang]}
    >
      <CounterFields meta={meta} values={values} onChange={setValues} idPrefix="edit-counter" surveyOptional={false} />
      <ActionMessage error={problem ?? error} done={null} testid="counter-edit" />
      <span class="row-actions">
        <button type="submit" class="button primary" disabled={busy} data-testid="counter-save">
          {busy ? t(lang, 'saving') : t(lang, 'save')}
        </button>
        <button type="button" class="button secondary" onClick={onCancel}>
          {t(lang, 'cancel')}
        </button>
      </span>
    </form>
  );
}

type SheetOutcome = { kind: 'saved'; result: CounterSheetResult } | { kind: 'rejected'; rows: number; problems: ImportProblem[] };

/** A sheet of counters sent whole: saved, with what each line did, or refused with every problem by line. */
function SheetPanel({ onSaved }: { onSaved: () => void }) {
  const { lang } = useLang();
  const [file, setFile] = useState<File | null>(null);
  const [outcome, setOutcome] = useState<SheetOutcome | null>(null);
  const action = useAction();
  const submit = async (e: Event) => {
    e.preventDefault();
    setOutcome(null);
    if (!file) {
      action.setError(inBothLanguages('sheetChooseFile'));
      return;
    }
    const result = await action.run(async () => {
      try {
        return await importCounterSheet(file, importContentType(file));
      } catch (err) {
        const problems = err instanceof ApiError && err.status === 422 ? problemsOf(err.body) : null;
        if (problems) {
          setOutcome({ kind: 'rejected', rows: Number((err as ApiError & { body: { rows?: number } }).body?.rows ?? 0), problems });
          return undefined;
        }
        throw err;
      }
    });
    if (result) {
      setOutcome({ kind: 'saved', result });
      onSaved();
    }
  };
  return (
    <details class="panel counter-fold" data-testid="counter-sheet-panel">
      <summary>
        <h2>
          <InBothLanguages text={inBothLanguages('sheetTitle')} />
        </h2>
      </summary>
      <p class="muted intro">{t(lang, 'sheetIntro')}</p>
      <form onSubmit={submit} noValidate data-testid="counter-sheet-form">
        <div class="form-grid">
          <label>
            <span>{t(lang, 'sheetFile')}</span>
            <input
              type="file"
              name="file"
              accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)}
              data-testid="counter-sheet-file"
            />
          </label>
        </div>
        <ActionMessage error={action.error} done={null} testid="counter-sheet" />
        <button type="submit" class="button primary" disabled={action.busy} data-testid="counter-sheet-send">
          {action.busy ? t(lang, 'saving') : t(lang, 'sheetSend')}
        </button>
      </form>
      {outcome && <SheetReport outcome={outcome} lang={lang} />}
    </details>
  );
}

function SheetReport({ outcome, lang }: { outcome: SheetOutcome; lang: Lang }) {
  if (outcome.kind === 'saved') {
    const r = outcome.result;
    return (
      <div role="status">
        <p
          class="import-ok"
          data-testid="counter-sheet-saved"
          data-created={r.created}
          data-updated={r.updated}
          data-unchanged={r.unchanged}
        >
          ✓{' '}
          {t(lang, 'sheetSaved')
            .replace('{r}', formatCount(r.rows, lang))
            .replace('{c}', formatCount(r.created, lang))
            .replace('{u}', formatCount(r.updated, lang))
            .replace('{n}', formatCount(r.unchanged, lang))}
        </p>
        <div class="table-scroll">
          <table class="stats-table stacked-table" data-testid="counter-sheet-lines">
            <caption>{t(lang, 'sheetLinesCaption')}</caption>
            <thead>
              <tr>
                <th scope="col" class="num">
                  {t(lang, 'lineNo')}
                </th>
                <th scope="col">{t(lang, 'counterCode')}</th>
                <th scope="col">{t(lang, 'outcome')}</th>
              </tr>
            </thead>
            <tbody>
              {r.lines.map((l) => (
                <tr key={l.line} data-line={l.line} data-outcome={l.outcome}>
                  <td class="num" data-label={t(lang, 'lineNo')}>
                    {l.line}
                  </td>
                  <td data-label={t(lang, 'counterCode')}>
                    <code>{l.code}</code>
                  </td>
                  <td data-label={t(lang, 'outcome')}>{t(lang, `outcome_${l.outcome}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
    );
  }
  return <RefusedFile outcome={outcome} summary="sheetRejected" caption="sheetProblemsCaption" prefix="counter-sheet" />;
}
