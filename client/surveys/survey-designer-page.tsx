import { useState } from 'preact/hooks';
import { formatCount, formatDateTime } from '../app/format';
import { inBothLanguages, t, type Lang } from '../app/i18n';
import { InBothLanguages } from '../app/in-both-languages';
import { useLang } from '../app/lang-context';
import { followLink, pagePath } from '../app/links';
import { LoadView } from '../app/load-states';
import { useApi } from '../app/use-api';
import { BilingualField, NumberField } from './draft-fields';
import type { Draft } from './draft-model';
import { fieldIdOf } from './draft-problems';
import { FactorsEditor } from './factors-editor';
import { fill } from './fill';
import { ProblemsContext } from './problems-context';
import { ProblemsSummary } from './problems-summary';
import { PublishPanel } from './publish-panel';
import { QuestionEditor } from './question-editor';
import { QuestionListEditor } from './question-list';
import { RetirePanel } from './retire-panel';
import { setOverall, setRule, updateQuestion } from './survey-draft';
import { SurveyPreview } from './survey-preview';
import { draftJsonUrl, fetchSurvey } from './surveys-api';
import type { SurveyDetail } from './surveys-types';
import { useDesigner } from './use-designer';
import { VersionsPanel } from './versions-panel';

/**
 * One survey (/app/surveys/:key): its draft edited field by field and saved with the server's
 * problems beside the fields they name, a preview of the citizen page, publishing, the versions,
 * and retiring. A built-in survey shows its versions only.
 */
export function SurveyDesignerPage({ surveyKey }: { surveyKey: string }) {
  const { lang } = useLang();
  const [reload, setReload] = useState(0);
  const [survey, retry] = useApi(() => fetchSurvey(surveyKey), `${surveyKey}:${reload}`);
  const again = () => setReload((n) => n + 1);
  return (
    <>
      <p>
        <a href={pagePath('surveys')} onClick={followLink(pagePath('surveys'))} data-testid="back-to-surveys">
          {t(lang, 'svBackToList')}
        </a>
      </p>
      <LoadView load={survey} retry={retry}>
        {(data) => <Designer survey={data.survey} reload={reload} onReload={again} />}
      </LoadView>
    </>
  );
}

function Designer({ survey, reload, onReload }: { survey: SurveyDetail; reload: number; onReload: () => void }) {
  const { lang } = useLang();
  const designer = useDesigner(survey.key, survey.draft);
  const [announcement, setAnnouncement] = useState('');
  const { draft, state } = designer;
  const problems = state?.problems ?? [];
  return (
    <>
      <section class="panel survey-head" data-testid="survey-head">
        <h2>
          {titleOf(survey, draft, lang)} <code class="survey-key">{survey.key}</code>
        </h2>
        <p class="survey-badges">
          {survey.builtIn && (
            <span class="tag">
              <InBothLanguages text={inBothLanguages('svBuiltIn')} />
            </span>
          )}
          {survey.retiredAt && (
            <span class="tag tag-retired">
              <InBothLanguages text={inBothLanguages('svRetiredBadge')} />
            </span>
          )}
        </p>
        {survey.builtIn && <p class="note">{t(lang, 'svReadOnly')}</p>}
        {!survey.builtIn && !draft && (
          <p class="note" data-testid="no-draft">
            {t(lang, 'svNoDraft')}
          </p>
        )}
      </section>
      <p class="visually-hidden" aria-live="assertive" data-testid="reorder-announcement">
        {announcement}
      </p>
      {draft && state && (
        <ProblemsContext.Provider value={problems}>
          <section class="panel" aria-labelledby="problems-title">
            <h2 id="problems-title" class="visually-hidden">
              {t(lang, 'svProblemsCaption')}
            </h2>
            <ProblemsSummary problems={problems} draft={draft} />
          </section>
          <DraftEditor draft={draft} onDraft={designer.setDraft} announce={setAnnouncement} />
          <div class="save-bar" data-testid="save-bar">
            <div class="form-actions">
              <button type="button" class="button primary" disabled={designer.busy} onClick={designer.save} data-testid="save-draft">
                {t(lang, designer.busy ? 'svSaving' : 'svSaveDraft')}
              </button>
              <span class="muted small" aria-live="polite" data-testid="save-state">
                {designer.dirty
                  ? t(lang, 'svUnsaved')
                  : fill(lang, 'svSavedAt', {
                      t: formatDateTime(state.updatedAt, lang),
                      b: state.updatedBy ? fill(lang, 'svSavedBy', { u: state.updatedBy }) : '',
                    })}
              </span>
              {problems.length > 0 && (
                <a href="#problems-title" class="form-error small" data-testid="save-bar-problems">
                  {fill(lang, 'svProblemCount', { p: formatCount(problems.length, lang) })}
                </a>
              )}
              <a href={draftJsonUrl(survey.key)} download class="small">
                {t(lang, 'svDownloadDraft')}
              </a>
            </div>
            {designer.error && (
              <p class="form-error" role="alert" data-testid="save-error">
                {designer.error[lang]}
              </p>
            )}
          </div>
          <SurveyPreview surveyKey={survey.key} stamp={state.updatedAt} dirty={designer.dirty} />
          <PublishPanel surveyKey={survey.key} dirty={designer.dirty} onPublished={onReload} onProblems={designer.showProblems} />
        </ProblemsContext.Provider>
      )}
      <VersionsPanel
        surveyKey={survey.key}
        builtIn={survey.builtIn}
        hasDraft={survey.draft !== null}
        reload={reload}
        onDraftStarted={onReload}
      />
      {!survey.builtIn && <RetirePanel surveyKey={survey.key} retiredAt={survey.retiredAt} onChanged={onReload} />}
    </>
  );
}

/** A survey never published is named by its draft (the server names it by its newest version, else its key). */
function titleOf(survey: SurveyDetail, draft: Draft | null, lang: Lang): string {
  if (survey.versions > 0 || !draft) return survey.title[lang];
  return draft.title[lang] || draft.title.vi || survey.title[lang];
}

/** The draft's sections: general, how satisfaction is counted, the factors, the other questions, the comment box. */
function DraftEditor({ draft, onDraft, announce }: { draft: Draft; onDraft: (d: Draft) => void; announce: (text: string) => void }) {
  const { lang } = useLang();
  const form = draft.rest.form === 'long' ? 'long' : 'short';
  return (
    <>
      <section class="panel" aria-labelledby="general-title">
        <h2 id="general-title">{t(lang, 'svGeneral')}</h2>
        <BilingualField
          path="title"
          labels={['svTitleVi', 'svTitleEn']}
          value={draft.title}
          onChange={(title) => onDraft({ ...draft, title })}
        />
        <BilingualField
          path="intro"
          labels={['svIntroVi', 'svIntroEn']}
          value={draft.intro}
          multiline
          onChange={(intro) => onDraft({ ...draft, intro })}
        />
        <div class="form-grid">
          <label>
            <span>{t(lang, 'svForm')}</span>
            <select
              id={fieldIdOf('form')}
              value={form}
              onChange={(e) => onDraft({ ...draft, rest: { ...draft.rest, form: e.currentTarget.value } })}
            >
              <option value="short">{t(lang, 'svFormShort')}</option>
              <option value="long">{t(lang, 'svFormLong')}</option>
            </select>
          </label>
        </div>
      </section>
      <section class="panel" aria-labelledby="rule-title">
        <h2 id="rule-title">{t(lang, 'svRule')}</h2>
        <fieldset class="choice-list" id={fieldIdOf('satisfactionRule')} data-testid="rule">
          <legend>{t(lang, 'svRule')}</legend>
          {(['overall_question', 'factor_mean'] as const).map((rule) => (
            <label key={rule}>
              <input
                type="radio"
                name="satisfactionRule"
                checked={draft.satisfactionRule === rule}
                onChange={() => onDraft(setRule(draft, rule))}
              />
              {t(lang, rule === 'overall_question' ? 'svRuleOverall' : 'svRuleFactorMean')}
            </label>
          ))}
        </fieldset>
        <div class="choice-list compact">
          <label>
            <input
              type="checkbox"
              checked={draft.overall !== null}
              onChange={(e) => onDraft(setOverall(draft, e.currentTarget.checked))}
              data-testid="has-overall"
            />
            {t(lang, 'svHasOverall')}
          </label>
        </div>
        {draft.overall && (
          <QuestionEditor
            draft={draft}
            question={draft.overall}
            path="overall"
            title={t(lang, 'svOverallTitle')}
            overall
            onChange={(patch) => onDraft(updateQuestion(draft, draft.overall!.id, patch))}
          />
        )}
      </section>
      <section class="panel" aria-labelledby="factors-title">
        <h2 id="factors-title">{t(lang, 'svFactors')}</h2>
        <p class="muted small">{t(lang, 'svFactorsIntro')}</p>
        <FactorsEditor draft={draft} onDraft={onDraft} announce={announce} />
      </section>
      <section class="panel" aria-labelledby="extras-title">
        <h2 id="extras-title">{t(lang, 'svExtras')}</h2>
        <p class="muted small">{t(lang, 'svExtrasIntro')}</p>
        <QuestionListEditor
          draft={draft}
          where="extras"
          items={draft.extras}
          path="extras"
          onDraft={onDraft}
          announce={announce}
          testid="extras"
        />
      </section>
      <section class="panel" aria-labelledby="comment-title">
        <h2 id="comment-title">{t(lang, 'svCommentTitle')}</h2>
        <div id={fieldIdOf('comment')} tabIndex={-1}>
          <BilingualField
            path="comment.label"
            labels={['svCommentVi', 'svCommentEn']}
            value={draft.comment.label}
            onChange={(label) => onDraft({ ...draft, comment: { ...draft.comment, label } })}
          />
          <div class="form-grid">
            <NumberField
              path="comment.maxLength"
              label="svCommentMax"
              value={draft.comment.maxLength}
              min={1}
              max={4000}
              onInput={(maxLength) => onDraft({ ...draft, comment: { ...draft.comment, maxLength } })}
            />
          </div>
        </div>
      </section>
    </>
  );
}
