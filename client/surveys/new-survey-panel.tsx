import { useState } from 'preact/hooks';
import { SurveyKeyInput } from './survey-key-input';
import { ActionMessage } from '../app/action-message';
import { inBothLanguages, t } from '../app/i18n';
import { InBothLanguages } from '../app/in-both-languages';
import { useLang } from '../app/lang-context';
import { surveyPath } from '../app/links';
import { navigate } from '../app/router';
import { useAction } from '../app/use-action';
import { fill } from './fill';
import { createSurvey } from './surveys-api';
import type { SurveySummary, SurveyTemplate } from './surveys-types';

/** The survey key's rule (surveys/instrument-schema.ts), checked before sending so the answer comes at once. */
export const SURVEY_KEY = /^[a-z][a-z0-9-]{0,39}$/;

/**
 * A new survey: its key and title, and where its first draft comes from — blank, a built-in
 * template, or a copy of one of the province's own. Created, it opens in the designer.
 */
export function NewSurveyPanel({ templates, surveys }: { templates: readonly SurveyTemplate[]; surveys: readonly SurveySummary[] }) {
  const { lang } = useLang();
  const [key, setKey] = useState('');
  const [vi, setVi] = useState('');
  const [en, setEn] = useState('');
  const [from, setFrom] = useState('');
  const action = useAction();
  const own = surveys.filter((s) => !s.builtIn && s.current);
  const onSubmit = async (e: Event) => {
    e.preventDefault();
    if (key.trim() === '') return action.setError(inBothLanguages('svKeyMissing'));
    if (!SURVEY_KEY.test(key.trim())) return action.setError(inBothLanguages('svKeyBad'));
    const title = vi.trim() ? { vi: vi.trim(), ...(en.trim() ? { en: en.trim() } : {}) } : undefined;
    const made = await action.run(() => createSurvey({ key: key.trim(), ...(from ? { from } : {}), ...(title ? { title } : {}) }));
    if (made) navigate(surveyPath(made.survey.key));
  };
  return (
    <section class="panel" aria-labelledby="new-survey-title">
      <h2 id="new-survey-title">
        <InBothLanguages text={inBothLanguages('svNewTitle')} />
      </h2>
      <form onSubmit={onSubmit} data-testid="new-survey-form" noValidate>
        <div class="form-grid">
          <label>
            <span>{t(lang, 'svKey')}</span>
            <SurveyKeyInput value={key} onChange={setKey} testid="new-survey-key" describedBy="new-survey-key-hint" />
            <span id="new-survey-key-hint" class="muted small">
              {t(lang, 'svKeyHint')}
            </span>
          </label>
          <label>
            <span>{t(lang, 'svTitleVi')}</span>
            <input name="titleVi" value={vi} onInput={(e) => setVi(e.currentTarget.value)} data-testid="new-survey-title-vi" />
          </label>
          <label>
            <span>{t(lang, 'svTitleEn')}</span>
            <input name="titleEn" lang="en" value={en} onInput={(e) => setEn(e.currentTarget.value)} data-testid="new-survey-title-en" />
          </label>
          <label>
            <span>{t(lang, 'svStartFrom')}</span>
            <select name="from" value={from} onChange={(e) => setFrom(e.currentTarget.value)} data-testid="new-survey-from">
              <option value="">{t(lang, 'svBlank')}</option>
              {templates.map((tpl) => (
                <option key={tpl.key} value={tpl.key}>
                  {fill(lang, 'svTemplateOption', { t: tpl.title[lang], n: tpl.questionCount })}
                </option>
              ))}
              {own.map((s) => (
                <option key={s.key} value={s.key}>
                  {fill(lang, 'svCopyOption', { t: s.title[lang] })}
                </option>
              ))}
            </select>
          </label>
        </div>
        <div class="form-actions">
          <button type="submit" class="button primary" disabled={action.busy} data-testid="new-survey-submit">
            {t(lang, 'svCreate')}
          </button>
        </div>
        <ActionMessage error={action.error} done={action.done} testid="new-survey" />
      </form>
    </section>
  );
}
