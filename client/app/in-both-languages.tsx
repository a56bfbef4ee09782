import type { LocalizedText } from './api-types';

/**
 * Vietnamese first with the English beside it, whichever language is chosen: for a page's own
 * heading, a state a person acts on (kiosk on or off, the chain intact or broken) and names of
 * roles, which a mixed team reads together.
 */
export function InBothLanguages({ text, testid, class: className }: { text: LocalizedText; testid?: string; class?: string }) {
  if (text.vi === text.en)
    return (
      <span class={className} data-testid={testid}>
        {text.vi}
      </span>
    );
  return (
    <span class={className} data-testid={testid}>
      {text.vi}
      {' / '}
      <span class="in-english" lang="en">
        {text.en}
      </span>
    </span>
  );
}

/** The same as plain text, where no markup can go (an option, a title). */
export const inBothLanguagesText = (text: LocalizedText) => (text.vi === text.en ? text.vi : `${text.vi} / ${text.en}`);
