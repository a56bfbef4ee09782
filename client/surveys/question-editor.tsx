import type { ComponentChildren } from 'preact';
import { t } from '../app/i18n';
import { useLang } from '../app/lang-context';
import { BilingualField, FieldProblems, NumberField, TextField } from './draft-fields';
import { HAS_OPTIONS, RATING, type Draft, type DraftQuestion } from './draft-model';
import { fieldIdOf, problemsAt, problemsOfCard, QUESTION_FIELDS } from './draft-problems';
import { OptionsEditor } from './options-editor';
import { useProblems } from './problems-context';
import { TYPE_CHOICES } from './question-types';
import { ShowIfEditor } from './show-if-editor';
import { showIfCandidates, showIfWarning } from './show-if-candidates';

interface Props {
  draft: Draft;
  question: DraftQuestion;
  /** Its path in the definition ("factors.0.items.2", "extras.1", "overall"). */
  path: string;
  /** "Câu 3", shown in the card's head. */
  title: string;
  onChange: (patch: Partial<Omit<DraftQuestion, 'id'>>) => void;
  onRemove?: () => void;
  /** The reorder handle and buttons, when the question is in a list. */
  handle?: ComponentChildren;
  /** The overall question: a rating, always asked. */
  overall?: boolean;
}

/** One question as a card: key, type, text in both languages, and what its type asks for. */
export function QuestionEditor({ draft, question: q, path, title, onChange, onRemove, handle, overall }: Props) {
  const { lang } = useLang();
  const problems = useProblems();
  const cardProblems = problemsOfCard(problems, path, QUESTION_FIELDS);
  const types = overall ? TYPE_CHOICES.filter(([type]) => RATING.includes(type)) : TYPE_CHOICES;
  const typeId = fieldIdOf(`${path}.type`);
  const typeProblems = problemsAt(problems, `${path}.type`);
  const optionsPath = `${path}.options`;
  return (
    <div class="question-editor" id={fieldIdOf(path)} tabIndex={-1} data-testid="question-editor" data-key={q.key}>
      <div class="editor-head">
        {handle}
        <strong class="editor-title">{title}</strong>
        <span class="editor-summary muted">{q.text[lang] || q.text.vi || t(lang, 'svUntitled')}</span>
        {onRemove && (
          <button type="button" class="small danger-link" onClick={onRemove} data-testid="remove-question">
            {t(lang, 'svRemoveQuestion')}
          </button>
        )}
      </div>
      <FieldProblems problems={cardProblems} id={`${fieldIdOf(path)}-problem`} />
      <div class="form-grid editor-grid">
        <TextField
          path={`${path}.key`}
          label="svQuestionKey"
          value={q.key}
          code
          maxLength={40}
          hint={q.keyEdited ? undefined : t(lang, 'svKeyAuto')}
          onInput={(key) => onChange({ key: key.toLowerCase() })}
        />
        <label class="draft-field">
          <span>{t(lang, 'svType')}</span>
          <select
            id={typeId}
            value={q.type}
            aria-invalid={typeProblems.length > 0 ? 'true' : undefined}
            onChange={(e) => onChange({ type: e.currentTarget.value as DraftQuestion['type'] })}
            data-testid="question-type"
          >
            {types.map(([type, words]) => (
              <option key={type} value={type}>
                {t(lang, words)}
              </option>
            ))}
          </select>
          <FieldProblems problems={typeProblems} id={`${typeId}-problem`} />
        </label>
      </div>
      <BilingualField
        path={`${path}.text`}
        labels={['svTextVi', 'svTextEn']}
        value={q.text}
        multiline
        onChange={(text) => onChange({ text })}
      />
      <div class="choice-list compact inline-checks">
        <label>
          <input type="checkbox" checked={q.required} onChange={(e) => onChange({ required: e.currentTarget.checked })} />
          {t(lang, 'svRequired')}
        </label>
        <label>
          <input type="checkbox" checked={q.allowNoOpinion} onChange={(e) => onChange({ allowNoOpinion: e.currentTarget.checked })} />
          {t(lang, 'svAllowNoOpinion')}
        </label>
      </div>
      {HAS_OPTIONS.includes(q.type) && (
        <div id={fieldIdOf(optionsPath)} tabIndex={-1}>
          <FieldProblems problems={problemsAt(problems, optionsPath)} id={`${fieldIdOf(optionsPath)}-problem`} />
          <OptionsEditor path={optionsPath} options={q.options} onChange={(options) => onChange({ options })} />
        </div>
      )}
      {q.type === 'text' && (
        <div class="form-grid editor-grid">
          <NumberField
            path={`${path}.maxLength`}
            label="svMaxLength"
            value={q.maxLength}
            min={1}
            max={500}
            onInput={(maxLength) => onChange({ maxLength })}
          />
        </div>
      )}
      {!overall && (
        <ShowIfEditor
          path={`${path}.showIf`}
          value={q.showIf}
          candidates={showIfCandidates(draft, q.id)}
          warning={showIfWarning(draft, q)}
          onChange={(showIf) => onChange({ showIf })}
        />
      )}
    </div>
  );
}
