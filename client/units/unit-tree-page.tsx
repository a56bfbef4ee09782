import { useState } from 'preact/hooks';
import { CURRENT_UNIT_KINDS, UNIT_KIND_NAMES, type UnitKind } from '../../surveys/unit-kinds';
import { ActionMessage } from '../app/action-message';
import { ApiError } from '../app/api';
import type { LocalizedText } from '../app/api-types';
import { formatCount } from '../app/format';
import { inBothLanguages, t, type Lang } from '../app/i18n';
import { InBothLanguages, inBothLanguagesText } from '../app/in-both-languages';
import { useLang } from '../app/lang-context';
import { LOGIN_PATH } from '../app/links';
import { LoadView } from '../app/load-states';
import { navigate } from '../app/router';
import { useAction } from '../app/use-action';
import { messageOf, useApi } from '../app/use-api';
import { problemsOf } from '../imports/import-file';
import { changeUnit, createUnit, fetchUnits, importUnitList, recordMerge } from './units-api';
import type { UnitImportProblem, UnitImportResult, UnitView } from './units-types';
import { ProblemTable } from '../imports/problem-table';

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
      <MergeUnits units={list} lang={lang} onSaved={reload} />
      <ImportUnits lang={lang} onSaved={reload} />
    </>
  );
}

const kindName = (kind: UnitKind) => inBothLanguagesText(UNIT_KIND_NAMES[kind]);

/** The units a unit may be put under: those in force, outside its own subtree. */
function parentChoices(all: readonly UnitView[], moving: UnitView | null): UnitView[] {
  if (!moving) return all.filter((u) => !u.retired);
  const below = new Set<number>([moving.id]);
  for (const u of all) if (u.parentId !== null && below.has(u.parentId)) below.add(u.id);
  return all.filter((u) => !u.retired && !below.has(u.id));
}

/** A commune administrator's tree starts at their own unit, which has a parent they do not see. */
const isScoped = (all: readonly UnitView[]) => all.some((u) => u.depth === 0 && u.parentId !== null);

function ParentSelect({
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
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [kind, setKind] = useState<UnitKind>('commune');
  const [parent, setParent] = useState('');
  const [validFrom, setValidFrom] = useState('');
  const submit = async () => {
    const created = await action.run(
      () =>
        createUnit({
          code: code.trim(),
          name: name.trim(),
          kind,
          parentId: parent === '' ? null : Number(parent),
          ...(validFrom ? { validFrom } : {}),
        }),
      inBothLanguages('unitCreated', { n: name.trim() }),
    );
    if (created) {
      setCode('');
      setName('');
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
          <label>
            <span>{t(lang, 'unitParent')}</span>
            <ParentSelect all={units} value={parent} onChange={setParent} moving={null} testid="unit-create-parent" />
          </label>
          <label>
            <span>{t(lang, 'unitKind')}</span>
            <select value={kind} onChange={(e) => setKind(e.currentTarget.value as UnitKind)} data-testid="unit-create-kind">
              {CURRENT_UNIT_KINDS.map((k) => (
                <option key={k} value={k}>
                  {kindName(k)}
                </option>
              ))}
            </select>
          </label>
          <label>
            <span>{t(lang, 'unitCode')}</span>
            <input value={code} onInput={(e) => setCode(e.currentTarget.value)} required maxLength={40} data-testid="unit-create-code" />
          </label>
          <label>
            <span>{t(lang, 'unitName')}</span>
            <input value={name} onInput={(e) => setName(e.currentTarget.value)} required maxLength={200} data-testid="unit-create-name" />
          </label>
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
function MergeUnits({ units, lang, onSaved }: { units: readonly UnitView[]; lang: Lang; onSaved: () => void }) {
  const action = useAction();
  const [from, setFrom] = useState<string[]>([]);
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [kind, setKind] = useState<UnitKind>('ward');
  const [parent, setParent] = useState('');
  const [effectiveOn, setEffectiveOn] = useState('');
  const [note, setNote] = useState('');
  const submit = async () => {
    const done = await action.run(
      () =>
        recordMerge({
          kind: 'merge',
          effectiveOn,
          ...(note.trim() ? { note: note.trim() } : {}),
          from: from.map(Number),
          into: { code: code.trim(), name: name.trim(), kind, parentId: parent === '' ? null : Number(parent) },
        }),
      inBothLanguages('unitMergeDone', { n: name.trim() }),
    );
    if (done) {
      setFrom([]);
      setCode('');
      setName('');
      onSaved();
    }
  };
  return (
    <section class="panel" aria-labelledby="unit-merge-title">
      <h2 id="unit-merge-title">
        <InBothLanguages text={inBothLanguages('unitMergeTitle')} />
      </h2>
      <p class="muted intro">{t(lang, 'unitMergeIntro')}</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
        data-testid="unit-merge-form"
      >
        <div class="form-grid">
          <label>
            <span>{t(lang, 'unitMergeFrom')}</span>
            <select
              multiple
              size={6}
              required
              onChange={(e) => setFrom(Array.from(e.currentTarget.selectedOptions, (o) => o.value))}
              data-testid="unit-merge-from"
            >
              {units
                .filter((u) => !u.retired && u.depth > 0)
                .map((u) => (
                  <option key={u.id} value={String(u.id)} selected={from.includes(String(u.id))} data-kind={u.kind}>
                    {`${'· '.repeat(u.depth)}${u.name} (${u.code})`}
                  </option>
                ))}
            </select>
          </label>
          <label>
            <span>{t(lang, 'unitMergeOn')}</span>
            <input
              type="date"
              value={effectiveOn}
              onInput={(e) => setEffectiveOn(e.currentTarget.value)}
              required
              data-testid="unit-merge-on"
            />
          </label>
          <label>
            <span>{t(lang, 'unitParent')}</span>
            <ParentSelect all={units} value={parent} onChange={setParent} moving={null} testid="unit-merge-parent" />
          </label>
          <label>
            <span>{t(lang, 'unitKind')}</span>
            <select value={kind} onChange={(e) => setKind(e.currentTarget.value as UnitKind)} data-testid="unit-merge-kind">
              {CURRENT_UNIT_KINDS.map((k) => (
                <option key={k} value={k}>
                  {kindName(k)}
                </option>
              ))}
            </select>
          </label>
          <label>
            <span>{t(lang, 'unitCode')}</span>
            <input value={code} onInput={(e) => setCode(e.currentTarget.value)} required maxLength={40} data-testid="unit-merge-code" />
          </label>
          <label>
            <span>{t(lang, 'unitName')}</span>
            <input value={name} onInput={(e) => setName(e.currentTarget.value)} required maxLength={200} data-testid="unit-merge-name" />
          </label>
          <label>
            <span>{t(lang, 'unitMergeNote')}</span>
            <input value={note} onInput={(e) => setNote(e.currentTarget.value)} maxLength={2000} data-testid="unit-merge-note" />
          </label>
        </div>
        <div class="form-actions">
          <button type="submit" class="button primary" disabled={action.busy} data-testid="unit-merge">
            {t(lang, 'unitMergeRun')}
          </button>
        </div>
        <ActionMessage error={action.error} done={action.done} testid="unit-merge" />
      </form>
    </section>
  );
}

type ImportOutcome =
  | { kind: 'done'; result: UnitImportResult }
  | { kind: 'rejected'; rows: number; problems: UnitImportProblem[] }
  | { kind: 'error'; message: LocalizedText };

function ImportUnits({ lang, onSaved }: { lang: Lang; onSaved: () => void }) {
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);
  const run = async () => {
    if (!file) return;
    setBusy(true);
    setOutcome(null);
    try {
      const result = await importUnitList(file);
      setOutcome({ kind: 'done', result });
      onSaved();
    } catch (err) {
      const problems = err instanceof ApiError && err.status === 422 ? problemsOf(err.body) : null;
      if (err instanceof ApiError && err.status === 401) navigate(LOGIN_PATH, { replace: true });
      else if (problems)
        setOutcome({ kind: 'rejected', rows: Number((err as ApiError & { body: { rows?: number } }).body?.rows ?? 0), problems });
      else setOutcome({ kind: 'error', message: messageOf(err) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="panel" aria-labelledby="unit-import-title">
      <h2 id="unit-import-title">
        <InBothLanguages text={inBothLanguages('unitImportTitle')} />
      </h2>
      <p class="muted intro">{t(lang, 'unitImportIntro')}</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void run();
        }}
        data-testid="unit-import-form"
      >
        <div class="form-grid">
          <label>
            <span>{t(lang, 'unitImportFile')}</span>
            <input
              type="file"
              accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              onChange={(e) => {
                setFile(e.currentTarget.files?.[0] ?? null);
                setOutcome(null);
              }}
              required
              data-testid="unit-import-file"
            />
          </label>
        </div>
        <div class="form-actions">
          <button type="submit" class="button primary" disabled={busy || !file} data-testid="unit-import-run">
            {busy ? t(lang, 'working') : t(lang, 'unitImportRun')}
          </button>
        </div>
      </form>
      <div aria-live="polite">{outcome && <ImportReport outcome={outcome} lang={lang} />}</div>
    </section>
  );
}

function ImportReport({ outcome, lang }: { outcome: ImportOutcome; lang: Lang }) {
  if (outcome.kind === 'error')
    return (
      <p class="form-error" role="alert">
        {outcome.message[lang]}
      </p>
    );
  if (outcome.kind === 'done') {
    const r = outcome.result;
    const fill = {
      r: formatCount(r.rows, lang),
      c: formatCount(r.created, lang),
      u: formatCount(r.updated, lang),
      s: formatCount(r.unchanged, lang),
    };
    return (
      <p class="import-ok" data-testid="unit-import-done" data-created={r.created} data-updated={r.updated} data-unchanged={r.unchanged}>
        ✓ <InBothLanguages text={inBothLanguages('unitImportDone', fill)} />
      </p>
    );
  }
  return (
    <div class="import-rejected" role="alert">
      <p class="form-error" data-testid="unit-import-rejected" data-problems={outcome.problems.length}>
        {t(lang, 'unitImportRejected')
          .replace('{p}', formatCount(outcome.problems.length, lang))
          .replace('{r}', formatCount(outcome.rows, lang))}
      </p>
      <div class="table-scroll">
        <ProblemTable problems={outcome.problems} caption={t(lang, 'unitProblemsCaption')} testid="unit-import-problems" />
      </div>
    </div>
  );
}
