import { useState } from 'preact/hooks';
import { ActionMessage } from '../app/action-message';
import { inBothLanguages, t } from '../app/i18n';
import { useLang } from '../app/lang-context';
import { useAction } from '../app/use-action';
import { deleteCaseContact } from './cases-api';

/** Deletes the citizen's phone number for good, after a second click to confirm. */
export function DeletePhone({ id, onDone }: { id: number; onDone: () => void }) {
  const { lang } = useLang();
  const [confirming, setConfirming] = useState(false);
  const action = useAction();
  const remove = async () => {
    if (await action.run(() => deleteCaseContact(id), inBothLanguages('phoneDeleted'))) onDone();
  };
  return (
    <div class="row-actions">
      {!confirming ? (
        <button type="button" class="small" onClick={() => setConfirming(true)} data-testid="case-delete-phone">
          {t(lang, 'deletePhone')}
        </button>
      ) : (
        <>
          <button type="button" class="small" onClick={remove} disabled={action.busy} data-testid="case-delete-phone-confirm">
            {t(lang, 'confirmDeletePhone')}
          </button>
          <button type="button" class="small" onClick={() => setConfirming(false)}>
            {t(lang, 'cancel')}
          </button>
        </>
      )}
      <ActionMessage error={action.error} done={action.done} testid="case-delete-phone" />
    </div>
  );
}
