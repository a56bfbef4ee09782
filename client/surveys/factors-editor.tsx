import { t } from '../app/i18n';
import { useLang } from '../app/lang-context';
import { BilingualField, FieldProblems, TextField } from './draft-fields';
import type { Draft, DraftFactor } from './draft-model';
import { fieldIdOf, problemsOfCard } from './draft-problems';
import { fill } from './fill';
import { useProblems } from './problems-context';
import { QuestionListEditor } from './question-list';
import { ReorderList } from './reorder-list';
import { addFactor, moveFactorTo, removeFactor, updateFactor } from './survey-draft';

/** What a factor card's own fields and its question cards show; the rest (e.g. "items": none left) goes on the card. */
const FACTOR_FIELDS = ['key', 'label.vi', 'label.en', 'items.*.**'] as const;

/** The factors, each a card with its key, its name in both languages and its questions; reorderable. */
export function FactorsEditor({
  draft,
  onDraft,
  announce,
}: {
  draft: Draft;
  onDraft: (d: Draft) => void;
  announce: (text: string) => void;
}) {
  const { lang } = useLang();
  const problems = useProblems();
  const name = (f: DraftFactor) => f.label[lang] || f.label.vi || f.key;
  return (
    <div id={fieldIdOf('factors')} tabIndex={-1}>
      <ReorderList
        items={draft.factors}
        idOf={(f) => f.id}
        nameOf={name}
        onMove={(id, to) => onDraft(moveFactorTo(draft, id, to))}
        announce={announce}
        class="factor-list"
        testid="factor-list"
      >
        {(f, { handle, index }) => {
          const path = `factors.${index}`;
          return (
            <div class="factor-editor" id={fieldIdOf(path)} tabIndex={-1} data-testid="factor-editor">
              <div class="editor-head">
                {handle}
                <strong class="editor-title">{fill(lang, 'svFactorN', { n: index + 1 })}</strong>
                <span class="editor-summary muted">{name(f)}</span>
                <button
                  type="button"
                  class="small danger-link"
                  onClick={() => {
                    if (confirm(fill(lang, 'svRemoveFactorConfirm', { f: name(f), n: f.items.length }))) onDraft(removeFactor(draft, f.id));
                  }}
                  data-testid="remove-factor"
                >
                  {t(lang, 'svRemoveFactor')}
                </button>
              </div>
              <FieldProblems problems={problemsOfCard(problems, path, FACTOR_FIELDS)} id={`${fieldIdOf(path)}-problem`} />
              <div class="form-grid editor-grid">
                <TextField
                  path={`${path}.key`}
                  label="svFactorKey"
                  code
                  maxLength={40}
                  value={f.key}
                  onInput={(key) => onDraft(updateFactor(draft, f.id, { key: key.toLowerCase() }))}
                />
              </div>
              <BilingualField
                path={`${path}.label`}
                labels={['svFactorLabelVi', 'svFactorLabelEn']}
                value={f.label}
                onChange={(label) => onDraft(updateFactor(draft, f.id, { label }))}
              />
              <QuestionListEditor
                draft={draft}
                where={{ factor: f.id }}
                items={f.items}
                path={`${path}.items`}
                onDraft={onDraft}
                announce={announce}
                testid={`factor-${index}-questions`}
              />
            </div>
          );
        }}
      </ReorderList>
      <button type="button" class="button secondary" onClick={() => onDraft(addFactor(draft).draft)} data-testid="add-factor">
        {t(lang, 'svAddFactor')}
      </button>
    </div>
  );
}
