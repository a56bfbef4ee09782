import type { z } from 'zod';
import { surveyDefinitionSchema, type SurveyDefinition } from '../instrument-schema';

export type SurveyDefinitionInput = z.input<typeof surveyDefinitionSchema>;

/**
 * Parse an instrument literal at module load so a typo in a built-in survey fails at startup (and
 * in the unit tests), not when a citizen submits. The result is frozen because an instrument is
 * immutable once answered: a caller that wants a variant must build a new version.
 */
export function defineInstrument(raw: SurveyDefinitionInput): SurveyDefinition {
  return deepFreeze(surveyDefinitionSchema.parse(raw));
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
