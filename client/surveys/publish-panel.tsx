import { useState } from 'preact/hooks';
import { localDay } from '../../surveys/time';
import { ActionMessage } from '../app/action-message';
import { ApiError } from '../app/api';
import { formatDay } from '../app/format';
import { inBothLanguages, t } from '../app/i18n';
import { InBothLanguages } from '../app/in-both-languages';
import { useLang } from '../app/lang-context';
import { useAction } from '../app/use-action';
import { problemsOfBody } from './draft-problems';
import { vietnamDay } from './vietnam-day';
import { fill, fillBoth } from './fill';
import { publishSurvey } from './surveys-api';
import type { Problem } from './surveys-types';

/**
 * Publishing the saved draft as a new version from a day (today unless told), after a step that
 * says what it means: the version never changes, and counters move to it on that day.
 */
export function PublishPanel({
  surveyKey,
  dirty,
  onPublished,
  onProblems,
}: {
  surveyKey: string;
  dirty: boolean;
  onPublished: () => void;
  onProblems: (problems: Problem[]) => void;
}) {
  const { lang } = useLang();
  const today = localDay(new Date());
  const [day, setDay] = useState(today);
  const [confirming, setConfirming] = useState(false);
  const action = useAction();
  const shownDay = formatDay(day || today, lang);
  const publish = async () => {
    setConfirming(false);
    const made = await action.run(async () => {
      try {
        return await publishSurvey(surveyKey, day && day !== today ? day : undefined);
      } catch (err) {
        const list = err instanceof ApiError && err.status === 400 ? problemsOfBody(err.body) : null;
        if (list && list.length > 0) onProblems(list);
        throw err;
      }
    });
    if (made) {
      action.setDone(fillBoth('svPublished', { v: made.version.version, d: formatDay(vietnamDay(made.version.effectiveFrom), lang) }));
      onPublished();
    }
  };
  return (
    <section class="panel" aria-labelledby="publish-title" data-testid="publish-panel">
      <h2 id="publish-title">
        <InBothLanguages text={inBothLanguages('svPublishTitle')} />
      </h2>
      <div class="form-grid">
        <label>
          <span>{t(lang, 'svEffectiveFrom')}</span>
          <input
            type="date"
            name="effectiveFrom"
            min={today}
            value={day}
            onInput={(e) => setDay(e.currentTarget.value)}
            data-testid="publish-day"
          />
        </label>
      </div>
      {!confirming && (
        <div class="form-actions">
          <button
            type="button"
            class="button primary"
            disabled={action.busy}
            onClick={() => (dirty ? action.setError(inBothLanguages('svPublishUnsaved')) : (action.setError(null), setConfirming(true)))}
            data-testid="publish"
          >
            {t(lang, 'svPublish')}
          </button>
        </div>
      )}
      {confirming && (
        <div class="confirm-box" role="alertdialog" aria-labelledby="publish-confirm-text" data-testid="publish-confirm">
          <p id="publish-confirm-text">
            {!day || day === today ? t(lang, 'svPublishConfirmNow') : fill(lang, 'svPublishConfirm', { d: shownDay })}
          </p>
          <div class="form-actions">
            <button type="button" class="button primary" onClick={publish} data-testid="publish-yes" autoFocus>
              {t(lang, 'svPublishYes')}
            </button>
            <button type="button" class="button secondary" onClick={() => setConfirming(false)}>
              {t(lang, 'cancel')}
            </button>
          </div>
        </div>
      )}
      <ActionMessage error={action.error} done={action.done} testid="publish" />
    </section>
  );
}
