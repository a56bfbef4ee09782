import { t } from '../app/i18n';
import { useLang } from '../app/lang-context';
import type { Draft, DraftQuestion, QuestionList } from './draft-model';
import { fill } from './fill';
import { QuestionEditor } from './question-editor';
import { ReorderList } from './reorder-list';
import { addQuestion, moveQuestionTo, removeQuestion, updateQuestion } from './survey-draft';

/**
 * The questions of a factor (or the extras), reorderable, with "add a question" under them.
 * `path` is the list's path in the definition ("factors.0.items", "extras").
 */
export function QuestionListEditor({
  draft,
  where,
  items,
  path,
  onDraft,
  announce,
  testid,
}: {
  draft: Draft;
  where: QuestionList;
  items: readonly DraftQuestion[];
  path: string;
  onDraft: (d: Draft) => void;
  announce: (text: string) => void;
  testid: string;
}) {
  const { lang } = useLang();
  const name = (q: DraftQuestion) => q.key || t(lang, 'svUntitled');
  return (
    <div class="question-list" id={`field-${path.replace(/\./g, '-')}`} tabIndex={-1}>
      <ReorderList
        items={items}
        idOf={(q) => q.id}
        nameOf={name}
        onMove={(id, to) => onDraft(moveQuestionTo(draft, id, to))}
        announce={announce}
        testid={testid}
      >
        {(q, { handle, index }) => (
          <QuestionEditor
            draft={draft}
            question={q}
            path={`${path}.${index}`}
            title={fill(lang, 'svQuestionN', { n: index + 1 })}
            handle={handle}
            onChange={(patch) => onDraft(updateQuestion(draft, q.id, patch))}
            onRemove={() => onDraft(removeQuestion(draft, q.id))}
          />
        )}
      </ReorderList>
      <button
        type="button"
        class="small"
        onClick={() => {
          const added = addQuestion(draft, where);
          onDraft(added.draft);
          // The new card's key box takes the focus, so a keyboard user carries on from there.
          requestAnimationFrame(() =>
            document.querySelector<HTMLElement>(`[data-row-id="${added.id}"] textarea, [data-row-id="${added.id}"] input`)?.focus(),
          );
        }}
        data-testid={`${testid}-add`}
      >
        {t(lang, 'svAddQuestion')}
      </button>
    </div>
  );
}
