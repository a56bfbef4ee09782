import { useState } from 'preact/hooks';
import { ApiError } from '../app/api';
import type { LocalizedText, Meta } from '../app/api-types';
import { formatCount } from '../app/format';
import { t, type Lang } from '../app/i18n';
import { useLang } from '../app/lang-context';
import { LOGIN_PATH } from '../app/links';
import { ErrorBox } from '../app/load-states';
import { navigate } from '../app/router';
import { messageOf, useApi } from '../app/use-api';
import { fetchWaves } from '../waves/waves-api';
import { importContentType, problemsOf } from './import-file';
import { postImport, type ImportTarget } from './imports-api';
import type { ImportProblem, ImportResult } from './imports-types';
import { RefusedFile } from './problem-table';

type Outcome =
  | { kind: 'checked'; result: ImportResult }
  | { kind: 'imported'; result: ImportResult }
  | { kind: 'rejected'; rows: number; problems: ImportProblem[] }
  | { kind: 'error'; message: LocalizedText };

/**
 * Earlier paper-survey results into a counter or a wave: check the file (a dry run), then import
 * it. The server takes every row or none, so a refused file leaves nothing behind and the table
 * says which line and column to fix.
 */
export function ImportsPage({ meta }: { meta: Meta | null }) {
  const { lang } = useLang();
  const [into, setInto] = useState<'counter' | 'wave'>('counter');
  const [counter, setCounter] = useState('');
  const [wave, setWave] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  // Import is offered once this exact file and target passed a check.
  const [checkedFor, setCheckedFor] = useState<string | null>(null);
  const [waves] = useApi(fetchWaves, 'waves');

  const target: ImportTarget | null = into === 'counter' ? (counter ? { counter } : null) : wave ? { wave: Number(wave) } : null;
  const signature = file && target ? `${JSON.stringify(target)}|${file.name}|${file.size}|${file.lastModified}` : null;

  const run = async (dryRun: boolean) => {
    if (!file || !target) return;
    setBusy(true);
    setOutcome(null);
    try {
      const result = await postImport(target, file, importContentType(file), dryRun);
      setOutcome({ kind: dryRun ? 'checked' : 'imported', result });
      setCheckedFor(dryRun ? signature : null);
    } catch (err) {
      setCheckedFor(null);
      const problems = err instanceof ApiError && err.status === 422 ? problemsOf(err.body) : null;
      if (err instanceof ApiError && err.status === 401) navigate(LOGIN_PATH, { replace: true });
      else if (problems)
        setOutcome({ kind: 'rejected', rows: Number((err as ApiError & { body: { rows?: number } }).body?.rows ?? 0), problems });
      else setOutcome({ kind: 'error', message: messageOf(err) });
    } finally {
      setBusy(false);
    }
  };

  const reset = () => {
    setOutcome(null);
    setCheckedFor(null);
  };

  return (
    <section class="panel" aria-labelledby="import-title">
      <h2 id="import-title">{t(lang, 'importTitle')}</h2>
      <p class="muted intro">{t(lang, 'importIntro')}</p>
      <p class="muted intro">{t(lang, 'importCasesRule')}</p>
      <form
        class="import-form"
        onSubmit={(e) => {
          e.preventDefault();
          void run(true);
        }}
        data-testid="import-form"
      >
        <fieldset class="choice-list">
          <legend>{t(lang, 'importInto')}</legend>
          <label>
            <input
              type="radio"
              name="into"
              value="counter"
              checked={into === 'counter'}
              onChange={() => {
                setInto('counter');
                reset();
              }}
              data-testid="into-counter"
            />
            {t(lang, 'importCounter')}
          </label>
          <label>
            <input
              type="radio"
              name="into"
              value="wave"
              checked={into === 'wave'}
              onChange={() => {
                setInto('wave');
                reset();
              }}
              data-testid="into-wave"
            />
            {t(lang, 'importWave')}
          </label>
        </fieldset>
        <div class="form-grid">
          {into === 'counter' ? (
            <label>
              <span>{t(lang, 'counter')}</span>
              <select
                name="counter"
                value={counter}
                onChange={(e) => {
                  setCounter(e.currentTarget.value);
                  reset();
                }}
                required
              >
                <option value="">{t(lang, 'chooseCounter')}</option>
                {(meta?.counters ?? []).map((k) => (
                  <option key={k.code} value={k.code}>
                    {k.name} ({k.code})
                  </option>
                ))}
              </select>
            </label>
          ) : (
            <label>
              <span>{t(lang, 'page_wave')}</span>
              <select
                name="wave"
                value={wave}
                onChange={(e) => {
                  setWave(e.currentTarget.value);
                  reset();
                }}
                required
              >
                <option value="">{t(lang, 'chooseWave')}</option>
                {(waves.kind === 'ready' ? waves.data.waves : []).map((w) => (
                  <option key={w.id} value={String(w.id)}>
                    {w.name}
                  </option>
                ))}
              </select>
            </label>
          )}
          <label>
            <span>{t(lang, 'file')}</span>
            <input
              type="file"
              name="file"
              accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              onChange={(e) => {
                setFile(e.currentTarget.files?.[0] ?? null);
                reset();
              }}
              required
              data-testid="import-file"
            />
          </label>
        </div>
        <div class="form-actions">
          <button type="submit" class="button secondary" disabled={busy || !file || !target} data-testid="import-check">
            {busy ? t(lang, 'working') : t(lang, 'check')}
          </button>
          <button
            type="button"
            class="button primary"
            disabled={busy || signature === null || checkedFor !== signature}
            aria-describedby={checkedFor !== signature ? 'check-first' : undefined}
            onClick={() => void run(false)}
            data-testid="import-run"
          >
            {t(lang, 'doImport')}
          </button>
          {checkedFor !== signature && (
            <span id="check-first" class="muted small">
              {t(lang, 'checkFirst')}
            </span>
          )}
        </div>
      </form>
      <div aria-live="polite">{outcome && <ImportOutcome outcome={outcome} lang={lang} onRetry={() => void run(true)} />}</div>
    </section>
  );
}

function ImportOutcome({ outcome, lang, onRetry }: { outcome: Outcome; lang: Lang; onRetry: () => void }) {
  if (outcome.kind === 'error') return <ErrorBox message={outcome.message} onRetry={onRetry} />;
  if (outcome.kind === 'checked' || outcome.kind === 'imported') {
    const r = outcome.result;
    const text =
      outcome.kind === 'checked'
        ? t(lang, 'checkedOk').replace('{v}', formatCount(r.valid, lang)).replace('{r}', formatCount(r.rows, lang))
        : t(lang, 'importedOk').replace('{s}', formatCount(r.stored, lang)).replace('{a}', formatCount(r.alreadyImported, lang));
    return (
      <p
        class="import-ok"
        data-testid={outcome.kind === 'checked' ? 'import-checked' : 'import-stored'}
        data-rows={r.rows}
        data-valid={r.valid}
        data-stored={r.stored}
        data-already={r.alreadyImported}
        data-cases={r.casesOpened ?? 0}
      >
        ✓ {text}
        {(r.casesOpened ?? 0) > 0 && <> {t(lang, 'importCasesOpened').replace('{c}', formatCount(r.casesOpened!, lang))}</>}
      </p>
    );
  }
  return <RefusedFile outcome={outcome} summary="importRejected" caption="problemsCaption" prefix="import" />;
}
