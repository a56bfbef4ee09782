import { optionField, answerField } from '../../surveys/form-fields';
import { allQuestionsOf, type Question, type SurveyDefinition } from '../../surveys/instrument-schema';

/** The class of a question's fieldset that its show-if rule hides (question keys are lower_snake_case). */
export const questionClass = (key: string) => `q-${key}`;

/** The ticked inputs that make a show-if hold: a coded answer's radio, or a multiple choice's box. */
function matchingInputs(showIf: NonNullable<Question['showIf']>, byKey: ReadonlyMap<string, Question>): string {
  const multi = byKey.get(showIf.question)?.type === 'multi';
  return showIf.in
    .map((code) =>
      multi
        ? `input[name="${optionField(showIf.question, code)}"]:checked`
        : `input[name="${answerField(showIf.question)}"][value="${code}"]:checked`,
    )
    .join(',');
}

/**
 * The page's style that hides a question until its show-if holds, with no script: the form does
 * not have (:has) a ticked input its condition names. A question whose earlier question is itself
 * hidden is hidden too, as the server counts it not asked: each rule lists the conditions of the
 * whole chain, and any one of them failing hides it. A browser without :has() drops the rules and
 * shows every question; the server then ignores the answers to those not asked.
 */
export function showIfCss(def: Pick<SurveyDefinition, 'overall' | 'factors' | 'extras'>): string {
  const questions = allQuestionsOf(def);
  const byKey = new Map(questions.map((q) => [q.key, q] as const));
  const rules: string[] = [];
  for (const q of questions) {
    const conditions: string[] = [];
    // The schema only lets a show-if look back, so the chain ends; `seen` guards a definition that did not pass it.
    const seen = new Set<string>();
    for (let at: Question | undefined = q; at?.showIf && !seen.has(at.key); at = byKey.get(at.showIf.question)) {
      seen.add(at.key);
      conditions.push(`form:not(:has(${matchingInputs(at.showIf, byKey)})) .${questionClass(q.key)}`);
    }
    if (conditions.length > 0) rules.push(`${conditions.join(',')}{display:none}`);
  }
  return rules.join('\n');
}
