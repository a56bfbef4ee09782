import { allQuestionsOf, type SurveyDefinition } from './instrument-schema';

const cache = new WeakMap<SurveyDefinition, ReadonlySet<string>>();

/** The keys of a survey's short-text questions, whose typed digits stay text (formFieldsToSubmission). */
export function textKeysOf(def: SurveyDefinition): ReadonlySet<string> {
  let keys = cache.get(def);
  if (!keys)
    cache.set(
      def,
      (keys = new Set(
        allQuestionsOf(def)
          .filter((q) => q.type === 'text')
          .map((q) => q.key),
      )),
    );
  return keys;
}
