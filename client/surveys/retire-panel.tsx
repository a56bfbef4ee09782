import { ActionMessage } from '../app/action-message';
import { formatDay } from '../app/format';
import { inBothLanguages, t } from '../app/i18n';
import { InBothLanguages } from '../app/in-both-languages';
import { useLang } from '../app/lang-context';
import { useAction } from '../app/use-action';
import { vietnamDay } from './vietnam-day';
import { fill } from './fill';
import { retireSurvey, unretireSurvey } from './surveys-api';

/** Retiring a survey (refused, in words, while a counter asks it) or bringing it back. */
export function RetirePanel({ surveyKey, retiredAt, onChanged }: { surveyKey: string; retiredAt: string | null; onChanged: () => void }) {
  const { lang } = useLang();
  const action = useAction();
  const toggle = async () => {
    const ok = await action.run(
      () => (retiredAt ? unretireSurvey(surveyKey) : retireSurvey(surveyKey)).then(() => true),
      inBothLanguages(retiredAt ? 'svUnretiredDone' : 'svRetiredDone'),
    );
    if (ok) onChanged();
  };
  return (
    <section class="panel" aria-labelledby="retire-title" data-testid="retire-panel">
      <h2 id="retire-title">
        <InBothLanguages text={inBothLanguages('svRetireTitle')} />
      </h2>
      <p class="muted small">{t(lang, 'svRetireIntro')}</p>
      {retiredAt && <p class="record-state state-off">{fill(lang, 'svRetiredSince', { d: formatDay(vietnamDay(retiredAt), lang) })}</p>}
      <div class="form-actions">
        <button
          type="button"
          class="button secondary"
          disabled={action.busy}
          onClick={toggle}
          data-testid={retiredAt ? 'unretire' : 'retire'}
        >
          {t(lang, retiredAt ? 'svUnretire' : 'svRetire')}
        </button>
      </div>
      <ActionMessage error={action.error} done={action.done} testid="retire" />
    </section>
  );
}
