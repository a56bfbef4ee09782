import type { DefinitionProblem } from './definition-problems';
import { allQuestionsOf, type SurveyDefinition } from './instrument-schema';

/**
 * A question key keeps its type in every version of a survey. Figures pool a key's answers across
 * versions (factor indices, distributions), and score them by the type: a key asked on five levels
 * in version 1 and on three in version 2 would count version 1's 4s and 5s wrongly. A question that
 * changes type is a new question, with a key of its own.
 */
export function typeChanges(earlier: readonly SurveyDefinition[], next: SurveyDefinition): DefinitionProblem[] {
  const before = new Map<string, { type: string; version: number }>();
  for (const def of earlier)
    for (const q of allQuestionsOf(def)) if (!before.has(q.key)) before.set(q.key, { type: q.type, version: def.version });
  const problems: DefinitionProblem[] = [];
  const paths = [
    ...(next.overall ? [{ q: next.overall, path: 'overall' }] : []),
    ...next.factors.flatMap((f, fi) => f.items.map((q, qi) => ({ q, path: `factors.${fi}.items.${qi}` }))),
    ...next.extras.map((q, i) => ({ q, path: `extras.${i}` })),
  ];
  for (const { q, path } of paths) {
    const was = before.get(q.key);
    if (was && was.type !== q.type) {
      problems.push({
        path: `${path}.type`,
        message: {
          vi: `Câu "${q.key}" là loại ${was.type} ở phiên bản ${was.version}: một mã câu hỏi giữ nguyên loại qua các phiên bản. Hãy đặt mã mới cho câu hỏi loại ${q.type}.`,
          en: `Question "${q.key}" is of type ${was.type} in version ${was.version}: a question key keeps its type across versions. Give the ${q.type} question a new key.`,
        },
      });
    }
  }
  return problems;
}
