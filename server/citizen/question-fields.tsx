import type { ComponentChildren } from 'preact';
import { COMMENT_ERROR_KEY } from '../../surveys/answers-schema';
import { answerField, NO_OPINION_VALUE, optionField, TICKED_VALUE, type FormValues } from '../../surveys/form-fields';
import { allQuestionsOf, DEFAULT_TEXT_LENGTH, type Question, type SurveyDefinition } from '../../surveys/instrument-schema';
import type { LocalizedText } from '../../surveys/localized-text';
import { levelsOf, NO_OPINION_LABEL } from '../../surveys/scale';
import { questionClass } from './show-if-css';
import { T, type Lang } from './texts';

export function ErrorText({ id, text, lang }: { id: string; text: LocalizedText | undefined; lang: Lang }) {
  return text ? (
    <p class="err" id={id}>
      {text[lang]}
    </p>
  ) : null;
}

export type QuestionProps = {
  q: Question;
  /** Where the question stands in the form, 1-based, and how many there are: "Câu 5/22" works without script. */
  n: number;
  total: number;
  lang: Lang;
  /** What the form sent back, by field name without its `q.` (a multiple choice's boxes as `<key>.<code>`). */
  answers: Readonly<Record<string, string>>;
  error?: LocalizedText | undefined;
};

/**
 * A question with a show-if may be hidden by the page's style (show-if-css.ts): the browser would
 * refuse to send a form with a hidden required field, so it is required by the server only.
 */
const requiredInBrowser = (q: Question) => q.required && !q.showIf;

/** The frame every question shares: its number, its text as the legend, and the error beside it. */
function QuestionFieldset({ q, n, total, lang, error, children }: QuestionProps & { children: ComponentChildren }) {
  const errId = `err-${q.key}`;
  const classes = [error ? 'has-err' : '', q.showIf ? questionClass(q.key) : ''].filter(Boolean).join(' ');
  return (
    <fieldset class={classes || undefined} aria-describedby={error ? errId : undefined}>
      <legend>
        <span class="num">{T.questionOf[lang].replace('{n}', String(n)).replace('{total}', String(total))}</span>
        {q.text[lang]} <span class="hint">({q.required ? T.overallHint[lang] : T.optionalHint[lang]})</span>
      </legend>
      {children}
      <ErrorText id={errId} text={error} lang={lang} />
    </fieldset>
  );
}

/**
 * "Dissatisfied" is wider than a fifth of a 360 px phone: a soft hyphen lets it break as
 * "Dis-satisfied" instead of overflowing the row or being cut at any letter.
 */
const scaleLabel = (label: string) => label.replace(/(dis)(satisfied)/i, '$1\u00AD$2');

/** "Không ý kiến" beside the answers, when the question allows it and does not insist on an answer. */
function NoOpinion({ q, lang, value, box }: { q: Question; lang: Lang; value: string | undefined; box: boolean }) {
  return q.allowNoOpinion && !q.required ? (
    <label class="na">
      <input type={box ? 'checkbox' : 'radio'} name={answerField(q.key)} value={NO_OPINION_VALUE} checked={value === NO_OPINION_VALUE} />
      {NO_OPINION_LABEL[lang]}
    </label>
  ) : null;
}

function ScaleQuestion(props: QuestionProps & { q: Question & { type: 'scale5' | 'scale3' } }) {
  const { q, lang, answers } = props;
  const name = answerField(q.key);
  const value = answers[q.key];
  const levels = levelsOf(q.type);
  return (
    <QuestionFieldset {...props}>
      <div class={levels.length === 3 ? 'scale s3' : 'scale'}>
        {levels.map((level) => (
          <label class="opt">
            <input
              type="radio"
              name={name}
              value={String(level.value)}
              checked={value === String(level.value)}
              required={requiredInBrowser(q)}
            />
            <span class="face" aria-hidden="true">
              {level.face}
            </span>
            {scaleLabel(level.label[lang])}
          </label>
        ))}
      </div>
      <NoOpinion q={q} lang={lang} value={value} box={false} />
    </QuestionFieldset>
  );
}

function ChoiceQuestion(props: QuestionProps) {
  const { q, lang, answers } = props;
  const value = answers[q.key];
  return (
    <QuestionFieldset {...props}>
      {(q.options ?? []).map((o) => (
        <label class="choice">
          <input
            type="radio"
            name={answerField(q.key)}
            value={String(o.code)}
            checked={value === String(o.code)}
            required={requiredInBrowser(q)}
          />
          {o.label[lang]}
        </label>
      ))}
    </QuestionFieldset>
  );
}

/** One box per option, each its own field, so a form without script sends every one ticked. */
function MultiQuestion(props: QuestionProps) {
  const { q, lang, answers } = props;
  return (
    <QuestionFieldset {...props}>
      {(q.options ?? []).map((o) => {
        const name = optionField(q.key, o.code);
        return (
          <label class="choice">
            <input type="checkbox" name={name} value={TICKED_VALUE} checked={answers[name.slice(2)] === TICKED_VALUE} />
            {o.label[lang]}
          </label>
        );
      })}
      <NoOpinion q={q} lang={lang} value={answers[q.key]} box />
    </QuestionFieldset>
  );
}

function TextQuestion(props: QuestionProps) {
  const { q, lang, answers } = props;
  return (
    <QuestionFieldset {...props}>
      <input
        type="text"
        name={answerField(q.key)}
        maxLength={q.maxLength ?? DEFAULT_TEXT_LENGTH}
        value={answers[q.key] ?? ''}
        required={requiredInBrowser(q)}
        aria-label={q.text[lang]}
      />
    </QuestionFieldset>
  );
}

function PercentQuestion(props: QuestionProps) {
  const { q, lang, answers } = props;
  return (
    <QuestionFieldset {...props}>
      <input
        type="number"
        name={answerField(q.key)}
        min={0}
        max={100}
        step={1}
        inputMode="numeric"
        value={answers[q.key] ?? ''}
        required={requiredInBrowser(q)}
        aria-label={q.text[lang]}
      />
    </QuestionFieldset>
  );
}

/** A question as the citizen page asks it, by its type. */
export function QuestionField(props: QuestionProps) {
  const { q } = props;
  switch (q.type) {
    case 'scale5':
    case 'scale3':
      return <ScaleQuestion {...props} q={q as Question & { type: 'scale5' | 'scale3' }} />;
    case 'choice':
      return <ChoiceQuestion {...props} />;
    case 'multi':
      return <MultiQuestion {...props} />;
    case 'text':
      return <TextQuestion {...props} />;
    case 'percent':
      return <PercentQuestion {...props} />;
  }
}

/** Every question of the survey in form order, then its comment box: the body the citizen page and its preview share. */
export function QuestionsAndComment({
  def,
  lang,
  values,
  errors,
}: {
  def: SurveyDefinition;
  lang: Lang;
  values: Pick<FormValues, 'answers' | 'comment'>;
  errors: Record<string, LocalizedText>;
}) {
  const questions = allQuestionsOf(def);
  return (
    <>
      {questions.map((q, i) => (
        <QuestionField q={q} n={i + 1} total={questions.length} lang={lang} answers={values.answers} error={errors[q.key]} />
      ))}
      <label class="block" for="comment">
        {def.comment.label[lang]} <span class="hint">({T.optionalHint[lang]})</span>
      </label>
      <textarea id="comment" name="comment" maxLength={def.comment.maxLength}>
        {values.comment}
      </textarea>
      <ErrorText id="err-comment" text={errors[COMMENT_ERROR_KEY]} lang={lang} />
    </>
  );
}
