import { useState } from 'preact/hooks';
import { SurveyKeyInput } from './survey-key-input';
import { ActionMessage } from '../app/action-message';
import { ApiError } from '../app/api';
import { formatCount } from '../app/format';
import { inBothLanguages, t } from '../app/i18n';
import { InBothLanguages } from '../app/in-both-languages';
import { useLang } from '../app/lang-context';
import { followLink, surveyPath } from '../app/links';
import { useAction } from '../app/use-action';
import { problemsOfBody } from './draft-problems';
import { fill, fillBoth } from './fill';
import { SURVEY_KEY } from './new-survey-panel';
import { PathProblemTable } from './path-problem-table';
import { importSurvey } from './surveys-api';
import type { Problem } from './surveys-types';

/** Reads a chosen file as JSON; a file that is not JSON is said in words, not sent. */
export async function readJsonFile(file: Blob): Promise<{ ok: true; json: unknown } | { ok: false; reason: string }> {
  const text = await file.text();
  try {
    return { ok: true, json: JSON.parse(text.replace(/^\uFEFF/, '')) };
  } catch (err) {
    return { ok: false, reason: err instanceof Error ? err.message : String(err) };
  }
}

/**
 * A survey from a JSON file: a new one, or the draft of an existing one of the province's. A file
 * the schema refuses comes back with one problem per field, listed under the form.
 */
export function ImportSurveyPanel() {
  const { lang } = useLang();
  const [file, setFile] = useState<File | null>(null);
  const [key, setKey] = useState('');
  const [problems, setProblems] = useState<Problem[] | null>(null);
  const [imported, setImported] = useState<string | null>(null);
  const action = useAction();
  const onSubmit = async (e: Event) => {
    e.preventDefault();
    setProblems(null);
    setImported(null);
    if (!file) return action.setError(inBothLanguages('svImportChoose'));
    if (key.trim() && !SURVEY_KEY.test(key.trim())) return action.setError(inBothLanguages('svKeyBad'));
    const read = await readJsonFile(file);
    if (!read.ok) return action.setError(fillBoth('svImportNotJson', { m: read.reason }));
    const made = await action.run(async () => {
      try {
        return await importSurvey(read.json, key.trim() || undefined);
      } catch (err) {
        const list = err instanceof ApiError && err.status === 400 ? problemsOfBody(err.body) : null;
        if (list && list.length > 0) setProblems(list);
        throw err;
      }
    });
    if (made) {
      setImported(made.survey.key);
      action.setDone(fillBoth('svImported', { k: made.survey.key }));
    }
  };
  return (
    <section class="panel" aria-labelledby="import-survey-title">
      <h2 id="import-survey-title">
        <InBothLanguages text={inBothLanguages('svImportTitle')} />
      </h2>
      <p class="muted small">{t(lang, 'svImportIntro')}</p>
      <form onSubmit={onSubmit} data-testid="import-survey-form" noValidate>
        <div class="form-grid">
          <label>
            <span>{t(lang, 'svImportFile')}</span>
            <input
              type="file"
              name="file"
              accept=".json,application/json"
              onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)}
              data-testid="import-survey-file"
            />
          </label>
          <label>
            <span>{t(lang, 'svImportKey')}</span>
            <SurveyKeyInput value={key} onChange={setKey} testid="import-survey-key" />
          </label>
        </div>
        <div class="form-actions">
          <button type="submit" class="button primary" disabled={action.busy} data-testid="import-survey-submit">
            {t(lang, 'svImportSend')}
          </button>
          {imported && (
            <a href={surveyPath(imported)} onClick={followLink(surveyPath(imported))} data-testid="import-survey-open">
              {t(lang, 'svDesign')} {imported}
            </a>
          )}
        </div>
        <ActionMessage error={action.error} done={action.done} testid="import-survey" />
      </form>
      {problems && (
        <div class="import-rejected" role="alert">
          <p class="form-error" data-testid="import-survey-rejected">
            {fill(lang, 'svImportRejected', { p: formatCount(problems.length, lang) })}
          </p>
          <PathProblemTable problems={problems} draft={null} testid="import-survey-problems" />
        </div>
      )}
    </section>
  );
}
