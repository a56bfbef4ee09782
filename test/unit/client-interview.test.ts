import { describe, expect, it, vi } from 'vitest';
import { ApiError, NETWORK_ERROR } from '../../client/app/api';
import type { FormQuestion, Interview, WaveForm } from '../../client/waves/waves-types';
import { isAsked, type AnswerValue } from '../../surveys/show-if';
import { interviewQueue, makeClientKey, type QueuedInterview } from '../../client/waves/interview-queue';
import {
  answer,
  askedAnswers,
  parsePercent,
  pressKey,
  skip,
  START,
  stepsOf,
  trySave,
  typedText,
  type EntryState,
  type Step,
} from '../../client/waves/interview-steps';

const q = (key: string, extra: Partial<FormQuestion> = {}): FormQuestion => ({
  key,
  type: 'scale5',
  text: { vi: key, en: key },
  required: false,
  allowNoOpinion: true,
  ...extra,
});
const survey: WaveForm['survey'] = {
  versionId: 1,
  key: 'test',
  title: { vi: 'Thử', en: 'Test' },
  overall: q('overall', { required: true, allowNoOpinion: false }),
  factors: [{ key: 'access', label: { vi: 'Tiếp cận', en: 'Access' }, items: [q('access_1'), q('access_2')] }],
  extras: [q('come_back', { type: 'choice', options: [1, 2, 3].map((code) => ({ code, label: { vi: `${code}`, en: `${code}` } })) })],
  comment: { label: { vi: 'Góp ý', en: 'Comment' }, maxLength: 100 },
};

/** Presses keys one after another, as an interviewer types them. */
function type(steps: Step[], keys: string[], from: EntryState = START) {
  let state = from;
  let saved = false;
  for (const key of keys) {
    const r = pressKey(steps, state, key);
    state = r.state;
    saved ||= r.save;
  }
  return { state, saved };
}

describe('keyboard interview entry', () => {
  const steps = stepsOf(survey);

  it('orders the steps as the paper form: overall, factor items, extras, then the comment', () => {
    expect(steps.map((s) => (s.kind === 'question' ? s.question.key : 'comment'))).toEqual([
      'overall',
      'access_1',
      'access_2',
      'come_back',
      'comment',
    ]);
  });

  it('answers and moves on with one digit; 9 and 0 are "no opinion"; Enter saves', () => {
    const { state, saved } = type(steps, ['4', '9', '0', '2', 'Enter']);
    expect(state.answers).toEqual({ overall: 4, access_1: null, access_2: null, come_back: 2 });
    expect(state.index).toBe(4);
    expect(saved).toBe(true);
  });

  it('goes back with Backspace so a slip is retyped, and skips optional questions with Space', () => {
    const { state } = type(steps, ['3', 'Backspace', '5', ' ', '1']);
    expect(state.answers).toEqual({ overall: 5, access_2: 1 });
    expect(state.index).toBe(3);
  });

  it('refuses "no opinion" where the survey does not allow it, and a skip or save past a required question', () => {
    let r = type(steps, ['9']);
    expect(r.state).toMatchObject({ index: 0, answers: {}, notice: 'noOpinionNotHere' });
    r = type(steps, [' ']);
    expect(r.state).toMatchObject({ index: 0, notice: 'missingRequired' });
    r = type(steps, ['Backspace', 'Enter'], { index: 2, answers: { access_1: 4 }, notice: null });
    expect(r.saved).toBe(false);
    expect(r.state).toMatchObject({ index: 0, notice: 'missingRequired' });
  });

  it('ignores keys that mean nothing on a question (6, letters) and takes only listed choice codes', () => {
    const r = pressKey(steps, START, '6');
    expect(r.handled).toBe(false);
    expect(r.state).toBe(START);
    const atChoice: EntryState = { index: 3, answers: { overall: 4 }, notice: null };
    expect(pressKey(steps, atChoice, '5').handled).toBe(false);
    expect(pressKey(steps, atChoice, '3').state.answers.come_back).toBe(3);
  });

  it('reads a typed percentage as a whole number from 0 to 100', () => {
    expect(parsePercent('85')).toBe(85);
    expect(parsePercent('100')).toBe(100);
    expect(parsePercent('101')).toBeNull();
    expect(parsePercent('8,5')).toBeNull();
  });
});

function memoryStorage() {
  const data = new Map<string, string>();
  return { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v), data };
}

const interview = (clientKey: string, unitId = 3): Interview => ({ clientKey, unitId, answers: { overall: 4 } });

describe('the interview queue', () => {
  it('makes client keys the server accepts', () => {
    const key = makeClientKey();
    expect(key).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
    expect(makeClientKey()).not.toBe(key);
  });

  it('retries after a network failure with the same client key, so the server stores it once', async () => {
    const storage = memoryStorage();
    const stored = new Map<string, number>();
    let online = false;
    const send = vi.fn(async (_wave: number, iv: Interview) => {
      if (!online) throw new ApiError(0, NETWORK_ERROR);
      if (!stored.has(iv.clientKey)) stored.set(iv.clientKey, stored.size + 100);
      return { id: stored.get(iv.clientKey)! };
    });
    const timers: (() => void)[] = [];
    let items: readonly QueuedInterview[] = [];
    const queue = interviewQueue({ waveId: 7, send, storage, schedule: (run) => timers.push(run), onChange: (list) => (items = list) });

    await queue.add(interview('iv-aaaaaaaa'));
    await queue.add(interview('iv-bbbbbbbb'));
    expect(items.map((i) => i.status)).toEqual(['retrying', 'retrying']);
    // Kept across a reload until the server confirms.
    expect(JSON.parse(storage.data.get('hailong.interviews.7')!)).toHaveLength(2);
    expect(timers).toHaveLength(1);

    online = true;
    timers.shift()!();
    await vi.waitFor(() => expect(items.map((i) => i.status)).toEqual(['saved', 'saved']));
    expect(items.map((i) => i.id)).toEqual([100, 101]);
    const keys = send.mock.calls.map((c) => c[1].clientKey);
    expect(new Set(keys)).toEqual(new Set(['iv-aaaaaaaa', 'iv-bbbbbbbb']));
    expect(stored.size).toBe(2);
    expect(JSON.parse(storage.data.get('hailong.interviews.7')!)).toEqual([]);
  });

  it('sends again, on the next visit, what an earlier one left unconfirmed', async () => {
    const storage = memoryStorage();
    const left: QueuedInterview[] = [{ clientKey: 'iv-cccccccc', seq: 1, interview: interview('iv-cccccccc'), status: 'retrying' }];
    storage.setItem('hailong.interviews.7', JSON.stringify(left));
    const send = vi.fn(async () => ({ id: 9 }));
    let items: readonly QueuedInterview[] = [];
    const queue = interviewQueue({ waveId: 7, send, storage, schedule: () => {}, onChange: (list) => (items = list) });
    expect(queue.items[0]!.status).toBe('pending');
    await queue.resume();
    expect(send).toHaveBeenCalledWith(7, left[0]!.interview);
    expect(items[0]).toMatchObject({ status: 'saved', id: 9 });
  });

  it('marks a refusal no retry can fix, keeps it until discarded, and goes on with the next', async () => {
    const storage = memoryStorage();
    const refusal = { vi: 'Đơn vị này không thuộc đợt khảo sát.', en: 'This unit is not a stratum of the wave.' };
    const send = vi.fn(async (_w: number, iv: Interview) => {
      if (iv.unitId === 99) throw new ApiError(422, refusal);
      return { id: 1 };
    });
    let items: readonly QueuedInterview[] = [];
    const queue = interviewQueue({ waveId: 2, send, storage, schedule: () => {}, onChange: (list) => (items = list) });
    await queue.add(interview('iv-dddddddd', 99));
    await queue.add(interview('iv-eeeeeeee'));
    expect(items.map((i) => [i.status, i.error])).toEqual([
      ['rejected', refusal],
      ['saved', undefined],
    ]);
    expect(send).toHaveBeenCalledTimes(2);
    queue.discard('iv-dddddddd');
    expect(items.map((i) => i.clientKey)).toEqual(['iv-eeeeeeee']);
    expect(JSON.parse(storage.data.get('hailong.interviews.2')!)).toEqual([]);
  });
});

describe('keyboard entry of the designer’s question types', () => {
  const opts = (n: number) => Array.from({ length: n }, (_, i) => ({ code: i + 1, label: { vi: `PA ${i + 1}`, en: `Option ${i + 1}` } }));
  const designed: WaveForm['survey'] = {
    versionId: 2,
    key: 'ks3',
    title: { vi: 'Ba mức', en: 'Three levels' },
    overall: q('overall', { type: 'scale3', required: true, allowNoOpinion: false }),
    factors: [
      {
        key: 'f',
        label: { vi: 'Nhóm', en: 'Group' },
        items: [
          q('online', { type: 'choice', allowNoOpinion: false, options: opts(2) }),
          q('which', { type: 'multi', required: true, allowNoOpinion: false, options: opts(3), showIf: { question: 'online', in: [1] } }),
          q('why', { type: 'text', allowNoOpinion: false, maxLength: 10, showIf: { question: 'which', in: [3] } }),
        ],
      },
    ],
    extras: [q('after', { type: 'scale5' })],
    comment: { label: { vi: 'Góp ý', en: 'Comment' }, maxLength: 100 },
  };
  const steps = stepsOf(designed);
  const at = (state: EntryState) => {
    const s = steps[state.index]!;
    return s.kind === 'question' ? s.question.key : 'comment';
  };

  it('takes 1–3 on the 3-level scale and refuses 4 and 5', () => {
    expect(pressKey(steps, START, '4').handled).toBe(false);
    expect(pressKey(steps, START, '5').handled).toBe(false);
    const r = type(steps, ['3']);
    expect(r.state.answers).toEqual({ overall: 3 });
    expect(at(r.state)).toBe('online');
  });

  it('ticks and unticks several codes with digits, stays on the question, keeps them sorted, and Space moves on', () => {
    let r = type(steps, ['2', '1', '3', '1', '3', '2']);
    expect(at(r.state)).toBe('which');
    // 3 on, 1 on, 3 off, 2 on
    expect(r.state.answers.which).toEqual([1, 2]);
    r = type(steps, ['3', ' '], r.state);
    expect(r.state.answers.which).toEqual([1, 2, 3]);
    expect(at(r.state)).toBe('why');
  });

  it('a required several-choice question with nothing ticked cannot be skipped; unticking the last one unanswers it', () => {
    let r = type(steps, ['2', '1', '2', '2', ' ']);
    expect(r.state.answers).toEqual({ overall: 2, online: 1 });
    expect(r.state).toMatchObject({ notice: 'missingRequired' });
    expect(at(r.state)).toBe('which');
    r = type(steps, ['Enter'], r.state);
    expect(r.saved).toBe(false);
  });

  it('passes over a question whose show-if is not met, going on and coming back, and saves without it', () => {
    let r = type(steps, ['2', '2']);
    expect(at(r.state)).toBe('after');
    r = type(steps, ['Backspace'], r.state);
    expect(at(r.state)).toBe('online');
    r = type(steps, ['2', '4', 'Enter'], r.state);
    expect(r.saved).toBe(true);
    expect(askedAnswers(steps, r.state.answers)).toEqual({ overall: 2, online: 2, after: 4 });
  });

  it('drops an answer left behind when an earlier answer changes so the question is no longer asked', () => {
    const typedIn = { index: 0, notice: null, answers: { overall: 1, online: 1, which: [3], why: 'Chậm' } };
    const changed = { ...typedIn, answers: { ...typedIn.answers, online: 2 } };
    expect(askedAnswers(steps, typedIn.answers)).toEqual(typedIn.answers);
    expect(askedAnswers(steps, changed.answers)).toEqual({ overall: 1, online: 2 });
    expect(trySave(steps, changed).save).toBe(true);
    // …and with online 1 but which unticked of 3, "why" is not asked either
    expect(askedAnswers(steps, { overall: 1, online: 1, which: [1], why: 'Chậm' })).toEqual({ overall: 1, online: 1, which: [1] });
  });

  it('takes a typed short text, trimmed to the question’s length; an empty one is no answer', () => {
    expect(typedText('  Chờ quá lâu ở quầy  ', 10)).toBe('Chờ quá lâ');
    expect(typedText('   ', 10)).toBeNull();
    const atWhy: EntryState = { index: 3, answers: { overall: 1, online: 1, which: [3] }, notice: null };
    const r = answer(steps, atWhy, typedText('Chậm', 10));
    expect(r.answers.why).toBe('Chậm');
    expect(at(r)).toBe('after');
    expect(pressKey(steps, atWhy, '1').handled).toBe(false);
    expect(at(skip(steps, atWhy))).toBe('after');
  });
});

describe('the show-if rule the interviewer’s entry follows', () => {
  it('asks a question when an earlier code, or any ticked code, is one of its codes', () => {
    const showIf = { question: 'p', in: [1, 3] };
    const cases: Record<string, AnswerValue>[] = [{}, { p: 1 }, { p: 2 }, { p: null }, { p: [2] }, { p: [2, 3] }, { p: [] }, { p: 'text' }];
    expect(cases.map((a) => isAsked({ showIf }, a))).toEqual([false, true, false, false, false, true, false, false]);
    expect(isAsked({}, {})).toBe(true);
  });
});
