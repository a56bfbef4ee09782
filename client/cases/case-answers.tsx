import type { CaseAnswerLine } from '../admin/admin-types';
import { t, type Lang } from '../app/i18n';

/**
 * The citizen's answers as the form asked them: each question in Vietnamese with the English
 * beside it, and the answer's label (surveys/answer-lines.ts words them on the server).
 */
export function CaseAnswers({ lines, lang }: { lines: CaseAnswerLine[]; lang: Lang }) {
  return (
    <ol class="case-answers" data-testid="case-answers">
      {lines.map((l) => (
        <li key={l.key} data-key={l.key} data-value={l.value ?? ''}>
          <span class="case-question">
            {l.question.vi} <span class="muted">/ {l.question.en}</span>
          </span>
          <strong class="case-answer-value" data-answered={l.answer ? '1' : '0'}>
            {l.answer ? (
              <>
                {l.answer.vi} <span class="muted">/ {l.answer.en}</span>
              </>
            ) : (
              t(lang, 'noAnswer')
            )}
          </strong>
        </li>
      ))}
    </ol>
  );
}
