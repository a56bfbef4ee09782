import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { levelsOf, NO_OPINION_LABEL } from '../../surveys/scale';
import { t, type Lang } from '../app/i18n';
import {
  answer,
  askedAnswers,
  back,
  isStepAsked,
  parsePercent,
  pressKey,
  skip,
  START,
  stepsOf,
  toggle,
  trySave,
  typedText,
  type Answers,
  type EntryState,
} from './interview-steps';
import { DEFAULT_TEXT_LENGTH } from '../../surveys/show-if';
import type { WaveForm } from './waves-types';

interface Props {
  survey: WaveForm['survey'];
  lang: Lang;
  onSave: (answers: Answers, comment: string) => void;
}

/**
 * One interview, a question at a time, for fast entry from paper: the question box keeps the
 * focus and takes single keys; buttons do the same for a mouse or a screen reader. Saving clears
 * the form for the next interview at once (the queue sends in the background).
 */
export function InterviewForm({ survey, lang, onSave }: Props) {
  const steps = useMemo(() => stepsOf(survey), [survey]);
  const [state, setRendered] = useState<EntryState>(START);
  // Keys can arrive faster than renders; each one must build on the one before, not on a stale render.
  const live = useRef<EntryState>(START);
  const setState = (next: EntryState) => {
    live.current = next;
    setRendered(next);
  };
  const [comment, setComment] = useState('');
  // What is being typed for a percent or short-text question.
  const [typedValue, setTyped] = useState('');
  const [flash, setFlash] = useState(0);
  const card = useRef<HTMLDivElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const step = steps[state.index]!;
  const question = step.kind === 'question' ? step.question : null;
  const typed = step.kind === 'comment' || question?.type === 'percent' || question?.type === 'text';
  const asked = steps.slice(0, -1).filter((s) => isStepAsked(s, state.answers));
  const questionCount = asked.length;
  const answered = Object.keys(askedAnswers(steps, state.answers)).length;
  const textMax = question?.maxLength ?? DEFAULT_TEXT_LENGTH;

  useEffect(() => {
    if (question?.type === 'percent' || question?.type === 'text') {
      const v = state.answers[question.key];
      setTyped(v === undefined || v === null ? '' : String(v));
    }
    (typed ? input.current : card.current)?.focus();
  }, [state.index, flash]);

  const save = (s: EntryState = live.current) => {
    const result = trySave(steps, s);
    setState(result.state);
    if (!result.save) return;
    onSave(askedAnswers(steps, s.answers), comment.trim());
    setState(START);
    setComment('');
    setFlash((n) => n + 1);
  };

  const onCardKey = (e: KeyboardEvent) => {
    if (e.isComposing || e.ctrlKey || e.altKey || e.metaKey || typed) return;
    const result = pressKey(steps, live.current, e.key);
    if (!result.handled) return;
    e.preventDefault();
    if (result.save) save(result.state);
    else setState(result.state);
  };

  const onInputKey = (e: KeyboardEvent) => {
    if (e.isComposing) return;
    const text = (e.currentTarget as HTMLInputElement).value;
    if (e.key === 'Backspace' && text === '') {
      e.preventDefault();
      setState(back(steps, live.current));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      const now = live.current;
      if (step.kind === 'comment') return save(now);
      if (text.trim() === '') return setState(skip(steps, dropAnswer(now)));
      if (question?.type === 'text') return setState(answer(steps, now, typedText(text, textMax)));
      const value = parsePercent(text);
      setState(value === null ? { ...now, notice: 'percentHint' } : answer(steps, now, value));
    }
  };

  // An emptied typed answer is no answer: the question is skipped, not kept at its old value.
  const dropAnswer = (s: EntryState): EntryState => {
    if (!question || !(question.key in s.answers)) return s;
    const answers = { ...s.answers };
    delete answers[question.key];
    return { ...s, answers };
  };

  const pick = (value: number | null) => {
    const now = live.current;
    setState(question?.type === 'multi' && value !== null ? toggle(steps, now, value) : answer(steps, now, value));
    card.current?.focus();
  };
  const current = question ? state.answers[question.key] : undefined;
  const chosen = (value: number) => (Array.isArray(current) ? current.includes(value) : current === value);
  const options =
    question?.type === 'choice' || question?.type === 'multi'
      ? (question.options ?? []).map((o) => ({ value: o.code, label: o.label }))
      : levelsOf(question?.type === 'scale3' ? 'scale3' : 'scale5').map((l) => ({ value: l.value, label: l.label }));

  return (
    <section class="panel entry-panel" aria-labelledby="entry-form-title" data-testid="interview-form">
      <h2 id="entry-form-title" class="visually-hidden">
        {t(lang, 'page_wave_entry')}
      </h2>
      <p class="entry-progress muted">
        <span data-testid="step-number">
          {step.kind === 'comment'
            ? t(lang, 'commentStep')
            : t(lang, 'questionOf')
                .replace('{i}', String(asked.indexOf(step) + 1))
                .replace('{n}', String(questionCount))}
        </span>
        {' · '}
        <span data-testid="answered-count" data-value={answered}>
          {t(lang, 'answeredCount').replace('{a}', String(answered)).replace('{n}', String(questionCount))}
        </span>
      </p>
      <div
        ref={card}
        class="question-card"
        tabIndex={typed ? -1 : 0}
        onKeyDown={onCardKey}
        role="group"
        aria-labelledby="question-text"
        aria-describedby="entry-help"
        data-testid="entry-question"
        data-step={state.index}
        data-key={question?.key ?? 'comment'}
      >
        {step.kind === 'question' && step.group && <p class="question-group">{step.group[lang]}</p>}
        <p id="question-text" class="question-text" aria-live="polite">
          {question ? question.text[lang] : survey.comment.label[lang]}
          {question?.required && <span class="muted"> {t(lang, 'required_mark')}</span>}
        </p>
        {question?.type === 'multi' && <p class="muted small">{t(lang, 'multiHint')}</p>}
        {question && question.type !== 'percent' && question.type !== 'text' && (
          <div class="answer-options" data-type={question.type}>
            {options.map((o) => (
              <button
                key={o.value}
                type="button"
                tabIndex={-1}
                class="answer-option"
                aria-pressed={chosen(o.value)}
                onClick={() => pick(o.value)}
                data-value={o.value}
              >
                <span class="key">{o.value}</span> {o.label[lang]}
              </button>
            ))}
            {question.allowNoOpinion && (
              <button
                type="button"
                tabIndex={-1}
                class="answer-option no-opinion"
                aria-pressed={current === null}
                onClick={() => pick(null)}
                data-value="no_opinion"
              >
                <span class="key">9</span> {NO_OPINION_LABEL[lang]}
              </button>
            )}
          </div>
        )}
        {question?.type === 'percent' && (
          <label class="typed-answer">
            <span>{t(lang, 'percentHint')}</span>
            <input
              ref={input}
              inputMode="numeric"
              value={typedValue}
              onInput={(e) => setTyped(e.currentTarget.value)}
              onKeyDown={onInputKey}
              data-testid="percent-input"
            />
          </label>
        )}
        {question?.type === 'text' && (
          <label class="typed-answer">
            <span>{t(lang, 'textHint').replace('{n}', String(textMax))}</span>
            <input
              ref={input}
              value={typedValue}
              maxLength={textMax}
              onInput={(e) => setTyped(e.currentTarget.value)}
              onKeyDown={onInputKey}
              data-testid="text-input"
            />
          </label>
        )}
        {step.kind === 'comment' && (
          <label class="typed-answer">
            <span class="visually-hidden">{survey.comment.label[lang]}</span>
            <input
              ref={input}
              value={comment}
              maxLength={survey.comment.maxLength}
              onInput={(e) => setComment(e.currentTarget.value)}
              onKeyDown={onInputKey}
              data-testid="comment-input"
            />
          </label>
        )}
      </div>
      <p class="entry-notice" role="status" data-testid="entry-notice">
        {state.notice ? t(lang, state.notice) : ''}
      </p>
      <div class="form-actions">
        <button type="button" class="button secondary" onClick={() => setState(back(steps, state))} disabled={state.index === 0}>
          {t(lang, 'back')}
        </button>
        <button type="button" class="button secondary" onClick={() => setState(skip(steps, state))} disabled={step.kind === 'comment'}>
          {t(lang, 'skip')}
        </button>
        <button type="button" class="button primary" onClick={() => save()} data-testid="save-interview">
          {t(lang, 'saveInterview')}
        </button>
      </div>
      <p id="entry-help" class="muted small">
        {t(lang, 'entryHelp')}
      </p>
      <ol
        class="answer-strip"
        data-testid="answer-strip"
        aria-label={t(lang, 'answeredCount').replace('{a}', String(answered)).replace('{n}', String(questionCount))}
      >
        {steps.slice(0, -1).map((s, i) => {
          const key = s.kind === 'question' ? s.question.key : 'comment';
          const v = state.answers[key];
          const notAsked = !isStepAsked(s, state.answers);
          return (
            <li key={key}>
              <button
                type="button"
                tabIndex={-1}
                class={i === state.index ? 'current' : notAsked ? 'not-asked' : undefined}
                disabled={notAsked}
                onClick={() => setState({ ...state, index: i, notice: null })}
                data-key={key}
                data-value={notAsked || v === undefined ? '' : v === null ? 'no_opinion' : String(v)}
                title={s.kind === 'question' ? s.question.text[lang] + (notAsked ? ` — ${t(lang, 'notAsked')}` : '') : ''}
              >
                {notAsked ? '–' : stripMark(v, lang)}
              </button>
            </li>
          );
        })}
      </ol>
    </section>
  );
}

/** What the answer strip shows for an answer: the code(s), a pen for a text, K/N for no opinion. */
function stripMark(v: Answers[string] | undefined, lang: Lang): string {
  if (v === undefined) return '·';
  if (v === null) return lang === 'vi' ? 'K' : 'N';
  if (Array.isArray(v)) return v.join(',');
  return typeof v === 'string' ? '✎' : String(v);
}
