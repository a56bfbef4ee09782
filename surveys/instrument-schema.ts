import { z } from 'zod';
import { localizedText } from './localized-text';

const questionKey = z.string().regex(/^[a-z][a-z0-9_]*$/, 'question keys are lower_snake_case');

/**
 * A question. `scale5` is the 5-level satisfaction scale (1 Rất không hài lòng … 5 Rất hài lòng);
 * `percent` takes 0–100 (health: share of expectations met); `choice` takes one option's code.
 * `allowNoOpinion` lets the respondent answer "Không ý kiến", stored as null and left out of
 * denominators.
 */
export const questionSchema = z.object({
  key: questionKey,
  type: z.enum(['scale5', 'percent', 'choice']).default('scale5'),
  text: localizedText,
  required: z.boolean().default(false),
  allowNoOpinion: z.boolean().default(true),
  options: z.array(z.object({ code: z.number().int(), label: localizedText })).optional(),
});
export type Question = z.infer<typeof questionSchema>;

export const factorSchema = z.object({
  key: questionKey,
  label: localizedText,
  items: z.array(questionSchema).min(1),
});
export type Factor = z.infer<typeof factorSchema>;

/**
 * How a respondent counts as satisfied (docs/domain.md §4): by the overall question (4 or 5), or —
 * for surveys without one — when the mean of their valid factor scores is ≥ 4.
 */
export const satisfactionRule = z.enum(['overall_question', 'factor_mean']);

export const surveyDefinitionSchema = z
  .object({
    key: z.string().regex(/^[a-z][a-z0-9-]*$/),
    version: z.number().int().positive(),
    kind: z.enum(['counter', 'health', 'education']),
    form: z.enum(['short', 'long']),
    title: localizedText,
    intro: localizedText,
    respondent: localizedText.optional(),
    satisfactionRule,
    overall: questionSchema.optional(),
    factors: z.array(factorSchema).min(1),
    extras: z.array(questionSchema).default([]),
    comment: z.object({ label: localizedText, maxLength: z.number().int().positive() }),
  })
  .superRefine((def, ctx) => {
    if (def.satisfactionRule === 'overall_question' && !def.overall) {
      ctx.addIssue({ code: 'custom', message: 'overall_question rule needs an overall question' });
    }
    const keys = allQuestionsOf(def).map((q) => q.key);
    const dup = keys.find((k, i) => keys.indexOf(k) !== i);
    if (dup) ctx.addIssue({ code: 'custom', message: `question key "${dup}" is used twice` });
    const factorKeys = def.factors.map((f) => f.key);
    const dupFactor = factorKeys.find((k, i) => factorKeys.indexOf(k) !== i);
    if (dupFactor) ctx.addIssue({ code: 'custom', message: `factor key "${dupFactor}" is used twice` });
    // A choice question without options could never be answered; duplicate codes would be ambiguous.
    for (const q of allQuestionsOf(def)) {
      const codes = (q.options ?? []).map((o) => o.code);
      if (q.type === 'choice' && codes.length === 0) {
        ctx.addIssue({ code: 'custom', message: `choice question "${q.key}" needs options` });
      }
      if (new Set(codes).size !== codes.length) {
        ctx.addIssue({ code: 'custom', message: `question "${q.key}" repeats an option code` });
      }
    }
  });
export type SurveyDefinition = z.infer<typeof surveyDefinitionSchema>;

/** Every question in the order a form shows it: overall first, then factor items, then extras. */
export function allQuestionsOf(def: Pick<SurveyDefinition, 'overall' | 'factors' | 'extras'>): Question[] {
  return [...(def.overall ? [def.overall] : []), ...def.factors.flatMap((f) => f.items), ...(def.extras ?? [])];
}

/** An answer as stored: a number, or null for "Không ý kiến" (no opinion). Unanswered keys are absent. */
export type Answers = Record<string, number | null>;
