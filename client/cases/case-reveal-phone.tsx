import { useState } from 'preact/hooks';
import { ActionMessage } from '../app/action-message';
import { formatDateTime } from '../app/format';
import { inBothLanguages, t } from '../app/i18n';
import { useLang } from '../app/lang-context';
import { useAction } from '../app/use-action';
import { revealContact } from './cases-api';

/** The reason the server asks for (server/cases/contact-reveal.ts), checked here first to say it beside the field. */
const REASON_MIN = 10;

/**
 * For the person the case is assigned to: the citizen's phone in clear, to call back, after giving
 * a reason. The number lives in this component's state only: leaving or reloading the page masks
 * it again, and the next look is a new reveal in the audit log.
 */
export function RevealPhone({ id }: { id: number }) {
  const { lang } = useLang();
  const [reason, setReason] = useState('');
  const [shown, setShown] = useState<{ phone: string; at: string } | null>(null);
  const action = useAction();
  const submit = async (e: Event) => {
    e.preventDefault();
    if ([...reason.trim()].length < REASON_MIN) {
      action.setError(inBothLanguages('revealReasonShort', { n: String(REASON_MIN) }));
      return;
    }
    const revealed = await action.run(() => revealContact(id, reason.trim()));
    if (revealed) {
      setShown({ phone: revealed.phone, at: revealed.revealedAt });
      setReason('');
    }
  };
  if (shown !== null) {
    // The page is not reloaded here: that would drop the number; the list of reveals shows this one next time.
    return (
      <div class="revealed-phone" data-testid="case-revealed-phone">
        <p>
          {t(lang, 'revealedPhone')}{' '}
          <a href={`tel:${shown.phone}`} class="phone-number" data-testid="case-revealed-number">
            {shown.phone}
          </a>
        </p>
        <p class="muted small">{t(lang, 'revealedNote').replace('{at}', formatDateTime(shown.at, lang))}</p>
      </div>
    );
  }
  return (
    <form class="case-action" onSubmit={submit} noValidate data-testid="case-reveal-form">
      <h3>{t(lang, 'revealTitle')}</h3>
      <p class="muted small">{t(lang, 'revealIntro')}</p>
      <label for="case-reveal-reason">{t(lang, 'revealReason')}</label>
      <textarea
        id="case-reveal-reason"
        name="reason"
        value={reason}
        onInput={(e) => setReason(e.currentTarget.value)}
        required
        minLength={REASON_MIN}
        aria-invalid={action.error !== null}
        data-testid="case-reveal-reason"
      />
      <ActionMessage error={action.error} done={action.done} testid="case-reveal" />
      <button type="submit" class="button primary" disabled={action.busy} data-testid="case-reveal">
        {t(lang, 'revealButton')}
      </button>
    </form>
  );
}
