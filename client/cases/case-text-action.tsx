import { useState } from 'preact/hooks';
import { ActionMessage } from '../app/action-message';
import { inBothLanguages, t, type StringKey } from '../app/i18n';
import { useLang } from '../app/lang-context';
import { useAction } from '../app/use-action';

interface TextActionProps {
  id: 'answer' | 'close' | 'note';
  title: StringKey;
  label: StringKey;
  button: StringKey;
  required: boolean;
  send: (text: string) => Promise<unknown>;
  onDone: () => void;
}

/** A step that takes a text (answer, closing reason, note); the server's 409 is shown in words. */
export function TextAction({ id, title, label, button, required, send, onDone }: TextActionProps) {
  const { lang } = useLang();
  const [text, setText] = useState('');
  const action = useAction();
  const submit = async (e: Event) => {
    e.preventDefault();
    if (required && !text.trim()) {
      action.setError(inBothLanguages('fillText'));
      return;
    }
    if (await action.run(() => send(text.trim()).then(() => true), inBothLanguages(id === 'note' ? 'noteAdded' : 'caseSaved'))) {
      setText('');
      onDone();
    }
  };
  const field = `case-${id}-text`;
  return (
    <form class="case-action" onSubmit={submit} noValidate data-testid={`case-${id}-form`}>
      <h3>{t(lang, title)}</h3>
      <label for={field}>{t(lang, label)}</label>
      <textarea
        id={field}
        name={id}
        value={text}
        onInput={(e) => setText(e.currentTarget.value)}
        required={required}
        aria-invalid={action.error !== null}
        data-testid={`case-${id}-input`}
      />
      <ActionMessage error={action.error} done={action.done} testid={`case-${id}`} />
      <button type="submit" class="button primary" disabled={action.busy} data-testid={`case-${id}`}>
        {t(lang, button)}
      </button>
    </form>
  );
}
