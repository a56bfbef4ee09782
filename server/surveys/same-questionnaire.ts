import type { SurveyDefinition } from '../../surveys/instrument-schema';

/** Whether two definitions ask the same thing in the same words: all but the version number. */
export function sameQuestionnaire(a: SurveyDefinition, b: SurveyDefinition): boolean {
  return canonical({ ...a, version: 0 }) === canonical({ ...b, version: 0 });
}

// Key order is not meaning: jsonb gives keys back in its own order.
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([x], [y]) => (x < y ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
