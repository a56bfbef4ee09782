import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { NO_OPINION_LABEL, SCALE_LEVELS } from '../../surveys/scale';
import { t, type Lang } from '../app/i18n';
import { answer, back, parsePercent, pressKey, skip, START, stepsOf, trySave, type Answers, type EntryState } from './interview-steps';
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
  const [percent, setPercent] = useState('');
  const [flash, setFlash] = useState(0);
  const card = useRef<HTMLDivElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const step = steps[state.index]!;
  const question = step.kind === 'question' ? step.question : null;
  const typed = step.kind === 'comment' || question?.type === 'percent';
  const questionCount = steps.length - 1;
  const answered = Object.keys(state.answers).length;

  useEffect(() => {
    if (question?.type === 'percent') {
      const v = state.answers[question.key];
      setPercent(v === undefined || v === null ? '' : String(v));
    }
    (typed ? input.current : card.current)?.focus();
  }, [state.index, flash]);

  const save = (s: EntryState = live.current) => {
    const result = trySave(steps, s);
    setState(result.state);
    if (!result.save) return;
    onSave(s.answers, comment.trim());
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
      setState(back(live.current));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      const now = live.current;
      if (step.kind === 'comment') return save(now);
      if (text.trim() === '') return setState(skip(steps, now));
      const value = parsePercent(text);
      setState(value === null ? { ...now, notice: 'percentHint' } : answer(steps, now, value));
    }
  };

  const pick = (value: number | null) => {
    setState(answer(steps, live.current, value));
    card.current?.focus();
  };
  const current = question ? state.answers[question.key] : undefined;
  const options =
    question?.type === 'choice'
      ? (question.options ?? []).map((o) => ({ value: o.code, label: o.label }))
      : SCALE_LEVELS.map((l) => ({ value: l.value, label: l.label }));

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
                .replace('{i}', String(state.index + 1))
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
        {question && question.type !== 'percent' && (
          <div class="answer-options">
            {options.map((o) => (
              <button
                key={o.value}
                type="button"
                tabIndex={-1}
                class="answer-option"
                aria-pressed={current === o.value}
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
              value={percent}
              onInput={(e) => setPercent(e.currentTarget.value)}
              onKeyDown={onInputKey}
              data-testid="percent-input"
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
        <button type="button" class="button secondary" onClick={() => setState(back(state))} disabled={state.index === 0}>
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
          return (
            <li key={key}>
              <button
                type="button"
                tabIndex={-1}
                class={i === state.index ? 'current' : undefined}
                onClick={() => setState({ ...state, index: i, notice: null })}
                data-key={key}
                data-value={v === undefined ? '' : v === null ? 'no_opinion' : v}
                title={s.kind === 'question' ? s.question.text[lang] : ''}
              >
                {v === undefined ? '·' : v === null ? (lang === 'vi' ? 'K' : 'N') : v}
              </button>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
