import { z } from 'zod';
import type { LocalizedText } from './localized-text';
import type { ShowIf } from './show-if';

export { DEFAULT_TEXT_LENGTH, isAsked, type Answers, type AnswerValue, type ShowIf } from './show-if';

const questionKey = z
  .string()
  .regex(/^[a-z][a-z0-9_]*$/, 'question keys are lower_snake_case')
  .max(40, 'question keys are at most 40 characters');

/**
 * Text a respondent reads: Vietnamese required, English optional. A text without English shows
 * its Vietnamese on the English page, so the parsed definition always has both.
 */
export const surveyText = z
  .object({
    vi: z.string().trim().min(1, 'Vietnamese text is required'),
    en: z.string().trim().optional(),
  })
  .transform((t): LocalizedText => ({ vi: t.vi, en: t.en ? t.en : t.vi }));

/**
 * The kinds of question (docs/domain.md §3):
 * - `scale5`: the 5-level satisfaction scale, 1 Rất không hài lòng … 5 Rất hài lòng;
 * - `scale3`: the 3-level scale of one-stop rating devices and portals, 1 Không hài lòng,
 *   2 Hài lòng, 3 Rất hài lòng;
 * - `choice`: one option's code; `multi`: the codes of every option ticked, as a list;
 * - `text`: a short free text; `percent`: a whole number 0–100 (health: share of expectations met).
 * `allowNoOpinion` lets the respondent answer "Không ý kiến", stored as null and left out of
 * denominators.
 */
export const QUESTION_TYPES = ['scale5', 'scale3', 'choice', 'multi', 'text', 'percent'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

/** Types whose answers are codes another question's show-if can test. */
export const CODED_TYPES: readonly QuestionType[] = ['scale5', 'scale3', 'choice', 'multi'];
/** Types that rate satisfaction: they count in factor indices and can be the overall question. */
export const RATING_TYPES: readonly QuestionType[] = ['scale5', 'scale3'];

/** Ask a question only when an earlier question's answer is one of these codes (for `multi`: any ticked). */
export const showIfSchema = z.object({ question: questionKey, in: z.array(z.number().int()).min(1) }) satisfies z.ZodType<ShowIf>;

const optionSchema = z.object({ code: z.number().int().min(0).max(98), label: surveyText });

export const questionSchema = z.object({
  key: questionKey,
  type: z.enum(QUESTION_TYPES).default('scale5'),
  text: surveyText,
  required: z.boolean().default(false),
  allowNoOpinion: z.boolean().default(true),
  options: z.array(optionSchema).max(30).optional(),
  /** Short text only: the longest answer, in characters. */
  maxLength: z.number().int().min(1).max(500).optional(),
  showIf: showIfSchema.optional(),
});
export type Question = z.infer<typeof questionSchema>;

export const factorSchema = z.object({
  key: questionKey,
  label: surveyText,
  items: z.array(questionSchema).min(1),
});
export type Factor = z.infer<typeof factorSchema>;

/**
 * How a respondent counts as satisfied (docs/domain.md §4): by the overall question (Hài lòng or
 * Rất hài lòng), or — for surveys without one — when the mean of their valid factor scores is ≥ 4.
 */
export const satisfactionRule = z.enum(['overall_question', 'factor_mean']);

/** `custom`: a questionnaire a province wrote in the designer. */
export const SURVEY_KINDS = ['counter', 'health', 'education', 'custom'] as const;

export const surveyDefinitionSchema = z
  .object({
    key: z
      .string()
      .regex(/^[a-z][a-z0-9-]*$/, 'survey keys are lower-case letters, digits and dashes, starting with a letter')
      .max(40, 'survey keys are at most 40 characters'),
    version: z.number().int().positive(),
    kind: z.enum(SURVEY_KINDS),
    form: z.enum(['short', 'long']),
    title: surveyText,
    intro: surveyText,
    respondent: surveyText.optional(),
    satisfactionRule,
    overall: questionSchema.optional(),
    factors: z.array(factorSchema).min(1),
    extras: z.array(questionSchema).default([]),
    comment: z.object({ label: surveyText, maxLength: z.number().int().positive().max(4000) }),
  })
  .superRefine((def, ctx) => {
    if (def.satisfactionRule === 'overall_question' && !def.overall) {
      say(ctx, ['overall'], {
        vi: 'Quy tắc theo câu hỏi chung cần có câu hỏi chung.',
        en: 'The overall-question rule needs an overall question.',
      });
    }
    if (def.overall && !RATING_TYPES.includes(def.overall.type)) {
      say(ctx, ['overall', 'type'], {
        vi: 'Câu hỏi chung phải là thang 5 mức hoặc 3 mức.',
        en: 'The overall question must be a 5-level or 3-level scale.',
      });
    }
    if (def.overall?.showIf) {
      say(ctx, ['overall', 'showIf'], {
        vi: 'Câu hỏi chung luôn được hỏi, không có điều kiện hiển thị.',
        en: 'The overall question is always asked: it has no show-if.',
      });
    }
    const located = locatedQuestions(def);
    const seen = new Map<string, number>();
    located.forEach(({ q, path }, i) => {
      if (seen.has(q.key))
        say(ctx, [...path, 'key'], { vi: `Mã câu hỏi "${q.key}" bị dùng hai lần.`, en: `Question key "${q.key}" is used twice.` });
      seen.set(q.key, i);
    });
    const factorKeys = def.factors.map((f) => f.key);
    factorKeys.forEach((k, i) => {
      if (factorKeys.indexOf(k) !== i)
        say(ctx, ['factors', i, 'key'], { vi: `Mã nhóm "${k}" bị dùng hai lần.`, en: `Factor key "${k}" is used twice.` });
    });
    located.forEach(({ q, path }, i) => questionIssues(q, located, seen, i).forEach(([at, text]) => say(ctx, [...path, ...at], text)));
  });
export type SurveyDefinition = z.infer<typeof surveyDefinitionSchema>;

type Located = { q: Question; path: (string | number)[] };

function locatedQuestions(def: Pick<SurveyDefinition, 'overall' | 'factors' | 'extras'>): Located[] {
  return [
    ...(def.overall ? [{ q: def.overall, path: ['overall'] }] : []),
    ...def.factors.flatMap((f, fi) => f.items.map((q, qi) => ({ q, path: ['factors', fi, 'items', qi] }))),
    ...(def.extras ?? []).map((q, i) => ({ q, path: ['extras', i] })),
  ];
}

/** A custom issue with its words in both languages: `message` in English, `params.vi` in Vietnamese. */
function say(ctx: z.RefinementCtx, path: (string | number)[], text: LocalizedText) {
  ctx.addIssue({ code: 'custom', path, message: text.en, params: { vi: text.vi } });
}

type Issue = [(string | number)[], LocalizedText];

/** What is wrong with one question beyond its shape: its options, its length, its show-if. */
function questionIssues(q: Question, located: readonly Located[], index: ReadonlyMap<string, number>, at: number): Issue[] {
  const issues: Issue[] = [];
  const codes = (q.options ?? []).map((o) => o.code);
  const hasOptions = q.type === 'choice' || q.type === 'multi';
  // A choice question without options could never be answered; duplicate codes would be ambiguous.
  if (hasOptions && codes.length === 0) {
    issues.push([['options'], { vi: `Câu "${q.key}" cần có phương án trả lời.`, en: `Question "${q.key}" needs options.` }]);
  }
  if (!hasOptions && codes.length > 0) {
    issues.push([
      ['options'],
      {
        vi: `Chỉ câu chọn một hoặc chọn nhiều mới có phương án ("${q.key}").`,
        en: `Only choice questions have options ("${q.key}" is ${q.type}).`,
      },
    ]);
  }
  codes.forEach((c, j) => {
    if (codes.indexOf(c) !== j)
      issues.push([
        ['options', j, 'code'],
        { vi: `Câu "${q.key}" lặp mã phương án ${c}.`, en: `Question "${q.key}" repeats option code ${c}.` },
      ]);
  });
  if (q.maxLength !== undefined && q.type !== 'text') {
    issues.push([
      ['maxLength'],
      { vi: 'Chỉ câu trả lời ngắn mới có độ dài tối đa.', en: 'Only short-text questions have a maximum length.' },
    ]);
  }
  if (q.showIf) issues.push(...showIfIssues(q.showIf, at, located, index).map((text): Issue => [['showIf'], text]));
  return issues;
}

/** A show-if may only look back, at a question with codes, and at codes that question offers. */
function showIfIssues(showIf: ShowIf, at: number, located: readonly Located[], index: ReadonlyMap<string, number>): LocalizedText[] {
  const key = showIf.question;
  const target = index.get(key);
  if (target === undefined) {
    return [
      {
        vi: `Điều kiện hiển thị dựa vào "${key}", không phải câu hỏi của phiếu này.`,
        en: `The show-if refers to "${key}", which is not a question of this survey.`,
      },
    ];
  }
  if (target >= at) {
    return [
      {
        vi: `Điều kiện hiển thị dựa vào "${key}", câu này không đứng trước.`,
        en: `The show-if refers to "${key}", which is not asked before this question.`,
      },
    ];
  }
  const q = located[target]!.q;
  if (!CODED_TYPES.includes(q.type)) {
    return [
      {
        vi: `Điều kiện hiển thị dựa vào "${key}", câu trả lời của câu đó không phải là mã.`,
        en: `The show-if refers to "${key}", whose answers are not codes.`,
      },
    ];
  }
  const valid = answerCodes(q);
  const wrong = showIf.in.filter((c) => !valid.includes(c)).join(', ');
  return wrong
    ? [
        {
          vi: `Điều kiện hiển thị dùng mã ${wrong}, câu "${key}" không có mã này.`,
          en: `The show-if uses code ${wrong}, which "${key}" does not offer.`,
        },
      ]
    : [];
}

/** The codes a coded question can be answered with. */
export function answerCodes(q: Pick<Question, 'type' | 'options'>): number[] {
  if (q.type === 'scale5') return [1, 2, 3, 4, 5];
  if (q.type === 'scale3') return [1, 2, 3];
  return (q.options ?? []).map((o) => o.code);
}

/** Every question in the order a form shows it: overall first, then factor items, then extras. */
export function allQuestionsOf(def: Pick<SurveyDefinition, 'overall' | 'factors' | 'extras'>): Question[] {
  return [...(def.overall ? [def.overall] : []), ...def.factors.flatMap((f) => f.items), ...(def.extras ?? [])];
}
