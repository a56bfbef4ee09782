import type { LocalizedText } from './api-types';
import { useLang } from './lang-context';

/** A form's outcome: the refusal in words (an alert), or a quiet note that it worked. */
export function ActionMessage({ error, done, testid }: { error: LocalizedText | null; done: LocalizedText | null; testid: string }) {
  const { lang } = useLang();
  return (
    <div aria-live="polite">
      {error && (
        <p class="form-error" role="alert" data-testid={`${testid}-error`}>
          {error[lang]}
        </p>
      )}
      {done && !error && (
        <p class="form-done" role="status" data-testid={`${testid}-done`}>
          {done[lang]}
        </p>
      )}
    </div>
  );
}
