import { useState } from 'preact/hooks';
import { ActionMessage } from '../app/action-message';
import type { LocalizedText } from '../app/api-types';
import { formatTarget } from '../app/format';
import { inBothLanguages, t, type Lang } from '../app/i18n';
import { InBothLanguages } from '../app/in-both-languages';
import { useLang } from '../app/lang-context';
import { LoadView } from '../app/load-states';
import { useAction } from '../app/use-action';
import { useApi } from '../app/use-api';
import { currentPlanYear } from '../../surveys/plan-targets';
import { createSector, fetchTargets, saveTargets } from './targets-api';
import { editsOf, isNewSectorCode, targetOf, yearChoices } from './targets-form';
import type { TargetLine, TargetsView } from './targets-types';

/** The year asked for in the address (?year=2027), else this plan year. */
function yearFromSearch(search: string): number {
  const raw = new URLSearchParams(search).get('year');
  const year = raw && /^\d{4}$/.test(raw) ? Number(raw) : NaN;
  return year >= 2000 && year <= 2100 ? year : currentPlanYear();
}

/**
 * The province's plan: for a chosen plan year, each sector's target in force and where it comes
 * from, edited in place (a past year only with a reason, kept in the audit log), and a form to add
 * a sector of the province's own. Read-only for analysts and commune administrators.
 */
export function TargetsPage({ search, canEdit }: { search: string; canEdit: boolean }) {
  const { lang } = useLang();
  const [year, setYear] = useState(() => yearFromSearch(search));
  const [view, retry] = useApi(() => fetchTargets(year), `targets-${year}`);
  // Kept here, so the note of what was saved stays while the page reads the targets again.
  const [saved, setSaved] = useState<LocalizedText | null>(null);
  const pick = (next: number) => {
    setSaved(null);
    setYear(next);
    history.replaceState(null, '', `${location.pathname}?year=${next}`);
  };
  return (
    <>
      <section class="panel" aria-labelledby="targets-title">
        <h2 id="targets-title">
          <InBothLanguages text={inBothLanguages('targetsTitle')} />
        </h2>
        <p class="muted intro">{t(lang, 'targetsIntro')}</p>
        {!canEdit && (
          <p class="muted" data-testid="targets-read-only">
            {t(lang, 'targetsReadOnly')}
          </p>
        )}
        <LoadView load={view} retry={retry}>
          {(data) => (
            <>
              <YearChoice data={data} year={year} lang={lang} onPick={pick} />
              <TargetTable
                key={`${data.year}-${data.targets.map((l) => `${l.sector}:${l.target}`).join()}`}
                data={data}
                lang={lang}
                canEdit={canEdit}
                onSaved={(note) => {
                  setSaved(note);
                  retry();
                }}
              />
            </>
          )}
        </LoadView>
        <ActionMessage error={null} done={saved} testid="targets-saved" />
      </section>
      {canEdit && <NewSectorForm year={view.kind === 'ready' ? view.data.currentYear : currentPlanYear()} onAdded={retry} />}
    </>
  );
}

function YearChoice({ data, year, lang, onPick }: { data: TargetsView; year: number; lang: Lang; onPick: (year: number) => void }) {
  const own = new Set(data.planYears);
  return (
    <div class="form-grid targets-year">
      <label>
        <span>{t(lang, 'targetsYear')}</span>
        <select name="year" value={String(year)} onChange={(e) => onPick(Number(e.currentTarget.value))} data-testid="targets-year">
          {yearChoices(data.currentYear, data.planYears, year).map((y) => (
            <option key={y} value={String(y)}>
              {own.has(y) ? inBothLanguages('targetsYearHasPlan', { y: String(y) })[lang] : String(y)}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}

/** "theo kế hoạch năm 2026", "mặc định", or the overall target's plan year for a province's own sector. */
export function sourceText(line: TargetLine, lang: Lang): string {
  if (line.fromYear === null) return t(lang, 'targetsFromDefault');
  const y = String(line.fromYear);
  return inBothLanguages(line.source === 'overall' ? 'targetsFromOverall' : 'targetsFromPlan', { y })[lang];
}

interface TableProps {
  data: TargetsView;
  lang: Lang;
  canEdit: boolean;
  onSaved: (note: LocalizedText) => void;
}

function TargetTable({ data, lang, canEdit, onSaved }: TableProps) {
  const [typed, setTyped] = useState<Record<string, string>>(() =>
    // Written as the chosen language writes decimals (87,5 in Vietnamese); either mark is read back.
    Object.fromEntries(data.targets.map((l) => [l.sector, lang === 'vi' ? String(l.target).replace('.', ',') : String(l.target)])),
  );
  const [reason, setReason] = useState('');
  const [shown, setShown] = useState<{ invalid: string[]; reason: boolean }>({ invalid: [], reason: false });
  const action = useAction();
  const past = data.year < data.currentYear;
  const save = async (e: Event) => {
    e.preventDefault();
    const edits = editsOf(data.targets, typed);
    const reasonMissing = past && reason.trim().length < 10;
    setShown({ invalid: edits.invalid, reason: reasonMissing && edits.changes.length > 0 });
    if (edits.invalid.length > 0) return;
    if (edits.changes.length === 0) {
      action.setError(null);
      action.setDone(inBothLanguages('targetsNothing'));
      return;
    }
    if (reasonMissing) return;
    const saved = await action.run(() => saveTargets(data.year, edits.changes, past ? reason.trim() : undefined));
    if (!saved) return;
    const n = saved.changed?.length ?? 0;
    onSaved(n === 0 ? inBothLanguages('targetsNothing') : inBothLanguages('targetsSaved', { n: String(n), y: String(data.year) }));
  };
  return (
    <form class="targets-form" onSubmit={save} noValidate data-testid="targets-form" data-year={data.year}>
      {past && (
        <p class="targets-past" data-testid="targets-past">
          {inBothLanguages('targetsPast', { y: String(data.year) })[lang]}
        </p>
      )}
      <div class="table-scroll">
        <table class="stats-table stack-on-phone targets-table" data-testid="targets-table">
          <thead>
            <tr>
              <th scope="col">{t(lang, 'targetsSector')}</th>
              <th scope="col" class="num">
                {t(lang, 'targetsInForce')}
              </th>
              <th scope="col">{t(lang, 'targetsSource')}</th>
              {canEdit && <th scope="col">{t(lang, 'targetsNew')}</th>}
            </tr>
          </thead>
          <tbody>
            {data.targets.map((line) => {
              const bad = shown.invalid.includes(line.sector);
              const id = `target-${line.sector}`;
              return (
                <tr
                  key={line.sector}
                  data-testid="target-row"
                  data-sector={line.sector}
                  data-target={line.target}
                  data-from-year={line.fromYear ?? ''}
                >
                  <th scope="row">
                    {line.name[lang]}
                    {line.isLocal && <span class="muted small"> · {t(lang, 'targetsLocal')}</span>}
                  </th>
                  <td class="num" data-label={t(lang, 'targetsInForce')}>
                    {formatTarget(line.target, lang)}
                  </td>
                  <td data-label={t(lang, 'targetsSource')} data-testid="target-source">
                    {sourceText(line, lang)}
                  </td>
                  {canEdit && (
                    <td data-label={t(lang, 'targetsNew')}>
                      <input
                        id={id}
                        name={id}
                        class="target-input"
                        inputMode="decimal"
                        aria-label={`${t(lang, 'targetsNew')}: ${line.name[lang]}`}
                        aria-invalid={bad}
                        aria-describedby={bad ? `${id}-error` : undefined}
                        value={typed[line.sector] ?? ''}
                        onInput={(e) => setTyped({ ...typed, [line.sector]: e.currentTarget.value })}
                        data-testid="target-input"
                      />
                      {bad && (
                        <span id={`${id}-error`} class="field-error">
                          {t(lang, 'targetsBadValue')}
                        </span>
                      )}
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {canEdit && (
        <>
          {past && (
            <label class="targets-reason">
              <span>{t(lang, 'targetsReason')}</span>
              <textarea
                name="reason"
                rows={2}
                maxLength={500}
                required
                value={reason}
                onInput={(e) => setReason(e.currentTarget.value)}
                aria-invalid={shown.reason}
                aria-describedby={shown.reason ? 'reason-error' : undefined}
                data-testid="targets-reason"
              />
              {shown.reason && (
                <span id="reason-error" class="field-error">
                  {t(lang, 'targetsReasonMissing')}
                </span>
              )}
            </label>
          )}
          <ActionMessage error={action.error} done={action.done} testid="targets" />
          <button type="submit" class="button primary" disabled={action.busy} data-testid="targets-save">
            {inBothLanguages('targetsSave', { y: String(data.year) })[lang]}
          </button>
        </>
      )}
    </form>
  );
}

function NewSectorForm({ year, onAdded }: { year: number; onAdded: () => void }) {
  const { lang } = useLang();
  const [code, setCode] = useState('');
  const [nameVi, setNameVi] = useState('');
  const [nameEn, setNameEn] = useState('');
  const [target, setTarget] = useState('');
  const [bad, setBad] = useState<{ code: boolean; name: boolean; target: boolean }>({ code: false, name: false, target: false });
  const action = useAction();
  const submit = async (e: Event) => {
    e.preventDefault();
    const value = target.trim() === '' ? undefined : targetOf(target);
    const problems = { code: !isNewSectorCode(code), name: nameVi.trim() === '', target: value === null };
    setBad(problems);
    if (problems.code || problems.name || problems.target) return;
    const name = nameVi.trim();
    const added = await action.run(
      () =>
        createSector({
          code: code.trim(),
          name: { vi: name, ...(nameEn.trim() ? { en: nameEn.trim() } : {}) },
          ...(value !== undefined && value !== null ? { target: value } : {}),
        }),
      inBothLanguages('sectorAdded', { name }),
    );
    if (!added) return;
    setCode('');
    setNameVi('');
    setNameEn('');
    setTarget('');
    onAdded();
  };
  return (
    <section class="panel" aria-labelledby="new-sector-title">
      <h2 id="new-sector-title">
        <InBothLanguages text={inBothLanguages('sectorAddTitle')} />
      </h2>
      <p class="muted intro">{t(lang, 'sectorAddIntro')}</p>
      <form onSubmit={submit} noValidate data-testid="new-sector-form">
        <div class="form-grid">
          <label>
            <span>{t(lang, 'sectorNameVi')}</span>
            <input
              name="nameVi"
              value={nameVi}
              maxLength={120}
              required
              onInput={(e) => setNameVi(e.currentTarget.value)}
              aria-invalid={bad.name}
              data-testid="new-sector-name-vi"
            />
            {bad.name && <span class="field-error">{t(lang, 'sectorNameMissing')}</span>}
          </label>
          <label>
            <span>{t(lang, 'sectorNameEn')}</span>
            <input
              name="nameEn"
              value={nameEn}
              maxLength={120}
              onInput={(e) => setNameEn(e.currentTarget.value)}
              data-testid="new-sector-name-en"
            />
          </label>
          <label>
            <span>{t(lang, 'sectorCode')}</span>
            <input
              name="code"
              value={code}
              autoComplete="off"
              autoCapitalize="off"
              spellcheck={false}
              maxLength={32}
              required
              onInput={(e) => setCode(e.currentTarget.value)}
              aria-invalid={bad.code}
              data-testid="new-sector-code"
            />
            {bad.code && <span class="field-error">{t(lang, 'sectorBadCode')}</span>}
          </label>
          <label>
            <span>{inBothLanguages('sectorTarget', { y: String(year) })[lang]}</span>
            <input
              name="target"
              inputMode="decimal"
              value={target}
              onInput={(e) => setTarget(e.currentTarget.value)}
              aria-invalid={bad.target}
              data-testid="new-sector-target"
            />
            {bad.target && <span class="field-error">{t(lang, 'targetsBadValue')}</span>}
          </label>
        </div>
        <ActionMessage error={action.error} done={action.done} testid="new-sector" />
        <button type="submit" class="button primary" disabled={action.busy} data-testid="new-sector-add">
          {t(lang, 'sectorAdd')}
        </button>
      </form>
    </section>
  );
}
