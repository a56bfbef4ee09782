import { useState } from 'preact/hooks';
import type { Meta } from '../app/api-types';
import { formatCount } from '../app/format';
import { t, type Lang } from '../app/i18n';
import { useLang } from '../app/lang-context';
import { ErrorBox } from '../app/load-states';
import { useApi } from '../app/use-api';
import { fetchWaves } from '../waves/waves-api';
import { importContentType } from './import-file';
import { postImport, type ImportTarget } from './imports-api';
import type { ImportResult } from './imports-types';
import { RefusedFile } from './problem-table';
import { sendSheet, type SheetOutcome } from './sheet-upload';

/** A dry run is 'checked', a file written 'imported'. */
type Outcome =
  | Exclude<SheetOutcome<ImportResult>, { kind: 'done' }>
  | { kind: 'checked'; result: ImportResult }
  | { kind: 'imported'; result: ImportResult };

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
    const outcome = await sendSheet(() => postImport(target, file, importContentType(file), dryRun));
    setBusy(false);
    setCheckedFor(outcome?.kind === 'done' && dryRun ? signature : null);
    if (outcome?.kind !== 'done') return setOutcome(outcome);
    setOutcome({ kind: dryRun ? 'checked' : 'imported', result: outcome.result });
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
