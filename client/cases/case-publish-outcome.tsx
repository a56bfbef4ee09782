import { useState } from 'preact/hooks';
import { ActionMessage } from '../app/action-message';
import { inBothLanguages, t } from '../app/i18n';
import { useLang } from '../app/lang-context';
import { useAction } from '../app/use-action';
import { publishCaseOutcome } from './cases-api';

/**
 * A closed case's outcome for the public results page (administrators only): the administrator's
 * own words, published while the box is ticked. The server refuses a phone number, a dossier code
 * or the citizen's comment copied in, and says why.
 */
export function PublishOutcome({ id, outcome, onDone }: { id: number; outcome: string | null; onDone: () => void }) {
  const { lang } = useLang();
  const [text, setText] = useState(outcome ?? '');
  const [publish, setPublish] = useState(outcome !== null);
  const action = useAction();
  const submit = async (e: Event) => {
    e.preventDefault();
    if (publish && !text.trim()) {
      action.setError(inBothLanguages('fillText'));
      return;
    }
    const value = publish ? text.trim() : null;
    if (
      await action.run(() => publishCaseOutcome(id, value).then(() => true), inBothLanguages(publish ? 'publishSaved' : 'unpublishSaved'))
    )
      onDone();
  };
  return (
    <form class="case-action" onSubmit={submit} noValidate data-testid="case-publish-form">
      <h3>{t(lang, 'publishTitle')}</h3>
      <p class="muted small">{t(lang, 'publishIntro')}</p>
      <p class="small" data-testid="case-publish-state">
        {t(lang, outcome !== null ? 'publishedNow' : 'notPublished')}
      </p>
      <label for="case-publish-text">{t(lang, 'publishText')}</label>
      <textarea
        id="case-publish-text"
        name="outcome"
        maxLength={1000}
        value={text}
        onInput={(e) => setText(e.currentTarget.value)}
        aria-invalid={action.error !== null}
        data-testid="case-publish-input"
      />
      <label class="check">
        <input type="checkbox" checked={publish} onChange={(e) => setPublish(e.currentTarget.checked)} data-testid="case-publish-toggle" />{' '}
        {t(lang, 'publishToggle')}
      </label>
      <ActionMessage error={action.error} done={action.done} testid="case-publish" />
      <button type="submit" class="button primary" disabled={action.busy} data-testid="case-publish">
        {t(lang, 'publishSave')}
      </button>
    </form>
  );
}
