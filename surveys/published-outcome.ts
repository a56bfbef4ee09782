import { DOSSIER_CODE_PATTERN } from './dossier-code';
import type { LocalizedText } from './localized-text';

/**
 * What a closed case's published outcome may not hold (docs/domain.md §10): the public page shows
 * an administrator's own words about what was done, never a way back to the person who complained.
 * A phone number or a dossier code in the text is refused, and so is the citizen's comment copied in.
 */
export type OutcomeProblem = 'phone' | 'dossier' | 'comment';

// A run of digits with the blanks, dots, dashes or brackets people write numbers with.
const DIGIT_RUN = /\+?\d[\d\s.\-()]{7,}\d/g;
const DOSSIER_ANYWHERE = new RegExp(DOSSIER_CODE_PATTERN.source.slice(1, -1), 'i');

const MIN_COMMENT_ECHO = 12;
const squeeze = (s: string) => s.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();

export function outcomeProblem(text: string, citizenComment: string | null): OutcomeProblem | null {
  // A dossier code first: its date and running number would read as a phone number too.
  if (DOSSIER_ANYWHERE.test(text.normalize('NFKC').replace(/\s+/g, ''))) return 'dossier';
  for (const run of text.normalize('NFKC').match(DIGIT_RUN) ?? []) if (run.replace(/\D/g, '').length >= 9) return 'phone';
  const comment = citizenComment === null ? '' : squeeze(citizenComment);
  if (comment.length >= MIN_COMMENT_ECHO && squeeze(text).includes(comment)) return 'comment';
  return null;
}

export const OUTCOME_PROBLEM_WORDS: Record<OutcomeProblem, LocalizedText> = {
  phone: {
    vi: 'Kết quả công khai không được chứa số điện thoại.',
    en: 'A published outcome must not contain a phone number.',
  },
  dossier: {
    vi: 'Kết quả công khai không được chứa mã hồ sơ.',
    en: 'A published outcome must not contain a dossier code.',
  },
  comment: {
    vi: 'Kết quả công khai không được chép lại ý kiến của người dân; hãy viết điều cơ quan đã làm.',
    en: "A published outcome must not copy the citizen's comment; write what the agency did.",
  },
};
